import type { OrgChart } from '../../../api/types.js';

export type ChartNode = OrgChart['graph']['nodes'][number];
export type Kind = ChartNode['kind'];

/** Box of each kind of node, in pixels: room for a name over two lines and a caption under it. */
export const SIZE: Record<Kind, [number, number]> = {
  department: [240, 54],
  platform: [280, 66],
  unit: [320, 52],
  committee: [240, 54],
  appointer: [200, 54],
  category: [176, 64],
  funding_source: [180, 54],
};

// Columns: funding and the appointing body on the left, the platform's line in the middle, units right.
const LEFT_X = 100;
const MID_X = 470;
const BUS_X = 755;
const UNIT_X = 930;
const UNIT_STEP = 58;
const SOURCE_STEP = 64;
const CATEGORY_STEP = 190;
const PLATFORM_Y = 140;
/** Room around the node centres for the boxes themselves: half the widest box on each side. */
export const MARGIN = { left: 105, right: 165, top: 36, bottom: 36 };

export interface Placed {
  node: ChartNode;
  x: number;
  y: number;
}
/** A point lines meet at (elbows, arrow tips); drawn as nothing. */
export interface Junction {
  id: string;
  x: number;
  y: number;
}
export interface Edge {
  source: string;
  target: string;
  /** The server's link kind this line draws. */
  kind: OrgChart['graph']['links'][number]['kind'];
  arrow: boolean;
  /** For funding: the source's amount (minor units). */
  value?: number;
}

export interface Layout {
  placed: Placed[];
  junctions: Junction[];
  edges: Edge[];
  width: number;
  height: number;
  top: number;
  bottom: number;
}

const spread = (i: number, count: number, step: number) => (i - (count - 1) / 2) * step;

/**
 * Where each box goes and how lines join them, as in the source document's Figure 2: department above
 * the platform, funding flowing in from the left, units listed to the right on an elbow bus, the
 * committee below with its appointing body on the left and its categories underneath.
 */
export function layOut(chart: OrgChart): Layout {
  const nodes = chart.graph.nodes;
  const of = (kind: Kind) => nodes.filter((n) => n.kind === kind);
  const platform = of('platform')[0];
  const department = of('department')[0];
  const committee = of('committee')[0];
  const appointer = of('appointer')[0];
  const units = of('unit');
  const sources = of('funding_source');
  const categories = of('category');

  const committeeY = PLATFORM_Y + Math.max(150, ((sources.length - 1) / 2) * SOURCE_STEP + 90);
  const categoryBusY = committeeY + 62;
  const categoryY = committeeY + 130;
  const leftBottom = categories.length ? categoryY : committeeY;
  const unitsMid = leftBottom / 2;

  const placed: Placed[] = [];
  const junctions: Junction[] = [];
  const edges: Edge[] = [];
  const put = (node: ChartNode | undefined, x: number, y: number) => node && placed.push({ node, x, y });
  const join = (id: string, x: number, y: number) => {
    junctions.push({ id, x, y });
    return id;
  };
  const line = (source: string, target: string, kind: Edge['kind'], arrow = false, value?: number) =>
    edges.push({ source, target, kind, arrow, ...(value === undefined ? {} : { value }) });

  put(platform, MID_X, PLATFORM_Y);
  put(department, MID_X, 0);
  put(committee, MID_X, committeeY);
  put(appointer, LEFT_X, committeeY);
  for (const [i, n] of units.entries()) put(n, UNIT_X, unitsMid + spread(i, units.length, UNIT_STEP));
  for (const [i, n] of sources.entries()) put(n, LEFT_X, PLATFORM_Y + spread(i, sources.length, SOURCE_STEP));
  for (const [i, n] of categories.entries())
    put(n, MID_X + spread(i, categories.length, CATEGORY_STEP), categoryY);
  const at = new Map(placed.map((p) => [p.node.id, p]));

  if (platform && department) line(department.id, platform.id, 'supervises');
  if (platform && units.length) {
    const hub = join('j:units', BUS_X, PLATFORM_Y);
    line(platform.id, hub, 'comprises');
    const stops = units.map((u) => join(`j:${u.id}`, BUS_X, at.get(u.id)!.y));
    line(hub, stops[0]!, 'comprises');
    line(hub, stops[stops.length - 1]!, 'comprises');
    for (const [i, u] of units.entries()) line(stops[i]!, u.id, 'comprises');
  }
  if (platform && sources.length) {
    const inlet = join('j:funding', MID_X - SIZE.platform[0] / 2 - 1, PLATFORM_Y);
    for (const s of sources) line(s.id, inlet, 'funds', true, s.value);
  }
  if (platform && committee) {
    const below = join('j:evaluates', MID_X, PLATFORM_Y + SIZE.platform[1] / 2 + 1);
    line(committee.id, below, 'evaluates', true);
  }
  if (committee && appointer) {
    const side = join('j:appoints', MID_X - SIZE.committee[0] / 2 - 1, committeeY);
    line(appointer.id, side, 'appoints', true);
  }
  if (committee && categories.length) {
    const hub = join('j:categories', MID_X, categoryBusY);
    line(committee.id, hub, 'includes');
    const stops = categories.map((c) => join(`j:${c.id}`, at.get(c.id)!.x, categoryBusY));
    line(hub, stops[0]!, 'includes');
    line(hub, stops[stops.length - 1]!, 'includes');
    for (const [i, c] of categories.entries()) line(stops[i]!, c.id, 'includes');
  }

  // Two corner junctions fix the drawing's extent, so one layout pixel is one screen pixel whatever
  // records exist (the chart box is sized to match).
  const ys = [...placed.map((p) => p.y), 0, committeeY];
  const top = Math.min(...ys);
  const bottom = Math.max(...ys);
  join('j:top-left', LEFT_X, top);
  join('j:bottom-right', UNIT_X, bottom);
  return {
    placed,
    junctions,
    edges,
    top,
    bottom,
    width: UNIT_X - LEFT_X + MARGIN.left + MARGIN.right,
    height: Math.round(bottom - top + MARGIN.top + MARGIN.bottom),
  };
}

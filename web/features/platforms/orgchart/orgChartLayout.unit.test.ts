import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { OrgChart } from '../../../api/types.js';
import { layOut, MARGIN, SIZE } from './orgChartLayout.js';
import { orgChartOption } from './orgChartOption.js';

type Node = OrgChart['graph']['nodes'][number];
const node = (id: string, kind: Node['kind'], extra: Partial<Node> = {}, category = 0): Node => ({
  id,
  name: id,
  nameZh: null,
  nameEn: null,
  kind,
  category,
  ...extra,
});

/** A chart as GET /api/platforms/:id/org-chart answers it, with `units` units and `sources` funding sources. */
function chart(units: number, sources: number): OrgChart {
  const nodes: Node[] = [
    node('department', 'department', { nameZh: '主管部门甲', nameEn: 'Department A' }),
    node('platform:p', 'platform', { nameZh: '平台甲', nameEn: 'Platform A' }),
    ...Array.from({ length: units }, (_, i) =>
      node(`unit:${i}`, 'unit', {
        nameZh: `实验室${i}`,
        nameEn: `Laboratory ${i}`,
        unitKind: 'laboratory',
        director: { nameZh: `主任${i}`, nameEn: null },
      }),
    ),
    node('committee', 'committee', { value: 6 }),
    node('appointer', 'appointer', { nameZh: '任命方', nameEn: 'Appointer' }),
    ...['academic', 'lab', 'industry'].map((c) => node(`category:${c}`, 'category', { name: c, value: 2 })),
    ...['appropriation', 'social_capital', 'member_dues', 'service_income', 'licence_income']
      .slice(0, sources)
      .map((s) => node(`funding:${s}`, 'funding_source', { name: s, value: 100_00 })),
  ];
  return {
    platformId: '00000000-0000-7000-8000-000000000000',
    fundingYear: 2016,
    currency: 'USD',
    currencyDigits: 2,
    showsPeople: true,
    tree: nodes[0]!,
    graph: { categories: [], nodes, links: [] },
    committee: {
      appointerZh: '任命方',
      appointerEn: 'Appointer',
      composition: { academic: 2, lab: 2, industry: 2, total: 6 },
    },
    funding: [],
  };
}

const box = (p: ReturnType<typeof layOut>['placed'][number]) => {
  const [w, h] = SIZE[p.node.kind];
  return { left: p.x - w / 2, right: p.x + w / 2, top: p.y - h / 2, bottom: p.y + h / 2 };
};

describe('organisation chart layout', () => {
  for (const [units, sources] of [
    [0, 0],
    [1, 1],
    [7, 1],
    [12, 5],
    [25, 3],
  ] as const) {
    it(`places ${units} units and ${sources} funding sources without overlapping boxes, inside the drawing`, () => {
      const layout = layOut(chart(units, sources));
      expect(layout.placed).toHaveLength(2 + units + 2 + 3 + sources);
      const boxes = layout.placed.map(box);
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
          const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
          expect(apart, JSON.stringify([a, b])).toBe(true);
        }
      }
      // The drawing is exactly as wide and tall as the boxes need: one layout pixel is one screen pixel.
      const left = Math.min(...boxes.map((b) => b.left));
      const right = Math.max(...boxes.map((b) => b.right));
      const xs = [...layout.placed.map((p) => p.x), ...layout.junctions.map((j) => j.x)];
      expect(left).toBeGreaterThanOrEqual(Math.min(...xs) - MARGIN.left);
      expect(right).toBeLessThanOrEqual(Math.max(...xs) + MARGIN.right);
      expect(Math.max(...xs) - Math.min(...xs) + MARGIN.left + MARGIN.right).toBe(layout.width);
      expect(layout.bottom - layout.top + MARGIN.top + MARGIN.bottom).toBe(layout.height);
      expect(Math.min(...boxes.map((b) => b.top))).toBeGreaterThanOrEqual(layout.top - MARGIN.top);
      expect(Math.max(...boxes.map((b) => b.bottom))).toBeLessThanOrEqual(layout.bottom + MARGIN.bottom);
    });
  }

  it('joins every line to a box or a junction, and links every unit, source and category', () => {
    const layout = layOut(chart(7, 2));
    const ids = new Set([...layout.placed.map((p) => p.node.id), ...layout.junctions.map((j) => j.id)]);
    for (const e of layout.edges) {
      expect(ids.has(e.source) && ids.has(e.target), `${e.source} → ${e.target}`).toBe(true);
    }
    const reached = new Set(layout.edges.flatMap((e) => [e.source, e.target]));
    for (const p of layout.placed) expect(reached.has(p.node.id), p.node.id).toBe(true);
    expect(layout.edges.filter((e) => e.kind === 'funds' && e.arrow)).toHaveLength(2);
  });

  it('labels boxes in the viewer language, with the directors the API sent', () => {
    const t = ((k: string, o?: { count?: number }) =>
      o?.count === undefined ? k : k.replace('{{count}}', String(o.count))) as unknown as TFunction;
    const drawn = JSON.stringify(orgChartOption(chart(1, 1), t, 'en-US').option);
    expect(drawn).toContain('{t|Laboratory 0}\\n{c|Laboratory · Director 主任0}');
    expect(drawn).toContain('{t|Platform A}');
    expect(drawn).toContain('{t|Leading academic}\\n{t|researcher}\\n{c|2 members}');
    expect(drawn).toContain('{t|Appropriation}\\n{c|$100 · 2016}');
    const zh = JSON.stringify(orgChartOption(chart(1, 1), t, 'zh-CN').option);
    expect(zh).toContain('{t|平台甲}');
  });
});

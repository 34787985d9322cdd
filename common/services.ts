/**
 * Services to enterprises (DOMAIN.md §8, issue 14): the service catalog and the life of a service
 * request. Pure, so the server enforces it and the web offers only the legal moves.
 */
export const SERVICE_KINDS = [
  'testing',
  'calibration',
  'consulting',
  'pilot',
  'training',
  'machine_time',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** How a service is priced: one price per request, per sample, or per machine hour. */
export const PRICE_RULES = ['fixed', 'per_sample', 'per_hour'] as const;
export type PriceRule = (typeof PRICE_RULES)[number];

/** A catalog entry is drafted, published (requests accepted), then retired (no new requests). */
export const SERVICE_STATES = ['draft', 'published', 'retired'] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];
export const SERVICE_MOVES: Record<ServiceState, readonly ServiceState[]> = {
  draft: ['published', 'retired'],
  published: ['retired'],
  retired: [],
};

/**
 * 服务申请: submitted → quoted → accepted → contracted → in_progress → delivered → rated → closed.
 * Side paths: the enterprise cancels before work starts; it asks for rework of a delivery (back to
 * in_progress) or disputes it (the platform resolves a dispute back to in_progress or closes it).
 */
export const REQUEST_STATES = [
  'submitted',
  'quoted',
  'accepted',
  'contracted',
  'in_progress',
  'delivered',
  'rated',
  'closed',
  'cancelled',
  'disputed',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const REQUEST_ACTIONS = [
  'quote',
  'accept',
  'contract',
  'start',
  'deliver',
  'rate',
  'close',
  'cancel',
  'rework',
  'dispute',
  'resolve',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** Who takes an action: the enterprise that asked, the unit that serves, or the platform's staff. */
export type RequestSide = 'enterprise' | 'unit' | 'platform';

export const REQUEST_TRANSITIONS: Record<
  RequestAction,
  { from: readonly RequestState[]; to: RequestState; by: readonly RequestSide[]; reason?: true }
> = {
  // A new quote replaces the old one while the enterprise has not accepted it.
  quote: { from: ['submitted', 'quoted'], to: 'quoted', by: ['unit'] },
  accept: { from: ['quoted'], to: 'accepted', by: ['enterprise'] },
  contract: { from: ['accepted'], to: 'contracted', by: ['unit'] },
  start: { from: ['contracted'], to: 'in_progress', by: ['unit'] },
  // Delivery needs the report file: the server moves to delivered only through the report upload.
  deliver: { from: ['in_progress'], to: 'delivered', by: ['unit'] },
  rate: { from: ['delivered'], to: 'rated', by: ['enterprise'] },
  close: { from: ['rated'], to: 'closed', by: ['unit', 'platform'] },
  cancel: {
    from: ['submitted', 'quoted', 'accepted'],
    to: 'cancelled',
    by: ['enterprise', 'unit'],
    reason: true,
  },
  rework: { from: ['delivered'], to: 'in_progress', by: ['enterprise'], reason: true },
  dispute: { from: ['delivered', 'rated'], to: 'disputed', by: ['enterprise'], reason: true },
  resolve: { from: ['disputed'], to: 'in_progress', by: ['platform'], reason: true },
};

/** The actions that move a request out of `state` for someone acting as one of `sides`. */
export function nextRequestActions(state: RequestState, sides: readonly RequestSide[]): RequestAction[] {
  return REQUEST_ACTIONS.filter((a) => {
    const t = REQUEST_TRANSITIONS[a];
    return t.from.includes(state) && t.by.some((s) => sides.includes(s));
  });
}

/** Where `action` leads from `state`, or null when it is not a legal move. */
export function requestTarget(state: RequestState, action: RequestAction): RequestState | null {
  const t = REQUEST_TRANSITIONS[action];
  return t.from.includes(state) ? t.to : null;
}

/** The states in which the unit still owes work, counted against its capacity and due dates. */
export const OPEN_WORK: readonly RequestState[] = ['accepted', 'contracted', 'in_progress'];

/** Work is overdue when it is still open on a day after the quoted delivery date. */
export function isOverdue(state: RequestState, dueOn: string | null, today: string): boolean {
  return !!dueOn && OPEN_WORK.includes(state) && dueOn < today;
}

/** The price of a quote from the catalog rule: the unit may quote otherwise, this is the default. */
export function catalogPrice(rule: PriceRule, unitPriceMinor: number, quantity: number): number {
  return rule === 'fixed' ? unitPriceMinor : unitPriceMinor * quantity;
}

/** The impact survey (NIST MEP) is due this many days after delivery. */
export const SURVEY_AFTER_DAYS = 365;

/** The day a survey becomes due, YYYY-MM-DD, from the delivery timestamp. */
export function surveyDueOn(deliveredAt: string): string {
  const d = new Date(deliveredAt);
  d.setUTCDate(d.getUTCDate() + SURVEY_AFTER_DAYS);
  return d.toISOString().slice(0, 10);
}

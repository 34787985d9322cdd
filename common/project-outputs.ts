/**
 * Outputs linked to a project (issue 13, "Outputs linked, not copied"): the records other modules keep
 * — results, invention disclosures, patent filings, licences (and options), service requests — link to
 * the project that produced them, many-to-many. Pure, so the server measures and the web shows alike.
 */
export const OUTPUT_TYPES = ['result', 'disclosure', 'filing', 'licence', 'service_request'] as const;
export type OutputType = (typeof OUTPUT_TYPES)[number];

/** Linked outputs of each type (every type present, 0 when none). */
export function countByType(links: readonly { type: OutputType }[]): Record<OutputType, number> {
  const counts = Object.fromEntries(OUTPUT_TYPES.map((t) => [t, 0])) as Record<OutputType, number>;
  for (const l of links) counts[l.type] += 1;
  return counts;
}

/**
 * The value of each 任务书 indicator that the links measure: a count indicator naming the output type
 * it counts (`measuredBy`) is the number of linked outputs of that type; every other indicator is
 * reported by the project (null here).
 */
export function measuredIndicators(
  indicators: readonly { type: string; measuredBy?: OutputType }[],
  counts: Record<OutputType, number>,
): (number | null)[] {
  return indicators.map((i) => (i.type === 'count' && i.measuredBy ? counts[i.measuredBy] : null));
}

/**
 * How well an expert's fields cover an item's field code (two-level taxonomy, `top.sub`):
 * 1 when a field equals it or one contains the other (`energy` ⊃ `energy.offshore_wind`),
 * `sameTop` when they only share the top-level field, 0 otherwise or when either side is unknown.
 */
export function fieldOverlap(
  expertFields: readonly string[] | undefined,
  itemField: string | null | undefined,
  sameTop = 0.5,
): number {
  if (!itemField || !expertFields?.length) return 0;
  const top = (f: string) => f.split('.')[0]!;
  let best = 0;
  for (const f of expertFields) {
    if (f === itemField || itemField.startsWith(`${f}.`) || f.startsWith(`${itemField}.`)) return 1;
    if (top(f) === top(itemField)) best = sameTop;
  }
  return best;
}

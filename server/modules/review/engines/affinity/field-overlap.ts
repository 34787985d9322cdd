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
  // Called for every expert × item pair (14 M times for the largest pool): no closures, no splits.
  const itemTopLength = topLength(itemField);
  const itemTop = itemField.slice(0, itemTopLength);
  let best = 0;
  for (const f of expertFields) {
    if (f === itemField || isWithin(itemField, f) || isWithin(f, itemField)) return 1;
    if (topLength(f) === itemTopLength && f.startsWith(itemTop)) best = sameTop;
  }
  return best;
}

/** Length of the top-level part of a field code (`energy` of `energy.offshore_wind`). */
function topLength(code: string): number {
  const dot = code.indexOf('.');
  return dot === -1 ? code.length : dot;
}

/** `inner` is a sub-field of `outer` (`energy.offshore_wind` within `energy`). */
function isWithin(inner: string, outer: string): boolean {
  return inner.length > outer.length && inner.charCodeAt(outer.length) === 46 && inner.startsWith(outer);
}

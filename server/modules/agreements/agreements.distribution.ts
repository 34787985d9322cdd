/**
 * Income distribution (pure). A rule gives the inventors, in full, the first amount of each calendar
 * year's income from an agreement (federal labs: US$2,000, 15 U.S.C. 3710c) and a share of the rest
 * (federal: 15 %; 促进科技成果转化法: not less than 50 % to the individuals); what is left goes to the
 * unit that made the invention, or to the platform when the agreement names no unit. Inventors split
 * their pool by their shares of the linked disclosures (each disclosure weighing the same), by largest
 * remainder so the parts add up to the cent. Refunds are netted in the reports and not redistributed.
 */
export interface Rule {
  currency: string;
  inventorFirstMinor: number;
  inventorShareBp: number;
}
export interface Beneficiary {
  personId: string | null;
  name: string;
  /** Relative weight (basis points summed over the linked disclosures). */
  weight: number;
}
export interface Part {
  recipientKind: 'inventor' | 'unit' | 'platform';
  personId: string | null;
  name: string;
  amountMinor: number;
}

export function splitByWeight(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}

export function distribute(input: {
  amountMinor: number;
  currency: string;
  rule: Rule;
  /** Income already received on this agreement earlier in the same calendar year (same currency). */
  yearToDateMinor: number;
  inventors: Beneficiary[];
  unit: { name: string } | null;
  platformName: string;
}): Part[] {
  const { amountMinor, rule, inventors } = input;
  if (amountMinor <= 0) return [];
  let pool = 0;
  if (inventors.length > 0) {
    const allowance =
      rule.currency === input.currency
        ? Math.max(0, rule.inventorFirstMinor - Math.max(0, input.yearToDateMinor))
        : 0;
    const first = Math.min(amountMinor, allowance);
    pool = first + Math.floor(((amountMinor - first) * rule.inventorShareBp) / 10_000);
  }
  const parts: Part[] = [];
  const shares = splitByWeight(
    pool,
    inventors.map((i) => i.weight),
  );
  inventors.forEach((inv, n) => {
    if (shares[n]! > 0)
      parts.push({
        recipientKind: 'inventor',
        personId: inv.personId,
        name: inv.name,
        amountMinor: shares[n]!,
      });
  });
  const rest = amountMinor - pool;
  if (rest > 0)
    parts.push(
      input.unit
        ? { recipientKind: 'unit', personId: null, name: input.unit.name, amountMinor: rest }
        : { recipientKind: 'platform', personId: null, name: input.platformName, amountMinor: rest },
    );
  return parts;
}

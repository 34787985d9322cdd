/** A small seeded PRNG (mulberry32) and date helpers for generating demo records deterministically. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [a, b]. */
  int(a: number, b: number): number {
    return a + Math.floor(this.next() * (b - a + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** One of the keys, by weight. */
  weighted<T extends string>(weights: Readonly<Record<T, number>>): T {
    const entries = Object.entries(weights) as Array<[T, number]>;
    let x = this.next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [k, w] of entries) {
      x -= w;
      if (x < 0) return k;
    }
    return entries.at(-1)![0];
  }
  /** A day between two ISO dates (inclusive). */
  date(from: string, to: string): string {
    return dayToIso(this.int(isoToDay(from), isoToDay(to)));
  }
}

export const isoToDay = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
export const dayToIso = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);
export const plusDays = (iso: string, days: number): string => dayToIso(isoToDay(iso) + days);
export const minIso = (a: string, b: string): string => (a < b ? a : b);
export const maxIso = (a: string, b: string): string => (a > b ? a : b);

/** Options every benchmark receives from `bench/run.ts` (command-line flags, with defaults). */
export interface BenchOptions {
  /** Concurrent HTTP connections per load run. */
  connections: number;
  /** Measured seconds per load run. */
  duration: number;
  /** Warm-up seconds before each measured run (discarded). */
  warmup: number;
  /** Interleaved rounds; figures are the medians over rounds. */
  rounds: number;
  /** Progress lines (stderr), so a long run shows it is alive. */
  progress(line: string): void;
}

/** A table of figures; cells are already formatted. */
export interface Table {
  header: string[];
  rows: string[][];
  /** Column indexes to right-align (numbers). */
  numeric?: number[];
}

export interface BenchReport {
  /** Facts about the set-up (rows seeded, payload size, endpoint). */
  setup: string[];
  table: Table;
  /** The headline, e.g. the app/bare ratio. */
  summary: string[];
  /** Anything that makes the figures meaningless (non-2xx responses, socket errors). Empty = valid. */
  problems: string[];
  /** What the run checked to call itself valid; HTTP benchmarks leave it out (every response 2xx). */
  checked?: string;
}

/**
 * A benchmark module: `bench/<name>.bench.ts` default-exports one of these and `bench/run.ts` finds it.
 * Benchmarks print figures; they never pass or fail on timing.
 */
export interface Benchmark {
  name: string;
  description: string;
  run(opts: BenchOptions): Promise<BenchReport>;
}

export function isBenchmark(value: unknown): value is Benchmark {
  const b = value as Partial<Benchmark> | null;
  return (
    !!b && typeof b.name === 'string' && typeof b.description === 'string' && typeof b.run === 'function'
  );
}

import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { findAccountById } from '../server/modules/users/users.repository.js';
import { openBenchDatabase, seedUsers } from './lib/fixture.js';
import { fmtInt, fmtRatio, median } from './lib/load.js';
import type { Benchmark, BenchReport } from './lib/types.js';

const USERS = 3_000;
const READS = 20_000;

/**
 * Issue #16: what the layers above the driver cost on the cheapest read there is. The repository's
 * `findAccountById` (Kysely query building + compile + the app's statement cache + row → Account) against
 * the raw better-sqlite3 `.get()` of the same SQL on its own connection, plus Kysely alone (the same query,
 * rows untouched) to split the cost. One read after another, each awaited, as a request does.
 */
const pkRead: Benchmark = {
  name: 'pk-read',
  description: `users primary-key read: repository vs Kysely vs raw better-sqlite3 .get() (${fmtInt(READS)} reads a round)`,
  async run(opts): Promise<BenchReport> {
    const bench = await openBenchDatabase();
    const raw = new SQLite(bench.database.file!, { readonly: true });
    try {
      const seeded = await seedUsers(bench.ctx(), { users: USERS, platforms: 2 });
      const ids = Array.from({ length: READS }, (_, i) => seeded.userIds[(i * 7919) % USERS]!);
      const db = bench.database.db;
      const stmt = raw.prepare('select * from "users" where "id" = ?');
      const runs: Record<string, () => Promise<unknown>> = {
        repository: async () => {
          for (const id of ids) if (!(await findAccountById(db, id))) throw new Error(`no user ${id}`);
        },
        kysely: async () => {
          for (const id of ids)
            if (!(await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()))
              throw new Error(`no user ${id}`);
        },
        'raw .get()': async () => {
          for (const id of ids) if (!stmt.get(id)) throw new Error(`no user ${id}`);
        },
      };
      const labels = Object.keys(runs);
      const perRound = new Map<string, number[]>(labels.map((l) => [l, []]));
      for (const l of labels) await runs[l]!(); // warm-up: JIT and the statement cache
      for (let round = 1; round <= opts.rounds; round++) {
        opts.progress(`round ${round}/${opts.rounds}`);
        const order = round % 2 ? labels : [...labels].reverse();
        for (const l of order) {
          const t0 = performance.now();
          await runs[l]!();
          perRound.get(l)!.push(READS / ((performance.now() - t0) / 1000));
        }
      }
      const rawRounds = perRound.get('raw .get()')!;
      const rows = labels.map((l) => {
        const rounds = perRound.get(l)!;
        const ratios = rounds.map((r, i) => r / rawRounds[i]!);
        return { l, rounds, ratio: median(ratios), ratios, perSecond: median(rounds) };
      });
      return {
        setup: [
          `SQLite (WAL, synchronous=FULL), ${fmtInt(USERS)} users; ${fmtInt(READS)} reads of ids spread over them per run`,
          `rounds: ${opts.rounds}, interleaved (A B C, then C B A); reads/s is the median; ratio paired per round`,
        ],
        table: {
          header: ['read', 'reads/s', 'µs/read', 'vs raw', 'ratio per round'],
          numeric: [1, 2, 3],
          rows: rows.map((r) => [
            r.l,
            fmtInt(r.perSecond),
            (1e6 / r.perSecond).toFixed(1),
            fmtRatio(r.ratio),
            r.ratios.map(fmtRatio).join(' · '),
          ]),
        },
        summary: rows
          .filter((r) => r.l !== 'raw .get()')
          .map((r) => `${r.l}/raw = ${fmtRatio(r.ratio)} (per round: ${r.ratios.map(fmtRatio).join(', ')})`),
        problems: [],
        checked: 'every read found its user',
      };
    } finally {
      raw.close();
      await bench.close();
    }
  },
};

export default pkRead;

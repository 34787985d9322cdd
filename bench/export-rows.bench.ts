import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { type ExportColumn, everyPage, xlsxTable } from '../server/files/xlsx.js';
import type { UserView } from '../server/modules/users/users.schema.js';
import { listUsers } from '../server/modules/users/users.service.js';
import { openBenchDatabase, seedUsers } from './lib/fixture.js';
import { fmtInt, fmtRatio } from './lib/load.js';
import type { Benchmark, BenchReport } from './lib/types.js';

const ROWS = 50_000;
const PAGE = 200;

/**
 * Issue 15: a list export of 50,000 rows (the users list, through listUsers as the export route reads it).
 * `streamed` is what ships: everyPage reads the list 200 rows at a time while xlsxTable's streaming
 * WorkbookWriter writes each row into the zip and the file is consumed as a stream. `buffered` is the way
 * before issue 15 without its 20,000-row cap: every row read into an array, one in-memory Workbook, one
 * buffer. Figures: wall time and the peak RSS above the RSS before the run (sampled every 10 ms).
 */
const COLUMNS: ExportColumn<UserView>[] = [
  { title: ['用户名', 'Username'], value: (u) => u.username },
  { title: ['显示名', 'Display name'], value: (u) => u.displayName },
  { title: ['电子邮箱', 'E-mail'], value: (u) => u.email },
  { title: ['创建时间', 'Created'], kind: 'datetime', value: (u) => u.createdAt },
];

async function measured(run: () => Promise<number>) {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  try {
    const bytes = await run();
    return { ms: performance.now() - started, peakMb: (peak - before) / 2 ** 20, bytes };
  } finally {
    clearInterval(timer);
  }
}

const exportRows: Benchmark = {
  name: 'export-rows',
  description: `users list export of ${fmtInt(ROWS)} rows to XLSX: streamed page by page vs all rows in memory (SQLite)`,
  async run(opts): Promise<BenchReport> {
    const bench = await openBenchDatabase();
    try {
      opts.progress(`seeding ${fmtInt(ROWS)} users`);
      const ctx = bench.ctx();
      await seedUsers(ctx, { users: ROWS, platforms: 2 });
      const page = (limit: number, offset: number) => listUsers(ctx, { limit, offset });
      const streamed = async () => {
        const rows = await everyPage<UserView>({ exportPageRows: PAGE, exportMaxRows: 1_048_575 }, page);
        const file = await xlsxTable(
          { sheet: ['用户', 'Users'], fileName: 'users', columns: COLUMNS, rows },
          { lang: 'en-US', tz: 'UTC' },
          new Date(),
        );
        let bytes = 0;
        for await (const chunk of file.body) bytes += (chunk as Buffer).length;
        return bytes;
      };
      const buffered = async () => {
        const all: UserView[] = [];
        for (let offset = 0; ; offset += PAGE) {
          const { items } = await page(PAGE, offset);
          all.push(...items);
          if (items.length < PAGE) break;
        }
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('Users');
        ws.addRow(COLUMNS.map((c) => c.title[1]));
        for (const u of all) ws.addRow(COLUMNS.map((c) => c.value(u) as string));
        return (await wb.xlsx.writeBuffer()).byteLength;
      };
      // Streamed first, so the buffered run's heap growth cannot count against it.
      opts.progress('streamed export');
      const s = await measured(streamed);
      opts.progress('buffered export');
      const b = await measured(buffered);
      const row = (name: string, r: typeof s) => [
        name,
        fmtInt(Math.round(r.ms)),
        r.peakMb.toFixed(0),
        fmtInt(Math.round(r.bytes / 1024)),
      ];
      return {
        setup: [
          `${fmtInt(ROWS)} users (+ the CLI's), listUsers ${PAGE} a page, one run each, streamed first`,
        ],
        table: {
          header: ['export', 'ms', 'peak RSS above start (MB)', 'file (KiB)'],
          rows: [row('streamed (ships)', s), row('buffered (before)', b)],
          numeric: [1, 2, 3],
        },
        summary: [
          `time streamed/buffered ${fmtRatio(s.ms / b.ms)}, peak RSS streamed/buffered ${fmtRatio(s.peakMb / b.peakMb)}`,
        ],
        problems: s.bytes > 0 && b.bytes > 0 ? [] : ['an export wrote nothing'],
        checked: 'both exports wrote a file',
      };
    } finally {
      await bench.close();
    }
  },
};

export default exportRows;

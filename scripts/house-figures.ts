/**
 * The figures issue 11 measured on the code's shape, measured again: `npx tsx scripts/house-figures.ts`
 * (docs/architecture.md, "Measured"). It reads sources only; tests and fixtures are not counted.
 * `--renames` also lists the hand-renamed lines outside the repositories, file:line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { handRenamedLines } from './hand-renames.js';

const ROOT = path.resolve(import.meta.dirname, '..');

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'test' ? [] : files(rel, ext);
    return ext.test(e.name) && !/\.(test|e2e)\.tsx?$|\.fixtures\.ts$/.test(e.name) ? [rel] : [];
  });
}
const read = (f: string) => readFileSync(path.join(ROOT, f), 'utf8');

const server = files('server', /\.ts$/).filter((f) => !f.startsWith('server/db/migrations/'));
const modules = server.filter((f) => f.startsWith('server/modules/'));
const moduleOf = (f: string) => {
  const parts = f.split('/');
  return parts[2] === 'review' && parts.length > 4 ? `review/${parts[3]}` : parts[2]!;
};

const BUILDER = /\b(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(/;
const SQL_TEMPLATE = /\bsql(?:<[^`>]*(?:<[^`>]*>)?[^`>]*>)?`/;
const hasSql = (f: string) => BUILDER.test(read(f)) || SQL_TEMPLATE.test(read(f));

const WRITE_CALL = /\b(?:insertInto|updateTable|deleteFrom|replaceInto)\(\s*['"`]([a-z_]+)/g;
const RAW_WRITE = /\b(?:insert\s+into|update|delete\s+from)\s+"?([a-z_]+)"?\s/gi;
const writers = new Map<string, Set<string>>();
for (const f of modules) {
  const text = read(f);
  const raw = [...text.matchAll(/\bsql(?:<[^`]*?>)?`([^`]*)`/g)].flatMap((t) => [
    ...t[1]!.matchAll(RAW_WRITE),
  ]);
  for (const m of [...text.matchAll(WRITE_CALL), ...raw]) {
    const table = m[1]!.toLowerCase();
    if (!writers.has(table)) writers.set(table, new Set());
    writers.get(table)!.add(moduleOf(f));
  }
}

const web = files('web/features', /\.tsx?$/);
const featureImports = web.flatMap((f) => {
  const own = f.split('/')[2];
  return [...read(f).matchAll(/from '(\.[^']+)'/g)]
    .map((m) => path.join(path.dirname(f), m[1]!))
    .filter((target) => target.startsWith('web/features/') && target.split('/')[2] !== own);
});

const count = (list: string[], test: (text: string) => boolean) => list.filter((f) => test(read(f))).length;
const occurrences = (list: string[], re: RegExp) =>
  list.reduce((n, f) => n + [...read(f).matchAll(re)].length, 0);

const renamed = handRenamedLines(ROOT);

const figures: [string, number | string][] = [
  ['server files with SQL (modules, db, http, …; migrations aside)', server.filter(hasSql).length],
  [
    'module files with SQL that are not a repository',
    modules.filter((f) => hasSql(f) && !f.endsWith('.repository.ts')).length,
  ],
  [
    'tables written by several modules',
    [...writers]
      .filter(([, m]) => m.size > 1)
      .map(([t, m]) => `${t} (${[...m].join(', ')})`)
      .join('; ') || 0,
  ],
  ['server files calling JSON.parse', count(server, (t) => /\bJSON\.parse\(/.test(t))],
  [
    'server files converting a 0/1 column by hand',
    count(server, (t) =>
      /\.[a-z]+(?:_[a-z]+)+\s*===\s*1\b|\b[a-z]+(?:_[a-z]+)+:\s*[^,\n]*\?\s*1\s*:\s*0\b/.test(t),
    ),
  ],
  ['hand-written snake↔camel lines', renamed.length],
  ['… of them outside a *.repository.ts', renamed.filter((r) => !r.file.endsWith('.repository.ts')).length],
  ['transactions opened in modules (db.transaction())', occurrences(modules, /\.transaction\(\)/g)],
  ['write(ctx, …) calls (transaction + audit helper)', occurrences(modules, /\bwrite\(\s*ctx\b/g)],
  ['requireActor( calls', occurrences(server, /\brequireActor\(/g)],
  ['web feature → other feature imports', featureImports.length],
];
for (const [name, value] of figures) console.log(`${name}: ${value}`);
// `--renames`: where the hand-renamed lines outside the repositories are, file:line.
if (process.argv.includes('--renames'))
  for (const r of renamed.filter((x) => !x.file.endsWith('.repository.ts')))
    console.log(`${r.file}:${r.line}: ${r.text}`);

#!/usr/bin/env node
// `npm start` runs this first: it builds server and web only when a source file is newer than the build,
// so the first start of a fresh clone builds once and later starts are instant.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outputs = ['dist/server/cli.js', 'dist/web/index.html'].map((p) => path.join(root, p));
const sources = [
  'server',
  'common',
  'web',
  'package.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'vite.config.ts',
];

function newest(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = 0;
  for (const e of readdirSync(p)) max = Math.max(max, newest(path.join(p, e)));
  return max;
}

const built = Math.min(...outputs.map((o) => (existsSync(o) ? statSync(o).mtimeMs : 0)));
const changed = Math.max(...sources.map((s) => newest(path.join(root, s))));
if (built === 0 || changed > built) {
  process.stdout.write('Building Commonlab (first start or sources changed)…\n');
  execSync('npm run build --silent', { cwd: root, stdio: 'inherit' });
}

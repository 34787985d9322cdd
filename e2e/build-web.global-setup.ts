import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const index = path.join(root, 'dist/web/index.html');
const inputs = ['web', 'common', 'vite.config.ts', 'package-lock.json'];

function newestMtime(p: string): number {
  const s = statSync(p, { throwIfNoEntry: false });
  if (!s) return 0;
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((e) => newestMtime(path.join(p, e))));
}

/** Browser tests drive the production bundle; rebuild it only when a web input is newer than the build. */
export default function setup(): void {
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
  const changedAt = Math.max(...inputs.map((i) => newestMtime(path.join(root, i))));
  if (builtAt > changedAt) return;
  console.log('e2e: building the web UI (dist/web is missing or older than web/ or common/)');
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const env = { ...process.env, NODE_ENV: 'production' };
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`vite build failed with exit code ${r.status}`);
}

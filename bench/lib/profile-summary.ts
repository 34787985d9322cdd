/**
 * Top self-time costs of a V8 .cpuprofile (from `node --cpu-prof` or the inspector), by function and by
 * package: `npx tsx bench/lib/profile-summary.ts FILE.cpuprofile [top=25]`. A function's package is the
 * `node_modules/<name>` of its script, `ours:<dir>` for the repository's own code, `node:` for Node's
 * internals, and V8's pseudo-frames ((garbage collector), (program), (idle)) by name.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function packageOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return 'node:';
  const m = /\/(server|common|bench)\/(?:modules\/)?([^/]+)/.exec(url);
  return m ? `ours:${m[1]}/${m[2]!.replace(/\.[jt]s$/, '')}` : url;
}

export function summarise(profile: Profile, top = 25): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // The in-process profiler's own stop (inspector `post` → `dispatch`) is the bench's, not the app's.
  const profilerOwn = (id: number) =>
    byId.get(id)?.callFrame.functionName === 'dispatch' &&
    byId.get(parent.get(id) ?? -1)?.callFrame.url === 'node:inspector';
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    if (!profilerOwn(id)) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fns = new Map<string, number>();
  const pkgs = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const { functionName, url, lineNumber } = n.callFrame;
    const file = url.split('/').slice(-1)[0] ?? '';
    const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
    const pkg = packageOf(url, functionName);
    pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + us);
  }
  const pc = (us: number) => `${((100 * us) / total).toFixed(1)} %`;
  const list = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `  ${pc(us).padStart(7)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
  return [
    `${(total / 1e6).toFixed(1)} s sampled`,
    'by package:',
    ...list(pkgs),
    'by function (self time):',
    ...list(fns),
  ];
}

if (process.argv[1]?.endsWith('profile-summary.ts')) {
  const [file, top] = process.argv.slice(2);
  if (!file) throw new Error('usage: tsx bench/lib/profile-summary.ts FILE.cpuprofile [top]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  process.stdout.write(`${summarise(profile, Number(top ?? 25)).join('\n')}\n`);
}

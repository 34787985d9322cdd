import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

const SLOWEST = 5;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Prints one plain closing line per run — "N passed, N failed, N skipped" — plus the count per project
 * (unit, sqlite, postgres, e2e), so CI logs show at a glance that both databases and the browser ran; and
 * per project where the time went (loading modules vs running tests) with its slowest files, so a file
 * that makes CI slow is named in every log (docs/adr/0006).
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const perProject = new Map<string, { passed: number; failed: number; skipped: number }>();
    const timing = new Map<string, { load: number; run: number; files: { name: string; ms: number }[] }>();
    for (const m of modules) {
      const name = m.project.name || 'default';
      const c = perProject.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') c.passed++;
        else if (state === 'failed') c.failed++;
        else c.skipped++;
      }
      if (m.state() === 'failed' && [...m.children.allTests()].length === 0) c.failed++;
      perProject.set(name, c);
      const d = m.diagnostic();
      const t = timing.get(name) ?? { load: 0, run: 0, files: [] };
      const load = d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration;
      t.load += load;
      t.run += d.duration;
      t.files.push({ name: path.relative(process.cwd(), m.moduleId), ms: load + d.duration });
      timing.set(name, t);
    }
    const total = { passed: 0, failed: 0, skipped: 0 };
    for (const [name, c] of [...perProject].sort()) {
      process.stdout.write(`  ${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped\n`);
      total.passed += c.passed;
      total.failed += c.failed;
      total.skipped += c.skipped;
    }
    // Summed over files (workers run side by side, so the sum exceeds the wall time).
    for (const [name, t] of [...timing].sort()) {
      const slowest = t.files
        .sort((a, b) => b.ms - a.ms)
        .slice(0, SLOWEST)
        .map((f) => `${f.name} ${s(f.ms)}`)
        .join(', ');
      process.stdout.write(
        `  ${name} time: ${t.files.length} files, loading ${s(t.load)}, tests ${s(t.run)}; slowest: ${slowest}\n`,
      );
    }
    process.stdout.write(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
  }
}

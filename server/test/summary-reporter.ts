import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line per run — "N passed, N failed, N skipped" — plus the count per project
 * (unit, sqlite, postgres, e2e), so CI logs show at a glance that both databases and the browser ran.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const perProject = new Map<string, { passed: number; failed: number; skipped: number }>();
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
    }
    const total = { passed: 0, failed: 0, skipped: 0 };
    for (const [name, c] of [...perProject].sort()) {
      process.stdout.write(`  ${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped\n`);
      total.passed += c.passed;
      total.failed += c.failed;
      total.skipped += c.skipped;
    }
    process.stdout.write(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
  }
}

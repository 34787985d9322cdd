import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { handRenamedLines, renamedByHand, serverSources } from '../../scripts/hand-renames.js';

// ADR 0018 and issue 11: rows become values in the repositories (camelRow, insertRow, updateRow of
// server/db/rows.ts, with jsonColumn/flag where a column converts); services and views work with the
// values. This counts the lines that still rename a key between snake_case and camelCase by hand
// (`fooBar: r.foo_bar`, `foo_bar: v.fooBar`: the rule of scripts/house-figures.ts): none may be in a
// repository, and outside them no more than were left.

/**
 * The hand-renamed lines left outside the repositories. This number may only go down: lower it when
 * a file's rows come out of its repository as values; never raise it (convert in the repository).
 */
const LEFT_OUTSIDE_REPOSITORIES = 43;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('row conversion at the repository boundary (docs/adr/0018, issue 11)', () => {
  it(`leaves at most ${LEFT_OUTSIDE_REPOSITORIES} hand-renamed lines outside the repositories`, () => {
    const outside = handRenamedLines(ROOT).filter((r) => !r.file.endsWith('.repository.ts'));
    expect(
      outside.length,
      `new hand-renamed lines? npx tsx scripts/house-figures.ts --renames lists them:\n${outside
        .map((r) => `${r.file}:${r.line}: ${r.text}`)
        .join('\n')}`,
    ).toBeLessThanOrEqual(LEFT_OUTSIDE_REPOSITORIES);
  });

  it('leaves no hand-renamed line in a repository: it converts with camelRow, insertRow and updateRow', () => {
    const inside = handRenamedLines(ROOT).filter((r) => r.file.endsWith('.repository.ts'));
    expect(inside.map((r) => `${r.file}:${r.line}: ${r.text}`)).toEqual([]);
  });

  it('detects a renamed key both ways, and not a key of the same name or a different name', () => {
    expect(renamedByHand('  nameZh: r.name_zh,')).toBe(true);
    expect(renamedByHand('  name_zh: input.nameZh ?? null,')).toBe(true);
    expect(renamedByHand('  nameZh: p.nameZh,')).toBe(false);
    expect(renamedByHand('  uploadedAt: a.created_at,')).toBe(false);
  });

  it('reads the server sources without tests, fixtures or migrations', () => {
    const files = serverSources(ROOT);
    expect(files.some((f) => /\.test\.ts$|\/migrations\/|\/test\//.test(f))).toBe(false);
    expect(files.filter((f) => f.endsWith('.repository.ts')).length).toBeGreaterThan(50);
    expect(files).toContain('server/seed/demo-nist-ip.ts');
  });
});

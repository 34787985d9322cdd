import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// ADR 0018: JSON columns are read with jsonColumn and written with toJsonColumn, 0/1 flags with flag and
// toFlag, all from server/db/rows.ts. This reads the server's sources (tests excepted) and fails on a
// hand-written conversion, so a new repository cannot bring JSON.parse or `=== 1` back.

const SERVER = fileURLToPath(new URL('..', import.meta.url));

/**
 * The files that may call JSON.parse, each for what it parses. None of them parses a column: a file
 * that does must use jsonColumn instead (or, for a frozen document, the owner's stored-value reader).
 */
const JSON_PARSE_ALLOWED: Record<string, string> = {
  'db/rows.ts': 'jsonColumn itself',
  'db/backup.ts': 'the backup file format: one JSON line per row, read back as a line',
  'db/backup.restore.ts': 'the backup file format, line by line, before rows are inserted',
  'db/migrations/0051_project_figures.ts':
    'a migration is frozen history: it runs against the columns as they were then, without module code',
  'http/security-events.ts': 'the JSON payload of an answer being sent, to log its problem code',
  'modules/auth/challenge.service.ts': 'the proof-of-work solution a client sent, base64 JSON',
  'modules/audit/audit.checkpoint.ts': 'the checkpoint file, one JSON line per checkpoint',
  'modules/audit/audit.schedule.ts': 'the last line of the checkpoint file',
  'modules/open-data/open-data.dumps.ts': 'the manifest file of the written dumps',
  'modules/open-data/open-data.service.ts': 'a page cursor the client sent back, base64url JSON',
  'modules/review/engines/affinity/affinity.input.ts': 'the input file the affinity CLI reads',
  'modules/review/engines/assignment/assignment.cli.ts': 'the instance file the assignment CLI reads',
};

/** Writing a snake_case column with JSON.stringify instead of toJsonColumn. */
const JSON_COLUMN_WRITE = /\b[a-z]+(?:_[a-z]+)+:\s*JSON\.stringify\(/g;
/** Reading a snake_case 0/1 column by hand: `row.is_x === 1`. */
const FLAG_READ = /\.[a-z]+(?:_[a-z]+)+\s*===\s*1\b/g;
/** Writing a snake_case 0/1 column by hand: `is_x: b ? 1 : 0`. */
const FLAG_WRITE = /\b[a-z]+(?:_[a-z]+)+:\s*[^,\n]*\?\s*1\s*:\s*0\b/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'test' ? [] : sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

const sources = sourceFiles(SERVER).map((file) => ({
  rel: path.relative(SERVER, file).split(path.sep).join('/'),
  text: readFileSync(file, 'utf8'),
}));

const hits = (pattern: RegExp, allowed: Record<string, string> = {}) =>
  sources.flatMap(({ rel, text }) =>
    rel in allowed ? [] : [...text.matchAll(pattern)].map((m) => `${rel}: ${m[0]}`),
  );

describe('row conversion by the helpers of server/db/rows.ts (docs/adr/0018)', () => {
  it('parses JSON only in the allow-listed files, none of them a column', () => {
    expect(hits(/\bJSON\.parse\(/g, JSON_PARSE_ALLOWED)).toEqual([]);
  });

  it('lists only files that still parse JSON, each with its reason', () => {
    for (const [rel, reason] of Object.entries(JSON_PARSE_ALLOWED)) {
      expect(reason.length, rel).toBeGreaterThan(10);
      expect(sources.find((s) => s.rel === rel)?.text, rel).toMatch(/\bJSON\.parse\(/);
    }
  });

  it('writes JSON columns with toJsonColumn, not JSON.stringify', () => {
    expect(hits(JSON_COLUMN_WRITE)).toEqual([]);
    const repositories = sources.filter((s) => s.rel.endsWith('.repository.ts'));
    expect(repositories.filter((s) => /\bJSON\.stringify\(/.test(s.text)).map((s) => s.rel)).toEqual([]);
  });

  it('converts 0/1 columns with flag and toFlag', () => {
    expect([...hits(FLAG_READ), ...hits(FLAG_WRITE)]).toEqual([]);
  });

  it('detects the hand-written forms it forbids', () => {
    const sample = [
      'const a = { is_illustrative: input.isIllustrative ? 1 : 0 };',
      'const b = r.mfa_pending === 1;',
      'const d = { params_json: JSON.stringify(p) };',
    ].join('\n');
    expect([...sample.matchAll(FLAG_WRITE)]).toHaveLength(1);
    expect([...sample.matchAll(FLAG_READ)]).toHaveLength(1);
    expect([...sample.matchAll(JSON_COLUMN_WRITE)]).toHaveLength(1);
    expect([...'a.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))'.matchAll(FLAG_WRITE)]).toHaveLength(0);
  });
});

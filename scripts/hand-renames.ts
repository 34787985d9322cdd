/**
 * The rule issue 11 counts hand-written row conversion by: a line `fooBar: r.foo_bar` or
 * `foo_bar: v.fooBar`, a key renamed between snake_case and camelCase by hand. ADR 0018 puts row
 * conversion in the repositories (camelRow, insertRow, updateRow of server/db/rows.ts); the figures
 * script (scripts/house-figures.ts) and the ratchet (server/db/rows.renames.unit.test.ts) share it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const camelOf = (snake: string) => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** `fooBar: r.foo_bar` or `foo_bar: v.fooBar`: a key renamed by hand between a row and a value. */
export const renamedByHand = (line: string) =>
  [...line.matchAll(/\b([a-z][a-zA-Z0-9]*|[a-z][a-z0-9_]*):\s*[\w?.!]+\.([a-z][a-zA-Z0-9_]*)\b/g)].some(
    ([, key, prop]) => key !== prop && (camelOf(key!) === prop || camelOf(prop!) === key),
  );

/** The server's source files, relative to `root`: tests, fixtures, test folders and migrations aside. */
export function serverSources(root: string, dir = 'server'): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name).split(path.sep).join('/');
    if (e.isDirectory())
      return e.name === 'node_modules' || e.name === 'test' || rel === 'server/db/migrations'
        ? []
        : serverSources(root, rel);
    return /\.ts$/.test(e.name) && !/\.(test|e2e)\.tsx?$|\.fixtures\.ts$/.test(e.name) ? [rel] : [];
  });
}

/** Every hand-renamed line of the server's sources, as `file:line: text`. */
export function handRenamedLines(root: string): { file: string; line: number; text: string }[] {
  return serverSources(root).flatMap((file) =>
    readFileSync(path.join(root, file), 'utf8')
      .split('\n')
      .flatMap((text, i) => (renamedByHand(text) ? [{ file, line: i + 1, text: text.trim() }] : [])),
  );
}

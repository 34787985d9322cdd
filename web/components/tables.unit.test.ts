import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every list table of the pages takes the shared shapes of `tables.tsx` (issue 12 item 14): it scrolls
 * sideways (`scroll={WIDE}`) instead of squeezing a column to one character a line, and its actions
 * column is fixed at the right edge (`...actions()`), so a laptop's 1,280 px never clips it. The browser
 * tests measure a few of the widest tables; this reads the source of all of them.
 */

const features = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../features');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.tsx') && !e.name.includes('.test.') ? [full] : [];
  });
}

interface Scan {
  tables: number;
  squeezable: string[];
  actionColumns: number;
  clippable: string[];
  openedRows: number;
  mouseOnlyRows: string[];
}

function scan(): Scan {
  const out: Scan = {
    tables: 0,
    squeezable: [],
    actionColumns: 0,
    clippable: [],
    openedRows: 0,
    mouseOnlyRows: [],
  };
  for (const full of sourceFiles(features)) {
    const sf = ts.createSourceFile(
      full,
      readFileSync(full, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TSX,
    );
    const where = (n: ts.Node) =>
      `${path.relative(features, full)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const visit = (n: ts.Node): void => {
      if ((ts.isJsxOpeningElement(n) || ts.isJsxSelfClosingElement(n)) && n.tagName.getText() === 'Table') {
        out.tables++;
        const scroll = n.attributes.properties.find(
          (a): a is ts.JsxAttribute => ts.isJsxAttribute(a) && a.name.getText() === 'scroll',
        );
        const value = scroll?.initializer?.getText() ?? '';
        if (value !== '{WIDE}' && !value.includes("'max-content'")) out.squeezable.push(where(n));
        // A row that opens its record opens from the keyboard too: its props come from openableRow.
        const onRow = n.attributes.properties.find(
          (a): a is ts.JsxAttribute => ts.isJsxAttribute(a) && a.name.getText() === 'onRow',
        );
        if (onRow) {
          out.openedRows++;
          if (!onRow.initializer?.getText().includes('openableRow(')) out.mouseOnlyRows.push(where(n));
        }
      }
      if (ts.isObjectLiteralExpression(n)) {
        const title = n.properties.find(
          (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'title',
        );
        if (title?.initializer.getText() === "t('Actions')") {
          out.actionColumns++;
          if (
            !n.properties.some(
              (p) => ts.isSpreadAssignment(p) && p.expression.getText().startsWith('actions('),
            )
          )
            out.clippable.push(where(n));
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

describe('list tables (issue 12 item 14)', () => {
  it('scroll sideways instead of squeezing a column, with the actions fixed at the right edge', () => {
    const found = scan();
    // The scan must find the tables, or this test would pass on nothing.
    expect(found.tables).toBeGreaterThan(90);
    expect(found.actionColumns).toBeGreaterThan(20);
    expect(found.squeezable, 'tables without scroll={WIDE}').toEqual([]);
    expect(found.clippable, "columns titled t('Actions') without ...actions()").toEqual([]);
  });

  it('open a row from the keyboard where a click opens it (openableRow)', () => {
    const found = scan();
    expect(found.openedRows).toBeGreaterThan(5);
    expect(found.mouseOnlyRows, 'tables whose onRow is not openableRow').toEqual([]);
  });
});

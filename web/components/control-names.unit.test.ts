import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every antd select and date picker has an accessible name (issue 12: axe found filters named only by
 * their placeholder, which an antd Select draws as text and which names nothing). axe visits some pages;
 * this reads every page's source, so a new unnamed select fails here whichever page it is on.
 *
 * A control is named when it has `aria-label` or `aria-labelledby`, when it is the one child of a
 * `Form.Item` with a `name` and a `label` (antd gives the control the item's id and the label its `for`),
 * or when its literal `id` is the `htmlFor` of a `<label>` in the same file. A shared component that
 * passes on the id (or all props) its Form.Item gives it is listed in WRAPPERS, and each use of it is
 * checked like the control itself.
 *
 * A date range has two inputs, and antd names only the first (a Form.Item's id and label go to the start
 * input; `aria-label` goes to both alike): every range goes through `DateRange`, which names each input
 * after its required `label`. A bare antd range picker anywhere else fails.
 */

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const PRIMITIVES = new Set([
  'Select',
  'TreeSelect',
  'Cascader',
  'AutoComplete',
  'DatePicker',
  'DatePicker.RangePicker',
  'RangePicker',
  'TimePicker',
  'TimePicker.RangePicker',
]);

/** Shared controls that take their id (or every prop) from their caller, by file. */
const WRAPPERS: Record<string, string> = {
  'components/DateInput.tsx': 'DateInput',
  'components/OrgPicker.tsx': 'OrgPicker',
  'components/PersonPicker.tsx': 'PersonPicker',
  'features/experts/ProfileFields.tsx': 'KnownOrgPicker',
  'features/projects/checks/ReportForm.tsx': 'IndicatorInput',
};
const RANGES = new Set(['DatePicker.RangePicker', 'RangePicker', 'TimePicker.RangePicker']);
/** The one file that may draw an antd range picker, and the control every other file uses instead. */
const RANGE_FILE = 'components/DateRange.tsx';
const CONTROLS = new Set([...PRIMITIVES, ...Object.values(WRAPPERS), 'DateRange']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.tsx') && !e.name.includes('.test.') ? [full] : [];
  });
}

type Opening = ts.JsxOpeningElement | ts.JsxSelfClosingElement;

function attribute(el: Opening, name: string): ts.JsxAttribute | undefined {
  return el.attributes.properties.find(
    (a): a is ts.JsxAttribute => ts.isJsxAttribute(a) && a.name.getText() === name,
  );
}

/** The JSX element the control sits in, looking through `{…}`, `( … )`, `a ? b : c` and `a && b`. */
function enclosing(node: ts.Node): ts.JsxOpeningElement | undefined {
  let p = node.parent;
  while (
    p &&
    (ts.isJsxExpression(p) ||
      ts.isParenthesizedExpression(p) ||
      ts.isConditionalExpression(p) ||
      ts.isBinaryExpression(p))
  )
    p = p.parent;
  return p && ts.isJsxElement(p) ? p.openingElement : undefined;
}

/** Where the control's name comes from, or undefined when it has none. */
function nameOf(el: Opening, file: string, text: string): string | undefined {
  const tag = el.tagName.getText();
  if (RANGES.has(tag)) return file === RANGE_FILE ? 'DateRange' : undefined;
  if (tag === 'DateRange') return attribute(el, 'label') ? 'DateRange label' : undefined;
  if (attribute(el, 'aria-label')) return 'aria-label';
  if (attribute(el, 'aria-labelledby')) return 'aria-labelledby';
  const item = enclosing(ts.isJsxSelfClosingElement(el) ? el : el.parent);
  if (
    item?.tagName.getText() === 'Form.Item' &&
    attribute(item, 'name') &&
    (attribute(item, 'label') || attribute(item, 'htmlFor')) &&
    !attribute(item, 'noStyle')
  )
    return 'Form.Item label';
  const id = attribute(el, 'id')?.initializer;
  if (id && ts.isStringLiteral(id) && text.includes(`htmlFor="${id.text}"`)) return 'label htmlFor';
  const forwards = (id && !ts.isStringLiteral(id)) || el.attributes.properties.some(ts.isJsxSpreadAttribute);
  if (forwards && WRAPPERS[file]) return `its caller (${WRAPPERS[file]})`;
  return undefined;
}

interface Found {
  where: string;
  control: string;
  name: string | undefined;
}

function controls(): Found[] {
  const found: Found[] = [];
  for (const full of sourceFiles(webRoot)) {
    const file = path.relative(webRoot, full);
    const text = readFileSync(full, 'utf8');
    const sf = ts.createSourceFile(full, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const visit = (n: ts.Node): void => {
      if ((ts.isJsxOpeningElement(n) || ts.isJsxSelfClosingElement(n)) && CONTROLS.has(n.tagName.getText())) {
        const line = sf.getLineAndCharacterOfPosition(n.getStart()).line + 1;
        found.push({ where: `${file}:${line}`, control: n.tagName.getText(), name: nameOf(n, file, text) });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return found;
}

/** Where a JSX tag is drawn, outside the file allowed to draw it. */
function drawnOutside(tag: string, allowed: string): string[] {
  const found: string[] = [];
  for (const full of sourceFiles(webRoot)) {
    const file = path.relative(webRoot, full);
    if (file === allowed) continue;
    const text = readFileSync(full, 'utf8');
    const sf = ts.createSourceFile(full, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const visit = (n: ts.Node): void => {
      if ((ts.isJsxOpeningElement(n) || ts.isJsxSelfClosingElement(n)) && n.tagName.getText() === tag)
        found.push(`${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`);
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return found;
}

describe('select and date picker names (issue 12, axe: 0 critical)', () => {
  it('draws every search box through SearchBox, which requires its accessible name', () => {
    expect(drawnOutside('Input.Search', 'components/SearchBox.tsx')).toEqual([]);
  });

  it('draws every set of checkboxes through CheckboxGroup, which keeps aria-required off the group', () => {
    expect(drawnOutside('Checkbox.Group', 'components/CheckboxGroup.tsx')).toEqual([]);
  });

  it('gives every antd select and date picker in the web an accessible name beyond its placeholder', () => {
    const all = controls();
    // The scan must find the controls, or this test would pass on nothing.
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((c) => c.name === 'Form.Item label').length).toBeGreaterThan(30);
    expect(all.filter((c) => c.name === 'aria-label').length).toBeGreaterThan(20);
    expect(all.some((c) => c.control === 'DateInput')).toBe(true);
    expect(all.filter((c) => c.name === 'DateRange label').length).toBeGreaterThanOrEqual(5);
    expect(all.filter((c) => !c.name).map((c) => `${c.where} <${c.control}>`)).toEqual([]);
  });
});

import { describe, expect, expectTypeOf, it } from 'vitest';
import { camelRow, flag, insertRow, jsonColumn, toFlag, toJsonColumn, updateRow } from './rows.js';

describe('row ⇄ value conversion (server/db/rows.ts)', () => {
  it('renames keys between snake_case rows and camelCase values, leaving undefined columns out', () => {
    expect(camelRow({ name_zh: '甲', org_unit_id: 'u1', x2_y: 1 })).toEqual({
      nameZh: '甲',
      orgUnitId: 'u1',
      x2Y: 1,
    });
    expect(insertRow<{ name_zh: string; user_id: string | null }>({ nameZh: '甲', userId: null })).toEqual({
      name_zh: '甲',
      user_id: null,
    });
    expect(updateRow<{ name_zh: string; title: string }>({ nameZh: '乙', title: undefined })).toEqual({
      name_zh: '乙',
    });
  });

  it('reads and writes JSON text columns, null staying null', () => {
    expect(jsonColumn<{ a: number[] }>('{"a":[1,2]}')).toEqual({ a: [1, 2] });
    expect(jsonColumn(null)).toBeNull();
    expect(toJsonColumn({ b: '二' })).toBe('{"b":"二"}');
    expect(toJsonColumn(null)).toBeNull();
    expect(jsonColumn(toJsonColumn([{ k: true }]))).toEqual([{ k: true }]);
    expect(() => jsonColumn('{not json')).toThrow(SyntaxError);
  });

  it('types the stored text as nullable exactly when the value may be null (checked by tsc)', () => {
    const maybe = null as string[] | null;
    const unknownValue: unknown = null;
    expectTypeOf(toJsonColumn(['a'])).toEqualTypeOf<string>();
    expectTypeOf(toJsonColumn(maybe)).toEqualTypeOf<string | null>();
    expectTypeOf(toJsonColumn(unknownValue)).toEqualTypeOf<string | null>();
    expectTypeOf(toJsonColumn(null)).toEqualTypeOf<string | null>();
    expect(toJsonColumn(maybe)).toBeNull();
  });

  it('turns 0/1 flags into booleans and back', () => {
    expect([flag(1), flag(0)]).toEqual([true, false]);
    expect([toFlag(true), toFlag(false)]).toEqual([1, 0]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULE_SET_PRESETS } from '../../../../common/conflict-rules.js';
import type { Ctx } from '../../../http/context.js';
import { buildPlatform, buildUser } from '../../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../../test/harness.js';

// Conflict rule sets as versioned data: the presets every deployment has, and new versions of a code.
let t: TestApp;
let ctx: Ctx;
let officer: Client;
let call: { platformId: string };

beforeAll(async () => {
  t = await setupTestApp();
  ctx = t.systemCtx();
  call = { platformId: (await buildPlatform(ctx)).id };
  await buildUser(ctx, { username: 'po', roles: ['program_officer'], platformId: call.platformId });
  officer = await signIn(t.app, 'po');
});
afterAll(() => t.close());

describe('conflict rule sets', () => {
  it('has the presets of common/conflict-rules.ts after migrating', async () => {
    const rows = await ctx.db
      .selectFrom('conflict_rule_sets')
      .selectAll()
      .where('platform_id', 'is', null)
      .orderBy('code')
      .execute();
    for (const p of RULE_SET_PRESETS) {
      const row = rows.find((r) => r.id === p.id)!;
      expect({
        code: row.code,
        version: row.version,
        nameZh: row.name_zh,
        rules: JSON.parse(row.rules_json),
      }).toEqual({
        code: p.code,
        version: p.version,
        nameZh: p.nameZh,
        rules: p.rules,
      });
    }
  });

  it('creates version + 1 of a code, keeps the old one, and refuses the code to another platform', async () => {
    const body = (years: number) => ({
      platformId: call.platformId,
      code: 'metrology',
      nameZh: '计量回避',
      nameEn: 'Metrology conflicts',
      rules: [{ key: 'collab', kind: 'collaboration', years, sources: ['co_author'] }],
    });
    const v1 = await officer.post('/api/conflict-rule-sets', body(2));
    const v2 = await officer.post('/api/conflict-rule-sets', body(8));
    expect([v1.statusCode, v2.statusCode]).toEqual([201, 201]);
    expect([v1.json().version, v2.json().version]).toEqual([1, 2]);
    const old = await officer.get(`/api/conflict-rule-sets/${v1.json().id}`);
    expect(old.json()).toMatchObject({ version: 1, latest: false, rules: [{ years: 2 }] });
    const otherPlatform = (await buildPlatform(ctx)).id;
    await buildUser(ctx, { username: 'po2', roles: ['program_officer'], platformId: otherPlatform });
    const taken = await (await signIn(t.app, 'po2')).post('/api/conflict-rule-sets', {
      ...body(3),
      platformId: otherPlatform,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('conflicts.rule_set_code_taken');
    const bad = await officer.post('/api/conflict-rule-sets', {
      ...body(0),
      rules: [{ key: 'x', kind: 'collaboration', years: 0, sources: [] }],
    });
    expect(bad.statusCode).toBe(400);
  });
});

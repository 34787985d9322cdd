import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../http/context.js';
import { isoNow, newId } from '../../../http/context.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../../test/harness.js';
import { buildApplicant, buildCall, buildOrg } from '../../applications/applications.fixtures.js';

let t: TestApp;
let ctx: Ctx;
let owner: Client;
let draftId: string;
let orgId: string;

beforeAll(async () => {
  t = await setupTestApp();
  ctx = t.systemCtx();
  const call = await buildCall(ctx);
  orgId = (await buildOrg(ctx)).id;
  const applicant = await buildApplicant(ctx, call.platformId, orgId, { username: 'owner' });
  owner = await signIn(t.app, 'owner');
  draftId = newId();
  const at = isoNow(ctx.clock);
  await ctx.db
    .insertInto('applications')
    .values({
      id: draftId,
      call_id: call.id,
      platform_id: call.platformId,
      owner_user_id: applicant.userId,
      lead_org_id: orgId,
      state: 'draft',
      version_no: 1,
      title_zh: '草稿',
      title_en: null,
      field_id: null,
      requested_total_minor: 0,
      currency: 'CNY',
      receipt_no: null,
      submitted_at: null,
      resubmit_deadline: null,
      withdraw_reason: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
});
afterAll(() => t.close());

const url = () => `/api/applications/${draftId}/avoid-requests`;

describe('experts an applicant asks to avoid', () => {
  it('stores up to 3 names as written, refuses a fourth and a repeated name', async () => {
    const first = await owner.post(url(), { name: '张伟', organisationId: orgId, reason: '竞争关系' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ name: '张伟', organisation: { id: orgId }, reason: '竞争关系' });
    // The answer says nothing about whether such an expert exists.
    expect(Object.keys(first.json()).sort()).toEqual(['createdAt', 'id', 'name', 'organisation', 'reason']);
    const dup = await owner.post(url(), { name: '张 伟', reason: 'again' });
    expect([dup.statusCode, dup.json().code]).toEqual([409, 'conflicts.avoid_duplicate']);
    expect((await owner.post(url(), { name: 'Li Na', reason: 'x' })).statusCode).toBe(201);
    expect((await owner.post(url(), { name: 'Wang Fang', reason: 'x' })).statusCode).toBe(201);
    const fourth = await owner.post(url(), { name: 'Zhao Liu', reason: 'x' });
    expect([fourth.statusCode, fourth.json().code]).toEqual([409, 'conflicts.avoid_limit_reached']);
    const list = (await owner.get(url())).json();
    expect(list).toMatchObject({ max: 3, editable: true });
    expect(list.items.map((i: { name: string }) => i.name)).toEqual(['张伟', 'Li Na', 'Wang Fang']);
  });

  it('refuses bad input with field pointers and writes nothing', async () => {
    const blank = await owner.post(url(), { name: '  ', reason: 'x' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0].pointer).toBe('/name');
    const unknownOrg = await owner.post(url(), { name: 'Sun Qi', organisationId: newId(), reason: 'x' });
    expect(unknownOrg.statusCode).toBe(400);
    const count = await ctx.db
      .selectFrom('application_avoid_requests')
      .select('id')
      .where('application_id', '=', draftId)
      .execute();
    expect(count).toHaveLength(3);
  });

  it('removes a name while editable, and freezes the list once submitted', async () => {
    const [first] = (await owner.get(url())).json().items;
    expect((await owner.delete(`${url()}/${first.id}`)).statusCode).toBe(204);
    expect((await owner.delete(`${url()}/${first.id}`)).statusCode).toBe(404);
    await ctx.db.updateTable('applications').set({ state: 'submitted' }).where('id', '=', draftId).execute();
    const late = await owner.post(url(), { name: 'Zhou Ba', reason: 'x' });
    expect([late.statusCode, late.json().code]).toEqual([409, 'conflicts.avoid_not_editable']);
    expect((await owner.get(url())).json().editable).toBe(false);
  });
});

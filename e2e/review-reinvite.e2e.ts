import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishRun } from '../server/modules/review/runs/publish.service.js';
import { createRun } from '../server/modules/review/runs/runs.service.js';
import { reinviteSeats } from '../server/modules/review/runs/seats.reinvite.js';
import { confirmPopup } from './antd-support.js';
import { answerOf, expectStatus } from './calls-support.js';
import { poll, type Stack, signInAs, startStack } from './support.js';

// 批量重新邀请 (issue 12), in Chinese, on the demo data: last year's ATP call has published seats whose
// invitations ran out unanswered; the program officer selects two on the assignment tab and invites their
// experts again in one action. Another officer re-invited one of them meanwhile, so the result names it
// with its reason and counts the other as done.
let stack: Stack;
let callId = '';

beforeAll(async () => {
  stack = await startStack();
  const year = stack.ctx.clock.now().getUTCFullYear();
  callId = (
    await stack.ctx.db
      .selectFrom('calls')
      .select('id')
      .where('code', '=', `ATP-${year - 1}-AM`)
      .executeTakeFirstOrThrow()
  ).id;
  const run = await createRun(stack.ctx, callId, { mode: 'optimal' });
  await publishRun(stack.ctx, callId, run.id);
  // Past the seven days to answer: every invitation ran out.
  stack.clock.advance(8 * 86_400_000);
});
afterAll(async () => {
  await stack?.close();
});

describe('批量重新邀请专家', () => {
  it('项目主管选择两个逾期未答复的席位，一次重新邀请，结果说明未完成的原因', async () => {
    const { page, problems } = await stack.newPage();
    await signInAs(page, 'officer');
    await page.goto(`/review/${callId}?tab=assignment`);
    const seats = page.getByTestId('seats');
    await seats.waitFor();
    await poll(() => seats.getByTestId('seat-counts').textContent(), 30_000).toContain('未答复 42');
    const rows = await stack.ctx.db
      .selectFrom('review_assignments')
      .select(['id', 'label'])
      .where('call_id', '=', callId)
      .orderBy('application_id')
      .orderBy('label')
      .limit(2)
      .execute();
    const boxes = seats.locator('tbody tr.ant-table-row input[type=checkbox]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await poll(() => page.getByTestId('selection-bar').textContent()).toContain('已选：2');
    // Meanwhile another officer invites the second seat's expert again.
    const other = await reinviteSeats(stack.ctx, callId, [rows[1]!.id]);
    expect(other.succeeded).toBe(1);

    await page.getByTestId('selection-bar').getByRole('button', { name: '重新邀请' }).click();
    const sent = await answerOf(page, 'POST', /\/seats\/reinvite$/, () => confirmPopup(page, '重新邀请'));
    await expectStatus(sent, 200);
    const result = page.getByTestId('batch-result');
    await poll(() => result.textContent()).toContain('已完成：1 · 未完成：1');
    expect(await result.textContent()).toContain('专家仍可答复该邀请');
    await poll(() => seats.getByTestId('seat-counts').textContent()).toContain('已邀请 2');
    const states = await stack.ctx.db
      .selectFrom('review_assignments')
      .select(['id', 'state'])
      .where('id', 'in', [rows[0]!.id, rows[1]!.id])
      .execute();
    expect(states.map((s) => s.state)).toEqual(['invited', 'invited']);
    expect(problems).toEqual([]);
  }, 180_000);
});

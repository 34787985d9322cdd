import { describe, expect, it } from 'vitest';
import { anonymous } from '../../test/harness.js';
import { fieldUsage } from '../fields/fields.references.js';
import {
  A,
  admin,
  callCount,
  draft,
  field,
  officer,
  officerB,
  researcher,
  setUpCallsWorld,
  t,
  uniqueCode,
} from './calls.fixtures.js';

// Call drafts: creating, checking, keeping from the public, editing, contacts and copies.
// State changes (publish, close, deadline extension): calls.transitions.test.ts.
setUpCallsWorld();

describe('drafts', () => {
  it('creates a draft with defaults: platform currency, dual-evaluation criteria, UTC times', async () => {
    const res = await officer.post(`/api/platforms/${A}/calls`, draft());
    expect(res.statusCode).toBe(201);
    const call = res.json();
    expect(call).toMatchObject({
      state: 'draft',
      effectiveState: 'draft',
      currency: 'CNY',
      closesAt: '2026-07-10T01:00:00.000Z',
      reviewersPerApplication: 3,
      fields: [{ id: field }],
      access: { canEdit: true, canPublish: true, canCopy: true },
    });
    expect(call.criteria.items.map((i: { key: string }) => i.key)).toEqual([
      'technical_value',
      'implementation',
      'impact',
      'commercialisation',
      'economic_benefit',
    ]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .where('entity_id', '=', call.id)
      .execute();
    expect(audit).toEqual([{ action: 'call.created', actor_label: 'po' }]);
    // The field is in use now: it cannot be deleted, only retired.
    expect(await fieldUsage(t.database.db, field)).toContainEqual({ usedBy: 'calls', count: 1 });
  });

  it('refuses incoherent drafts with field paths and writes nothing', async () => {
    // A code this file's database holds: the fixtures' counter is not reset between files that share a worker.
    const existing = (await officer.post(`/api/platforms/${A}/calls`, draft())).json().code as string;
    const before = await callCount();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ceilingMinor: 60_000_000_00 }, '/ceilingMinor'],
      [{ closesAt: '2026-06-09T00:00:00Z' }, '/closesAt'],
      [{ budgetTotalMinor: -1 }, '/budgetTotalMinor'],
      [{ budgetTotalMinor: 1.5 }, '/budgetTotalMinor'],
      [
        {
          criteria: {
            scale: { min: 1, max: 10 },
            items: [
              { key: 'technical_value', weight: 0.5 },
              { key: 'implementation', weight: 0.2 },
              { key: 'impact', weight: 0.2 },
              { key: 'commercialisation', weight: 0.2 },
              { key: 'economic_benefit', weight: 0.2 },
            ],
          },
        },
        '/criteria/items',
      ],
      [{ eligibility: [{ kind: 'min_consortium_size', min: 0 }] }, '/eligibility/0/min'],
      [
        {
          requiredAttachments: [
            { key: 'plan', labelZh: '计划书', labelEn: 'Plan', required: true, types: ['exe'], maxBytes: 10 },
          ],
        },
        '/requiredAttachments/0/types/0',
      ],
      [{ fieldIds: [crypto.randomUUID()] }, '/fieldIds/0'],
    ];
    for (const [patch, pointer] of cases) {
      const res = await officer.post(`/api/platforms/${A}/calls`, draft(patch));
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    const taken = await officer.post(`/api/platforms/${A}/calls`, draft({ code: existing }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'calls.code_taken', errors: [{ pointer: '/code' }] });
    expect(await callCount()).toBe(before);
  });

  it('accepts weights given in percent', async () => {
    const res = await officer.post(
      `/api/platforms/${A}/calls`,
      draft({
        criteria: {
          scale: { min: 0, max: 100 },
          items: [
            { key: 'technical_value', weight: 30 },
            { key: 'implementation', weight: 20 },
            { key: 'impact', weight: 10 },
            { key: 'commercialisation', weight: 25 },
            { key: 'economic_benefit', weight: 15 },
          ],
        },
      }),
    );
    expect(res.statusCode).toBe(201);
  });

  it('keeps drafts from the public and from non-staff; staff preview them', async () => {
    const id = (await officer.post(`/api/platforms/${A}/calls`, draft())).json().id;
    expect((await anonymous(t.app).get(`/api/calls/${id}`)).statusCode).toBe(404);
    expect((await researcher.get(`/api/calls/${id}`)).statusCode).toBe(404);
    expect((await researcher.get(`/api/calls/${id}/manage`)).statusCode).toBe(404);
    expect((await officerB.get(`/api/calls/${id}`)).statusCode).toBe(404);
    const preview = await officer.get(`/api/calls/${id}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).not.toHaveProperty('screeningChecklist');
    expect((await admin.get(`/api/calls/${id}/manage`)).json().state).toBe('draft');
    const pub = (await anonymous(t.app).get('/api/calls')).json();
    expect(pub.items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await researcher.get(`/api/platforms/${A}/calls`)).statusCode).toBe(403);
    expect((await officerB.post(`/api/platforms/${A}/calls`, draft())).statusCode).toBe(403);
    const staff = (await officer.get(`/api/platforms/${A}/calls`)).json();
    expect(staff.items.map((c: { id: string }) => c.id)).toContain(id);
  });

  it('edits drafts only', async () => {
    const id = (await officer.post(`/api/platforms/${A}/calls`, draft())).json().id;
    const edited = await officer.patch(`/api/calls/${id}`, {
      titleEn: 'Renamed',
      reviewersPerApplication: 5,
    });
    expect(edited.json()).toMatchObject({ titleEn: 'Renamed', reviewersPerApplication: 5 });
    const bad = await officer.patch(`/api/calls/${id}`, { ceilingMinor: 60_000_000_00 });
    expect(bad.statusCode).toBe(400);
    expect((await officer.get(`/api/calls/${id}/manage`)).json().ceilingMinor).toBe(5_000_000_00);
    expect((await officer.post(`/api/calls/${id}/publish`, {})).statusCode).toBe(200);
    const late = await officer.patch(`/api/calls/${id}`, { titleEn: 'Too late' });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'calls.not_editable', params: { state: 'published' } });
  });

  it('names a contact person: public, kept by a copy, refused when malformed, cleared with null', async () => {
    const contact = {
      contactName: '王敏',
      contactPhone: '+86 10-6851 2345',
      contactEmail: 'wangmin@example.org',
    };
    const bad = await officer.post(`/api/platforms/${A}/calls`, draft({ contactEmail: 'not-an-address' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].pointer).toBe('/contactEmail');
    const badPhone = await officer.post(`/api/platforms/${A}/calls`, draft({ contactPhone: 'call me' }));
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().errors[0].pointer).toBe('/contactPhone');
    const made = await officer.post(`/api/platforms/${A}/calls`, draft(contact));
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id;
    expect((await officer.post(`/api/calls/${id}/publish`, {})).statusCode).toBe(200);
    expect((await anonymous(t.app).get(`/api/calls/${id}`)).json()).toMatchObject(contact);
    const listed = (await anonymous(t.app).get(`/api/calls?status=all&platformId=${A}`)).json();
    expect(listed.items.find((c: { id: string }) => c.id === id)).toBeDefined();
    const dates = { opensAt: '2027-06-10T00:00:00.000Z', closesAt: '2027-07-10T00:00:00.000Z' };
    const copy = (await officer.post(`/api/calls/${id}/copy`, { code: uniqueCode('CT'), ...dates })).json();
    expect(copy).toMatchObject(contact);
    const cleared = await officer.patch(`/api/calls/${copy.id}`, { contactPhone: null });
    expect(cleared.json()).toMatchObject({ contactName: '王敏', contactPhone: null });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('entity_id', '=', copy.id)
      .where('action', '=', 'call.updated')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toMatchObject({ contact_name: '王敏', contact_phone: null });
  });

  it('复制申报指南: a new draft from an earlier call with its guide, rules and forms, new code and dates', async () => {
    const rules = {
      eligibility: [{ kind: 'min_consortium_size', min: 2 }],
      reviewersPerApplication: 4,
      resubmitWindowDays: 3,
      requiredAttachments: [
        {
          key: 'proposal',
          labelZh: '申报书',
          labelEn: 'Proposal',
          required: true,
          types: ['pdf'],
          maxBytes: 2048,
        },
      ],
      screeningChecklist: [{ key: 'signed', labelZh: '已盖章', labelEn: 'Signed' }],
    };
    const source = (await officer.post(`/api/platforms/${A}/calls`, draft(rules))).json();
    expect((await officer.post(`/api/calls/${source.id}/publish`, {})).statusCode).toBe(200);
    const dates = { opensAt: '2027-06-10T00:00:00.000Z', closesAt: '2027-07-10T00:00:00.000Z' };
    const res = await admin.post(`/api/calls/${source.id}/copy`, { code: 'copy-2027', ...dates });
    expect(res.statusCode, res.body).toBe(201);
    const copy = res.json();
    expect(copy.id).not.toBe(source.id);
    expect(copy).toMatchObject({ code: 'COPY-2027', state: 'draft', publishedAt: null, ...dates, ...rules });
    const kept = [
      'titleZh',
      'titleEn',
      'summaryZh',
      'currency',
      'budgetTotalMinor',
      'ceilingMinor',
      'criteria',
      'fields',
    ];
    for (const k of kept) expect(copy[k], k).toEqual(source[k]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('entity_id', '=', copy.id)
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('call.created');
    expect(JSON.parse(audit.after_json!).copiedFrom).toBe(source.id);
    // The code must be free; bad dates are refused with their field; others may not copy.
    const taken = await officer.post(`/api/calls/${source.id}/copy`, { code: 'COPY-2027', ...dates });
    expect(taken.statusCode).toBe(409);
    const before = await callCount();
    const backwards = await officer.post(`/api/calls/${source.id}/copy`, {
      code: 'COPY-BAD',
      opensAt: dates.closesAt,
      closesAt: dates.opensAt,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].pointer).toBe('/closesAt');
    expect(
      (await officerB.post(`/api/calls/${source.id}/copy`, { code: 'COPY-B', ...dates })).statusCode,
    ).toBe(403);
    expect(
      (await researcher.post(`/api/calls/${source.id}/copy`, { code: 'COPY-R', ...dates })).statusCode,
    ).toBe(403);
    expect((await officerB.post(`/api/calls/${copy.id}/copy`, { code: 'COPY-D', ...dates })).statusCode).toBe(
      404,
    );
    expect(await callCount()).toBe(before);
  });
});

import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { ExpertView } from '../../api/experts.js';
import { toCuratedBody, toOwnBody, toValues } from './profileForm.js';

const org = { id: '0190a000-0000-7000-8000-000000000001', nameZh: '示例大学', nameEn: null };
const view: ExpertView = {
  id: '0190a000-0000-7000-8000-000000000002',
  person: { id: '0190a000-0000-7000-8000-000000000003', nameZh: '吴芳', nameEn: 'Wu Fang', title: null },
  organisation: org,
  category: 'industry',
  fields: [{ id: '0190a000-0000-7000-8000-000000000004', code: 'm', nameZh: '制造', nameEn: 'Mfg' }],
  expertiseZh: '增材制造',
  expertiseEn: null,
  loadMax: 4,
  active: false,
  outputCount: 1,
  hasAccount: true,
  updatedAt: '2026-01-01T00:00:00.000Z',
  createdAt: '2026-01-01T00:00:00.000Z',
  notes: '备注',
  outputs: [
    {
      id: '0190a000-0000-7000-8000-000000000005',
      kind: 'patent',
      title: '装置',
      abstract: null,
      year: 2024,
      collaborators: [
        { id: '0190a000-0000-7000-8000-000000000006', name: '林', person: null, organisation: org },
      ],
    },
  ],
  declaredConflicts: [
    {
      id: '0190a000-0000-7000-8000-000000000007',
      organisation: org,
      person: null,
      reason: '兼职',
      declaredAt: '',
    },
  ],
  availability: [
    { id: '0190a000-0000-7000-8000-000000000008', startsOn: '2026-03-01', endsOn: '2026-03-31', note: null },
  ],
};

describe('the expert profile form', () => {
  it('round-trips a stored profile into the request bodies', () => {
    const values = toValues(view);
    expect(values.availability[0]!.range[0].format('YYYY-MM-DD')).toBe('2026-03-01');
    const own = toOwnBody(values);
    expect(own).toEqual({
      fieldIds: [view.fields[0]!.id],
      expertiseZh: '增材制造',
      expertiseEn: null,
      loadMax: 4,
      outputs: [
        {
          kind: 'patent',
          title: '装置',
          abstract: null,
          year: 2024,
          collaborators: [{ name: '林', organisationId: org.id, personId: null }],
        },
      ],
      declaredConflicts: [{ organisationId: org.id, personId: null, reason: '兼职' }],
      availability: [{ startsOn: '2026-03-01', endsOn: '2026-03-31', note: null }],
    });
    expect(toCuratedBody(values)).toMatchObject({ category: 'industry', active: false, notes: '备注' });
  });

  it('starts a new expert as an active academic with no lists, and trims blanks to null', () => {
    const values = toValues(null);
    expect(values).toMatchObject({ category: 'academic', active: true, loadMax: 6, outputs: [] });
    values.expertiseEn = '   ';
    values.availability = [{ range: [dayjs('2026-05-01'), dayjs('2026-05-02')], note: ' ' }];
    expect(toOwnBody(values)).toMatchObject({
      expertiseEn: null,
      availability: [{ startsOn: '2026-05-01', endsOn: '2026-05-02', note: null }],
    });
  });
});

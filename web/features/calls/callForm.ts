import type { Dayjs } from 'dayjs';
import {
  ATTACHMENT_TYPES,
  type CallCriteria,
  type ChecklistItem,
  DEFAULT_CRITERIA,
  type RequiredAttachment,
} from '../../../common/calls.js';
import type { EligibilityRule } from '../../../common/eligibility.js';
import type { CallView, CreateCallBody } from '../../api/calls.js';
import { fromUtc, toUtc } from '../../components/time.js';

/** The call form's values: times as local pickers, attachment limits in MB; money already in minor units. */
export interface CallFormValues {
  code: string;
  titleZh: string;
  titleEn: string;
  summaryZh?: string | null;
  summaryEn?: string | null;
  fieldIds: string[];
  currency: string;
  budgetTotalMinor: number | null;
  ceilingMinor: number | null;
  opensAt?: Dayjs;
  closesAt?: Dayjs;
  eligibility: EligibilityRule[];
  criteria: CallCriteria;
  reviewersPerApplication: number;
  requiredAttachments: (Omit<RequiredAttachment, 'maxBytes'> & { maxMb: number })[];
  screeningChecklist: ChecklistItem[];
  resubmitWindowDays: number;
  contactName?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
}

const MB = 1024 * 1024;

export const newCallValues = (currency: string): Partial<CallFormValues> => ({
  fieldIds: [],
  currency,
  budgetTotalMinor: null,
  ceilingMinor: null,
  eligibility: [
    { kind: 'min_consortium_size', min: 2 },
    { kind: 'must_include_enterprise' },
    { kind: 'within_ceiling' },
  ],
  criteria: DEFAULT_CRITERIA,
  reviewersPerApplication: 3,
  requiredAttachments: [
    {
      key: 'proposal',
      labelZh: '项目申报书',
      labelEn: 'Project proposal',
      required: true,
      types: ['pdf', 'docx'],
      maxMb: 20,
    },
  ],
  screeningChecklist: [
    { key: 'complete', labelZh: '材料齐全', labelEn: 'Documents complete' },
    { key: 'signed', labelZh: '盖章签字完整', labelEn: 'Signed and stamped' },
  ],
  resubmitWindowDays: 7,
});

export const callFormValues = (c: CallView): CallFormValues => ({
  code: c.code,
  titleZh: c.titleZh,
  titleEn: c.titleEn,
  summaryZh: c.summaryZh,
  summaryEn: c.summaryEn,
  fieldIds: c.fields.map((f) => f.id),
  currency: c.currency,
  budgetTotalMinor: c.budgetTotalMinor,
  ceilingMinor: c.ceilingMinor,
  opensAt: fromUtc(c.opensAt),
  closesAt: fromUtc(c.closesAt),
  eligibility: c.eligibility,
  criteria: c.criteria,
  reviewersPerApplication: c.reviewersPerApplication,
  requiredAttachments: c.requiredAttachments.map(({ maxBytes, ...a }) => ({
    ...a,
    maxMb: Math.round((maxBytes / MB) * 100) / 100,
  })),
  screeningChecklist: c.screeningChecklist,
  resubmitWindowDays: c.resubmitWindowDays,
  contactName: c.contactName,
  contactPhone: c.contactPhone,
  contactEmail: c.contactEmail,
});

const blankToNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** What POST/PATCH take: UTC instants, bytes, null for empty summaries. */
export function callBody(v: CallFormValues): CreateCallBody {
  return {
    code: v.code,
    titleZh: v.titleZh,
    titleEn: v.titleEn,
    summaryZh: blankToNull(v.summaryZh),
    summaryEn: blankToNull(v.summaryEn),
    fieldIds: v.fieldIds ?? [],
    currency: v.currency,
    budgetTotalMinor: v.budgetTotalMinor ?? 0,
    ceilingMinor: v.ceilingMinor ?? 0,
    opensAt: toUtc(v.opensAt) ?? '',
    closesAt: toUtc(v.closesAt) ?? '',
    eligibility: v.eligibility ?? [],
    criteria: v.criteria,
    reviewersPerApplication: v.reviewersPerApplication,
    requiredAttachments: (v.requiredAttachments ?? []).map(({ maxMb, ...a }) => ({
      ...a,
      types: a.types?.length ? a.types : [...ATTACHMENT_TYPES],
      maxBytes: Math.round(maxMb * MB),
    })),
    screeningChecklist: v.screeningChecklist ?? [],
    resubmitWindowDays: v.resubmitWindowDays,
    contactName: blankToNull(v.contactName),
    contactPhone: blankToNull(v.contactPhone),
    contactEmail: blankToNull(v.contactEmail),
  };
}

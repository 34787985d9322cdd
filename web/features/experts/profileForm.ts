import dayjs, { type Dayjs } from 'dayjs';
import type { ExpertCategory, OutputKind } from '../../../common/review.js';
import type { ExpertView, OwnProfileBody } from '../../api/experts.js';

/** The form's shape of a profile: availability as date ranges, organisations as ids. */
export interface ProfileValues {
  category?: ExpertCategory;
  active?: boolean;
  notes?: string;
  fieldIds: string[];
  expertiseZh?: string;
  expertiseEn?: string;
  loadMax: number;
  outputs: Array<{
    kind: OutputKind;
    title: string;
    abstract?: string;
    year?: number | null;
    collaborators: Array<{ name: string; organisationId?: string | null; personId?: string | null }>;
  }>;
  declaredConflicts: Array<{ organisationId?: string | null; personId?: string | null; reason: string }>;
  availability: Array<{ range: [Dayjs, Dayjs]; note?: string }>;
}

const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

export function toValues(v: ExpertView | null): ProfileValues {
  if (!v)
    return {
      category: 'academic',
      active: true,
      fieldIds: [],
      loadMax: 6,
      outputs: [],
      declaredConflicts: [],
      availability: [],
    };
  return {
    category: v.category,
    active: v.active,
    notes: v.notes ?? undefined,
    fieldIds: v.fields.map((f) => f.id),
    expertiseZh: v.expertiseZh ?? undefined,
    expertiseEn: v.expertiseEn ?? undefined,
    loadMax: v.loadMax,
    outputs: v.outputs.map((o) => ({
      kind: o.kind,
      title: o.title,
      abstract: o.abstract ?? undefined,
      year: o.year,
      collaborators: o.collaborators.map((c) => ({
        name: c.name,
        organisationId: c.organisation?.id ?? null,
        personId: c.person?.id ?? null,
      })),
    })),
    declaredConflicts: v.declaredConflicts.map((c) => ({
      organisationId: c.organisation?.id ?? null,
      personId: c.person?.id ?? null,
      reason: c.reason,
    })),
    availability: v.availability.map((w) => ({
      range: [dayjs(w.startsOn), dayjs(w.endsOn)],
      note: w.note ?? undefined,
    })),
  };
}

/** What the expert maintains; curators add category, active and notes. */
export function toOwnBody(v: ProfileValues): Required<OwnProfileBody> {
  return {
    fieldIds: v.fieldIds ?? [],
    expertiseZh: blank(v.expertiseZh),
    expertiseEn: blank(v.expertiseEn),
    loadMax: v.loadMax,
    outputs: (v.outputs ?? []).map((o) => ({
      kind: o.kind,
      title: o.title.trim(),
      abstract: blank(o.abstract),
      year: o.year ?? null,
      collaborators: (o.collaborators ?? []).map((c) => ({
        name: c.name.trim(),
        organisationId: c.organisationId ?? null,
        personId: c.personId ?? null,
      })),
    })),
    declaredConflicts: (v.declaredConflicts ?? []).map((c) => ({
      organisationId: c.organisationId ?? null,
      personId: c.personId ?? null,
      reason: c.reason.trim(),
    })),
    availability: (v.availability ?? []).map((w) => ({
      startsOn: w.range[0].format('YYYY-MM-DD'),
      endsOn: w.range[1].format('YYYY-MM-DD'),
      note: blank(w.note),
    })),
  };
}

export const toCuratedBody = (v: ProfileValues) => ({
  ...toOwnBody(v),
  category: v.category ?? 'academic',
  active: v.active ?? true,
  notes: blank(v.notes),
});

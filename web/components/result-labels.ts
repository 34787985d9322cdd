import type { TFunction } from 'i18next';
import {
  INQUIRY_STATES,
  type InquiryState,
  LICENCE_EXCLUSIVITIES,
  LICENCE_KINDS,
  type LicenceExclusivity,
  type LicenceKind,
  RESULT_STATES,
  RESULT_TYPES,
  type ResultState,
  type ResultType,
} from '../../common/results.js';
import { TRL_DEFINITIONS, TRL_LEVELS, type TrlLevel } from '../../common/trl.js';
import { tk } from '../i18n/index.js';

// English labels (i18n keys) of the catalog's codes; tk() marks them for the catalog test.
export const TYPE_LABELS: Record<ResultType, string> = {
  technology: tk('Technology for licensing'),
  publication: tk('Publication'),
  standard: tk('Standard'),
  reference_material: tk('Reference material or data'),
  software: tk('Software'),
  dataset: tk('Dataset'),
};
export const STATE_LABELS: Record<ResultState, string> = {
  draft: tk('Draft'),
  published: tk('Published'),
  withdrawn: tk('Withdrawn'),
};
export const VISIBILITY_LABELS = { public: tk('Public'), internal: tk('Internal') } as const;
export const EXCLUSIVITY_LABELS: Record<LicenceExclusivity, string> = {
  exclusive: tk('Exclusive'),
  partially_exclusive: tk('Partially exclusive'),
  non_exclusive: tk('Non-exclusive'),
};
export const KIND_LABELS: Record<LicenceKind, string> = {
  invention: tk('Invention (patent)'),
  copyright: tk('Copyright'),
  software: tk('Software'),
  material: tk('Material'),
  know_how: tk('Know-how'),
  trademark: tk('Trademark'),
};
export const INQUIRY_STATE_LABELS: Record<InquiryState, string> = {
  received: tk('Received'),
  in_discussion: tk('In discussion'),
  nda_signed: tk('NDA signed'),
  licensed: tk('Licensed'),
  closed: tk('Closed'),
};
export const INQUIRY_KIND_LABELS = {
  licensing: tk('Licensing'),
  collaboration: tk('Collaboration'),
} as const;
export const STATE_COLORS: Record<ResultState, string> = {
  draft: 'default',
  published: 'green',
  withdrawn: 'red',
};
export const INQUIRY_COLORS: Record<InquiryState, string> = {
  received: 'blue',
  in_discussion: 'gold',
  nda_signed: 'purple',
  licensed: 'green',
  closed: 'default',
};

export const typeOptions = (t: TFunction) =>
  RESULT_TYPES.map((v) => ({ value: v, label: t(TYPE_LABELS[v]) }));
export const stateOptions = (t: TFunction) =>
  RESULT_STATES.map((v) => ({ value: v, label: t(STATE_LABELS[v]) }));
export const exclusivityOptions = (t: TFunction) =>
  LICENCE_EXCLUSIVITIES.map((v) => ({ value: v, label: t(EXCLUSIVITY_LABELS[v]) }));
export const kindOptions = (t: TFunction) =>
  LICENCE_KINDS.map((v) => ({ value: v, label: t(KIND_LABELS[v]) }));
export const inquiryStateOptions = (t: TFunction) =>
  INQUIRY_STATES.map((v) => ({ value: v, label: t(INQUIRY_STATE_LABELS[v]) }));

/** The TRL definition in the viewer's language (GB/T 22900 wording in Chinese, NASA/EU wording in English). */
export const trlText = (level: number, locale: string) => {
  const d = TRL_DEFINITIONS[level as TrlLevel];
  return d ? (locale === 'zh-CN' ? d.zh : d.en) : '';
};
export const trlOptions = (locale: string) =>
  TRL_LEVELS.map((l) => ({ value: l, label: `TRL ${l} · ${trlText(l, locale)}` }));

/** A bilingual text in the viewer's language, falling back to the other one when missing or empty (labels.ts `pick` keeps an empty text). */
export const pickFilled = (zh: string | null | undefined, en: string | null | undefined, locale: string) =>
  (locale === 'zh-CN' ? zh || en : en || zh) || '';

/** Codes of the results catalog and its inquiry funnel (DOMAIN.md §7), shared by server and web. */
export const RESULT_TYPES = [
  'technology',
  'publication',
  'standard',
  'reference_material',
  'software',
  'dataset',
] as const;
export type ResultType = (typeof RESULT_TYPES)[number];

/** English labels double as i18n keys. */
export const RESULT_TYPE_LABELS: Record<ResultType, string> = {
  technology: 'Technology for licensing',
  publication: 'Publication',
  standard: 'Standard',
  reference_material: 'Reference material or data',
  software: 'Software',
  dataset: 'Dataset',
};

export const RESULT_VISIBILITIES = ['public', 'internal'] as const;
export type ResultVisibility = (typeof RESULT_VISIBILITIES)[number];

export const RESULT_STATES = ['draft', 'published', 'withdrawn'] as const;
export type ResultState = (typeof RESULT_STATES)[number];

export const LICENCE_EXCLUSIVITIES = ['exclusive', 'partially_exclusive', 'non_exclusive'] as const;
export type LicenceExclusivity = (typeof LICENCE_EXCLUSIVITIES)[number];
export const LICENCE_EXCLUSIVITY_LABELS: Record<LicenceExclusivity, string> = {
  exclusive: 'Exclusive',
  partially_exclusive: 'Partially exclusive',
  non_exclusive: 'Non-exclusive',
};

export const LICENCE_KINDS = [
  'invention',
  'copyright',
  'software',
  'material',
  'know_how',
  'trademark',
] as const;
export type LicenceKind = (typeof LICENCE_KINDS)[number];
export const LICENCE_KIND_LABELS: Record<LicenceKind, string> = {
  invention: 'Invention (patent)',
  copyright: 'Copyright',
  software: 'Software',
  material: 'Material',
  know_how: 'Know-how',
  trademark: 'Trademark',
};

export const INQUIRY_KINDS = ['licensing', 'collaboration'] as const;
export type InquiryKind = (typeof INQUIRY_KINDS)[number];

export const INQUIRY_STATES = ['received', 'in_discussion', 'nda_signed', 'licensed', 'closed'] as const;
export type InquiryState = (typeof INQUIRY_STATES)[number];
export const INQUIRY_STATE_LABELS: Record<InquiryState, string> = {
  received: 'Received',
  in_discussion: 'In discussion',
  nda_signed: 'NDA signed',
  licensed: 'Licensed',
  closed: 'Closed',
};

/**
 * The funnel: received → in_discussion → nda_signed → licensed, or closed (with a reason) from any open
 * state. A non-exclusive licence of published material needs no NDA, so in_discussion → licensed is allowed.
 */
export const INQUIRY_TRANSITIONS: Record<InquiryState, readonly InquiryState[]> = {
  received: ['in_discussion', 'closed'],
  in_discussion: ['nda_signed', 'licensed', 'closed'],
  nda_signed: ['licensed', 'closed'],
  licensed: [],
  closed: [],
};

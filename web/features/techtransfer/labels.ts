import type {
  AgreementKind,
  CRADA_CLASSES,
  Exclusivity,
  FILING_STATUSES,
  FilingType,
  IpKind,
  LicenceKind,
  OTHER_IP_KINDS,
  OTHER_IP_STATUSES,
  ReceiptCategory,
  TERMINATION_REASONS,
} from '../../../common/ip.js';
import { tk } from '../../i18n/index.js';

// English labels of the vocabularies in common/ip.ts, marked for the catalog (zh-CN.techtransfer.ts).

export const IP_KIND_LABELS: Record<IpKind, string> = {
  patentable: tk('Patentable invention'),
  software: tk('Software'),
  material: tk('Material / research tool'),
  trademark: tk('Trademark'),
  know_how: tk('Know-how'),
};

export const FILING_TYPE_LABELS: Record<FilingType, string> = {
  provisional: tk('Provisional'),
  utility: tk('Utility / invention'),
  pct: tk('PCT'),
  continuation: tk('Continuation'),
  divisional: tk('Divisional'),
  national_phase: tk('National phase'),
};

export const FILING_STATUS_LABELS: Record<(typeof FILING_STATUSES)[number], string> = {
  pending: tk('Pending'),
  granted: tk('Granted'),
  abandoned: tk('Abandoned'),
  expired: tk('Expired'),
};

export const OTHER_IP_KIND_LABELS: Record<(typeof OTHER_IP_KINDS)[number], string> = {
  copyright: tk('Copyright'),
  software: tk('Software copyright'),
  trademark: tk('Trademark'),
};

export const OTHER_IP_STATUS_LABELS: Record<(typeof OTHER_IP_STATUSES)[number], string> = {
  pending: tk('Pending'),
  registered: tk('Registered'),
  lapsed: tk('Lapsed'),
};

export const AGREEMENT_KIND_LABELS: Record<AgreementKind, string> = {
  licence: tk('Licence'),
  option: tk('Option'),
  crada: tk('CRADA'),
  assignment: tk('Assignment'),
  equity_investment: tk('Equity investment'),
  tech_development: tk('Technology development contract'),
  tech_consulting: tk('Technology consulting contract'),
  tech_service: tk('Technology service contract'),
};

export const LICENCE_KIND_LABELS: Record<LicenceKind, string> = {
  invention: tk('Invention'),
  trademark: tk('Trademark'),
  copyright: tk('Copyright'),
  software: tk('Software'),
  material: tk('Material'),
  know_how: tk('Know-how'),
};

export const EXCLUSIVITY_LABELS: Record<Exclusivity, string> = {
  exclusive: tk('Exclusive'),
  partially_exclusive: tk('Partially exclusive'),
  non_exclusive: tk('Non-exclusive'),
};

export const CRADA_CLASS_LABELS: Record<(typeof CRADA_CLASSES)[number], string> = {
  traditional: tk('Traditional'),
  non_traditional: tk('Non-traditional'),
};

export const TERMINATION_REASON_LABELS: Record<(typeof TERMINATION_REASONS)[number], string> = {
  expired: tk('Expired'),
  for_cause: tk('For cause'),
  mutual: tk('By mutual consent'),
  other: tk('Other'),
};

export const RECEIPT_CATEGORY_LABELS: Record<ReceiptCategory, string> = {
  issue_fee: tk('Issue fee'),
  annual_minimum: tk('Annual minimum'),
  earned_royalty: tk('Earned royalty'),
  milestone: tk('Milestone'),
  sublicence: tk('Sublicence income'),
  equity_cashed: tk('Equity cashed in'),
  patent_cost_reimbursement: tk('Patent-cost reimbursement'),
  other: tk('Other'),
  refund: tk('Refund'),
};

import type { EnterpriseSize, RedemptionState, SchemeState, VoucherState } from '../../../common/vouchers.js';
import { tk } from '../../i18n/index.js';

// English source labels of common/vouchers.ts; the catalog test checks each has its Chinese.

export const SCHEME_STATE_LABELS: Record<SchemeState, string> = {
  draft: tk('Draft'),
  open: tk('Scheme open'),
  closed: tk('Scheme closed'),
};
export const SCHEME_STATE_COLORS: Record<SchemeState, string> = {
  draft: 'default',
  open: 'green',
  closed: 'red',
};
export const SCHEME_MOVE_LABELS: Record<SchemeState, string> = {
  draft: tk('Draft'),
  open: tk('Open the scheme'),
  closed: tk('Close the scheme'),
};

export const VOUCHER_STATE_LABELS: Record<VoucherState, string> = {
  applied: tk('voucher.state.applied'),
  issued: tk('voucher.state.issued'),
  refused: tk('voucher.state.refused'),
  not_drawn: tk('Not drawn'),
};
export const VOUCHER_STATE_COLORS: Record<VoucherState, string> = {
  applied: 'gold',
  issued: 'green',
  refused: 'red',
  not_drawn: 'default',
};

export const REDEMPTION_STATE_LABELS: Record<RedemptionState, string> = {
  planned: tk('Voucher part planned'),
  redeemed: tk('Redeemed'),
  settled: tk('Settled'),
};
export const REDEMPTION_STATE_COLORS: Record<RedemptionState, string> = {
  planned: 'gold',
  redeemed: 'blue',
  settled: 'green',
};

export const SIZE_LABELS: Record<EnterpriseSize, string> = {
  micro: tk('Micro enterprise'),
  small: tk('Small enterprise'),
  medium: tk('Medium enterprise'),
  large: tk('Large enterprise'),
};

export const LEDGER_KIND_LABELS: Record<string, string> = {
  issue: tk('Issued'),
  redeem: tk('Redemption'),
};

export const SIGNAL_LABELS: Record<string, string> = {
  same_controller: tk('One actual controller behind several enterprises'),
  price_above_catalog: tk('Voucher-paid price above the catalog price'),
  all_top_ratings: tk('Every voucher client of a provider rated 5'),
  shared_people_or_address: tk('Provider and enterprise share people or an address'),
};

import type { PriceRule, RequestAction, RequestState, ServiceKind } from '../../common/services.js';
import { tk } from '../i18n/index.js';
import { CATALOG_STATE_COLORS, CATALOG_STATE_LABELS } from './CatalogState.js';

// English source labels of common/services.ts; the catalog test checks each has its Chinese.

export const KIND_LABELS: Record<ServiceKind, string> = {
  testing: tk('Measurement and testing'),
  calibration: tk('Calibration'),
  consulting: tk('Technical consulting'),
  pilot: tk('Pilot production'),
  training: tk('Training'),
  machine_time: tk('Machine time'),
};

export const PRICE_RULE_LABELS: Record<PriceRule, string> = {
  fixed: tk('Fixed price'),
  per_sample: tk('Per sample'),
  per_hour: tk('Per hour'),
};

/** A catalog record's states: the same words and colours as every catalog page (catalog/CatalogState.tsx). */
export const SERVICE_STATE_LABELS = CATALOG_STATE_LABELS;
export const SERVICE_STATE_COLORS = CATALOG_STATE_COLORS;

export const REQUEST_STATE_LABELS: Record<RequestState, string> = {
  submitted: tk('Submitted'),
  quoted: tk('Quoted'),
  accepted: tk('Quote accepted'),
  contracted: tk('Contracted'),
  in_progress: tk('Work in progress'),
  delivered: tk('Delivered'),
  rated: tk('Rated'),
  closed: tk('Closed'),
  cancelled: tk('Cancelled'),
  disputed: tk('Disputed'),
};

export const REQUEST_STATE_COLORS: Record<RequestState, string> = {
  submitted: 'blue',
  quoted: 'gold',
  accepted: 'cyan',
  contracted: 'cyan',
  in_progress: 'processing',
  delivered: 'green',
  rated: 'green',
  closed: 'default',
  cancelled: 'default',
  disputed: 'red',
};

/** The buttons of the request's moves (deliver is the report upload). */
export const ACTION_LABELS: Record<RequestAction, string> = {
  quote: tk('Quote'),
  accept: tk('Accept the quote'),
  contract: tk('Sign the contract'),
  start: tk('Start work'),
  deliver: tk('Deliver the report'),
  rate: tk('Rate'),
  close: tk('Close'),
  cancel: tk('Cancel the request'),
  rework: tk('Ask for rework'),
  dispute: tk('Dispute'),
  resolve: tk('Resolve the dispute'),
};

/** The transition log also names the first step, which is not an action of the state machine. */
export const LOG_LABELS: Record<string, string> = { ...ACTION_LABELS, submit: tk('Submitted') };

import type { Page } from '../../nav.js';

/** Expert review in the side navigation (issue 5): officers' review of a call, experts' own reviews. */
export const REVIEW_PAGES: Page[] = [];

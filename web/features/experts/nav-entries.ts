import type { Page } from '../../nav.js';

/** The expert database in the side navigation (issue 5). */
export const EXPERTS_PAGES: Page[] = [];

import type { Template } from './notifications.templates.js';

/** Notification texts of the funding outcomes (issue 5); spread into TEMPLATES. */
export const DECISION_TEMPLATES: Record<string, Template> = {};

import type { Template } from './notifications.templates.js';

/** Notification texts of the invitations to review and refilled seats (issue 5); spread into TEMPLATES. */
export const ASSIGNMENT_TEMPLATES: Record<string, Template> = {};

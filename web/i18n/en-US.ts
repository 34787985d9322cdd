import { enUSAuditFields } from './en-US.audit-fields.js';
import { enUSPeople } from './en-US.people.js';
import { enUSPlurals } from './en-US.plurals.js';
import { enUSProjectChecks } from './en-US.project-checks.js';
import { enUSRubric } from './en-US.rubric.js';
import { enUSWords } from './words.js';

/**
 * English is the source language: every key is its own English text (ARCHITECTURE.md convention 8),
 * so the catalog is empty and i18next returns the key. Add an entry only to override wording, or for a
 * key namespaced by meaning (personLinks.*), whose English text lives in a file per domain.
 */
export const enUS: Record<string, string> = {
  ...enUSAuditFields,
  ...enUSPeople,
  ...enUSPlurals,
  ...enUSProjectChecks,
  ...enUSRubric,
  ...enUSWords,
};

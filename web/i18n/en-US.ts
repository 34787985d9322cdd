/**
 * English is the source language: every key is its own English text (ARCHITECTURE.md convention 8),
 * so the catalog is empty and i18next returns the key. Add an entry only to override wording.
 */
export const enUS: Record<string, string> = {};

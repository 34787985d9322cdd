import type { TFunction } from 'i18next';
import { ACTION_LABELS, ENTITY_LABELS } from '../../common/audit-labels.js';

export { ACTION_LABELS, ENTITY_LABELS };

/** The words of an audit action; a code without them (one written by a newer server) reads as 'Other action'. */
export const actionLabel = (t: TFunction, action: string): string => {
  const english = ACTION_LABELS[action];
  return english ? t(english) : t('Other action');
};

export const entityLabel = (t: TFunction, entityType: string): string => {
  const english = ENTITY_LABELS[entityType];
  return english ? t(english) : t('Other object');
};

/**
 * Who did it, as the log recorded it: commands run on the server are recorded as 'cli (cli)' (or
 * 'name (cli)'), work without a signed-in user as 'system' or 'anonymous'. The record is hash-chained
 * and stays as written; the page says it in words.
 */
export const actorText = (t: TFunction, label: string): string => {
  if (label === 'cli' || label === 'cli (cli)') return t('Command line on the server');
  if (label.endsWith(' (cli)'))
    return t('{{name}} (command line)', { name: label.slice(0, -' (cli)'.length) });
  if (label === 'system') return t('System');
  if (label === 'anonymous') return t('Not signed in');
  return label;
};

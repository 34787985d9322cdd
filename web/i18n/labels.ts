import type { TFunction } from 'i18next';
import { type PlatformModel, ROLE_LABELS, type Role } from '../../common/roles.js';
import type { PlatformSummary } from '../api/types.js';
import { tk } from './index.js';

export const roleLabel = (t: TFunction, role: Role): string => t(ROLE_LABELS[role]);

export const MODEL_LABELS: Record<PlatformModel, string> = {
  gov_institute: tk('Government research institute'),
  ppp_program: tk('Public–private research program'),
  tech_alliance: tk('Technology alliance'),
};

export const platformName = (p: PlatformSummary | undefined, locale: string): string | undefined =>
  p && (locale === 'zh-CN' ? p.nameZh : p.nameEn);

// Audit actions the foundation writes; an action added later shows its code until it gets a label here.
const ACTION_LABELS: Record<string, string> = {
  'platform.created': tk('Platform created'),
  'user.created': tk('User created'),
  'user.updated': tk('User updated'),
  'user.roles_changed': tk('Roles changed'),
  'user.password_reset': tk('Password reset'),
  'user.preferences_changed': tk('Preferences changed'),
  'auth.signed_in': tk('Signed in'),
  'auth.signed_out': tk('Signed out'),
  'auth.account_locked': tk('Account locked'),
  'auth.sign_in_refused': tk('Sign-in refused'),
  'auth.password_changed': tk('Password changed'),
  'token.created': tk('API token created'),
  'token.revoked': tk('API token revoked'),
};

export const actionLabel = (t: TFunction, action: string): string => {
  const english = ACTION_LABELS[action];
  return english ? t(english) : action;
};

const ENTITY_LABELS: Record<string, string> = {
  platform: tk('Platform'),
  user: tk('User'),
  api_token: tk('API token'),
};

export const entityLabel = (t: TFunction, entityType: string): string => {
  const english = ENTITY_LABELS[entityType];
  return english ? t(english) : entityType;
};

/**
 * The text of each notification kind in both locales: the in-app centre shows it in the viewer's
 * locale, the e-mail is written in the recipient's. Placeholders {{name}} are filled from the
 * notification's params; a *Zh / *En pair (e.g. callTitleZh / callTitleEn) is picked by locale as
 * {{callTitle}}. Times (ISO UTC) in params named *At are shown as "YYYY-MM-DD HH:mm UTC".
 *
 * Params by kind (all strings):
 * - call.deadline_extended: callCode, callTitleZh, callTitleEn, previousClosesAt, closesAt, reason
 * - call.closed: callCode, callTitleZh, callTitleEn
 * - application.*: callTitleZh, callTitleEn, number (the application number), reason (when given),
 *   deadlineAt (resubmission deadline of application.returned); member_invited / member_confirmed /
 *   member_declined: application (the receipt number) or applicationZh / applicationEn (a draft's title)
 * - auth.account_locked: lockedUntilAt, ip
 * - auth.password_reset_link, auth.password_reset: notifications.templates.auth.ts
 * - registration.*: notifications.templates.registrations.ts
 * - project.report_due_soon, project.report_overdue, project_check.invited, project_check.declined:
 *   notifications.templates.projects.ts
 * An unknown kind falls back to a generic text, so a new kind never breaks sending.
 */
import type { Locale } from '../../../common/roles.js';
import type { Template, TemplateText as Text } from './notifications.schema.js';
import { ASSIGNMENT_TEMPLATES } from './notifications.templates.assignment.js';
import { AUTH_TEMPLATES } from './notifications.templates.auth.js';
import { DECISION_TEMPLATES } from './notifications.templates.decisions.js';
import { NEEDS_TEMPLATES } from './notifications.templates.needs.js';
import { PEOPLE_TEMPLATES } from './notifications.templates.people.js';
import { PROJECTS_TEMPLATES } from './notifications.templates.projects.js';
import { REGISTRATION_TEMPLATES } from './notifications.templates.registrations.js';
import { SERVICES_TEMPLATES } from './notifications.templates.services.js';

export const TEMPLATES: Record<string, Template> = {
  ...ASSIGNMENT_TEMPLATES,
  ...AUTH_TEMPLATES,
  ...DECISION_TEMPLATES,
  ...PEOPLE_TEMPLATES,
  ...SERVICES_TEMPLATES,
  ...NEEDS_TEMPLATES,
  ...PROJECTS_TEMPLATES,
  ...REGISTRATION_TEMPLATES,
  'call.deadline_extended': {
    'zh-CN': {
      subject: '截止时间延长：{{callTitle}}',
      body: '计划“{{callTitle}}”（{{callCode}}）的申报截止时间已由 {{previousClosesAt}} 延长至 {{closesAt}}。原因：{{reason}}',
    },
    'en-US': {
      subject: 'Deadline extended: {{callTitle}}',
      body: 'The deadline of the call "{{callTitle}}" ({{callCode}}) has moved from {{previousClosesAt}} to {{closesAt}}. Reason: {{reason}}',
    },
  },
  'call.closed': {
    'zh-CN': {
      subject: '计划已截止：{{callTitle}}',
      body: '计划“{{callTitle}}”（{{callCode}}）已截止受理。',
    },
    'en-US': {
      subject: 'Call closed: {{callTitle}}',
      body: 'The call "{{callTitle}}" ({{callCode}}) no longer accepts applications.',
    },
  },
  // Sign-in hardening (issue 10): the owner hears of a lockout here, since the sign-in answer says nothing.
  'auth.account_locked': {
    'zh-CN': {
      subject: '账户已被暂时锁定',
      body: '您的账户因连续登录失败已被锁定至 {{lockedUntilAt}}（最近一次尝试来自 {{ip}}）。如非本人操作，请在解锁后修改密码并联系系统管理员。',
    },
    'en-US': {
      subject: 'Your account is locked for a while',
      body: 'Your account is locked until {{lockedUntilAt}} after repeated failed sign-ins (the last from {{ip}}). If this was not you, change your password once it unlocks and tell the system administrator.',
    },
  },
  'application.submitted': {
    'zh-CN': { subject: '申报书已提交：{{number}}', body: '申报书 {{number}}（{{callTitle}}）已提交。' },
    'en-US': {
      subject: 'Application submitted: {{number}}',
      body: 'Application {{number}} to "{{callTitle}}" has been submitted.',
    },
  },
  'application.member_invited': {
    'zh-CN': {
      subject: '请确认参与申报：{{callTitle}}',
      body: '您被邀请确认贵单位在申报书“{{application}}”（{{callTitle}}）中的参与内容。',
    },
    'en-US': {
      subject: 'Please confirm your part: {{callTitle}}',
      body: 'You are invited to confirm your organisation\'s part in the application "{{application}}" to "{{callTitle}}".',
    },
  },
  'application.member_confirmed': {
    'zh-CN': {
      subject: '参与单位已确认：{{application}}',
      body: '一家参与单位已确认其在申报书“{{application}}”中的参与内容。',
    },
    'en-US': {
      subject: 'Member confirmed: {{application}}',
      body: 'A member organisation confirmed its part in the application "{{application}}".',
    },
  },
  'application.member_declined': {
    'zh-CN': {
      subject: '参与单位已拒绝：{{application}}',
      body: '一家参与单位拒绝了其在申报书“{{application}}”中的参与内容。',
    },
    'en-US': {
      subject: 'Member declined: {{application}}',
      body: 'A member organisation declined its part in the application "{{application}}".',
    },
  },
  'application.returned': {
    'zh-CN': {
      subject: '申报书退回修改：{{number}}',
      body: '申报书 {{number}}（{{callTitle}}）形式审查未通过，已退回修改，请在 {{deadlineAt}} 前重新提交。原因：{{reason}}',
    },
    'en-US': {
      subject: 'Application returned for correction: {{number}}',
      body: 'Application {{number}} to "{{callTitle}}" was returned for correction; resubmit by {{deadlineAt}}. Reason: {{reason}}',
    },
  },
  'application.rejected': {
    'zh-CN': {
      subject: '申报书不予受理：{{number}}',
      body: '申报书 {{number}}（{{callTitle}}）不予受理。原因：{{reason}}',
    },
    'en-US': {
      subject: 'Application rejected: {{number}}',
      body: 'Application {{number}} to "{{callTitle}}" was rejected at screening. Reason: {{reason}}',
    },
  },
  'application.screening_passed': {
    'zh-CN': {
      subject: '申报书通过形式审查：{{number}}',
      body: '申报书 {{number}}（{{callTitle}}）已通过形式审查，进入评审。',
    },
    'en-US': {
      subject: 'Application passed screening: {{number}}',
      body: 'Application {{number}} to "{{callTitle}}" passed screening and goes to review.',
    },
  },
  'application.withdrawn': {
    'zh-CN': { subject: '申报书已撤回：{{number}}', body: '申报书 {{number}}（{{callTitle}}）已撤回。' },
    'en-US': {
      subject: 'Application withdrawn: {{number}}',
      body: 'Application {{number}} to "{{callTitle}}" has been withdrawn.',
    },
  },
};

const FALLBACK: Template = {
  'zh-CN': { subject: '您有一条新通知', body: '您有一条新通知，请登录查看。' },
  'en-US': {
    subject: 'You have a new notification',
    body: 'You have a new notification; sign in to see it.',
  },
};

/** The in-app path of each entity type that has one. */
const PATHS: Record<string, (id: string) => string> = {
  call: (id) => `/calls/${id}`,
  application: (id) => `/applications/${id}`,
  project: (id) => `/projects/${id}`,
  // A reminder of a report due opens the project's 报告 tab.
  project_reports: (id) => `/projects/${id}/reports`,
  // News of a check's panel (a declined seat) opens the project's 检查 tab.
  project_checks: (id) => `/projects/${id}/checks`,
  // The review of a call (an officer's news of its seats) opens on its assignment tab.
  call_review: (id) => `/review/${id}?tab=assignment`,
};

/** Entities whose notifications open a list rather than the entity (an invitation is answered in the list). */
const LIST_PATHS: Record<string, string> = {
  review_assignment: '/my-reviews',
  // An invitation to a check panel is answered in 我的项目检查评审 (entity: the check).
  project_check_invitation: '/project-check-scorecards',
  person_link: '/account/person-links',
  // A contact on a need is answered (provider) or read (enterprise) on the 技术需求 page's tabs.
  need_contact: '/needs',
};

/** The in-app path of the notification's entity, if it has one. */
export function linkPath(entityType: string, entityId: string | null): string | null {
  const list = LIST_PATHS[entityType];
  if (list) return list;
  const path = PATHS[entityType];
  return path && entityId ? path(entityId) : null;
}

const showTime = (iso: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso;

function fill(text: string, params: Record<string, unknown>, locale: Locale): string {
  const suffix = locale === 'zh-CN' ? 'Zh' : 'En';
  const other = locale === 'zh-CN' ? 'En' : 'Zh';
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const v = params[name] ?? params[name + suffix] ?? params[name + other];
    if (v === undefined || v === null || v === '') return '—';
    const s = String(v);
    return name.endsWith('At') ? showTime(s) : s;
  });
}

export const localeOf = (l: string | null | undefined): Locale => (l === 'en-US' ? 'en-US' : 'zh-CN');

/** Subject and body of a notification in `locale`. */
export function render(kind: string, params: Record<string, unknown>, locale: Locale): Text {
  const t = (TEMPLATES[kind] ?? FALLBACK)[locale];
  return { subject: fill(t.subject, params, locale), body: fill(t.body, params, locale) };
}

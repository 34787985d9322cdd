import type { Template } from './notifications.schema.js';

/**
 * Reminders of reports due (issue 13): params code, projectTitleZh / projectTitleEn, reportKindZh /
 * reportKindEn, dueOn (a date), days (days left, or days overdue).
 */
export const PROJECTS_TEMPLATES: Record<string, Template> = {
  'project.report_due_soon': {
    'zh-CN': {
      subject: '报告即将到期：{{code}} {{reportKind}}',
      body: '项目“{{projectTitle}}”（{{code}}）的{{reportKind}}应于 {{dueOn}} 提交（剩余 {{days}} 天）。请在项目的“报告”页提交。',
    },
    'en-US': {
      subject: 'Report due soon: {{code}} {{reportKind}}',
      body: 'The {{reportKind}} of the project "{{projectTitle}}" ({{code}}) is due on {{dueOn}} (days left: {{days}}). Please submit it on the project\'s Reports tab.',
    },
  },
  'project.report_overdue': {
    'zh-CN': {
      subject: '报告已逾期：{{code}} {{reportKind}}',
      body: '项目“{{projectTitle}}”（{{code}}）的{{reportKind}}应于 {{dueOn}} 提交，已逾期 {{days}} 天。请尽快在项目的“报告”页提交。',
    },
    'en-US': {
      subject: 'Report overdue: {{code}} {{reportKind}}',
      body: 'The {{reportKind}} of the project "{{projectTitle}}" ({{code}}) was due on {{dueOn}} (days overdue: {{days}}). Please submit it on the project\'s Reports tab as soon as you can.',
    },
  },
};

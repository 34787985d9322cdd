import type { Template } from './notifications.schema.js';

/**
 * Reminders of reports due (issue 13): params code, projectTitleZh / projectTitleEn, reportKindZh /
 * reportKindEn, dueOn (a date), days (days left, or days overdue).
 * Check panels (as review.invited / review.declined do for applications): params code, projectTitleZh /
 * projectTitleEn, checkKindZh / checkKindEn, and respondByAt (invited) or expertZh / expertEn and reason
 * (declined, to the platform's program officers).
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
  'project_check.invited': {
    'zh-CN': {
      subject: '检查评审邀请：{{code}} {{checkKind}}',
      body: '您受邀参加项目“{{projectTitle}}”（{{code}}）的{{checkKind}}专家组。请于 {{respondByAt}} 前在“我的项目检查评审”中接受或谢绝。',
    },
    'en-US': {
      subject: 'Invitation to a check panel: {{code}} {{checkKind}}',
      body: 'You are invited to the panel of the {{checkKind}} of the project "{{projectTitle}}" ({{code}}). Please accept or decline under "My project check reviews" by {{respondByAt}}.',
    },
  },
  'project_check.declined': {
    'zh-CN': {
      subject: '检查评审邀请被谢绝：{{code}} {{checkKind}}',
      body: '{{expert}} 谢绝了项目“{{projectTitle}}”（{{code}}）{{checkKind}}的专家席位。理由：{{reason}}。可在项目的“检查”页补充分配。',
    },
    'en-US': {
      subject: 'Check panel invitation declined: {{code}} {{checkKind}}',
      body: '{{expert}} declined a seat on the panel of the {{checkKind}} of the project "{{projectTitle}}" ({{code}}). Reason: {{reason}}. You can refill the panel on the project\'s Checks tab.',
    },
  },
};

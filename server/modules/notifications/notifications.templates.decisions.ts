import type { Template } from './notifications.schema.js';

/**
 * Notification texts of the funding outcomes (issue 5); spread into TEMPLATES. Params: callTitleZh,
 * callTitleEn, number (the application number), reportZh / reportEn (the panel's consensus report),
 * projectCode (approved only).
 */
export const DECISION_TEMPLATES: Record<string, Template> = {
  'decision.approved': {
    'zh-CN': {
      subject: '立项通知：{{number}}',
      body: '申报书 {{number}}（{{callTitle}}）已获批准立项，项目编号 {{projectCode}}。专家组评审意见：{{report}}',
    },
    'en-US': {
      subject: 'Funded: {{number}}',
      body: 'Application {{number}} to "{{callTitle}}" is approved for funding as project {{projectCode}}. The panel\'s report: {{report}}',
    },
  },
  'decision.waitlisted': {
    'zh-CN': {
      subject: '列入候补：{{number}}',
      body: '申报书 {{number}}（{{callTitle}}）通过评审但未在本次预算内获得资助，已列入候补名单。专家组评审意见：{{report}}',
    },
    'en-US': {
      subject: 'Waitlisted: {{number}}',
      body: 'Application {{number}} to "{{callTitle}}" passed the review but is not funded within this budget; it is on the waiting list. The panel\'s report: {{report}}',
    },
  },
  'decision.declined': {
    'zh-CN': {
      subject: '未获资助：{{number}}',
      body: '申报书 {{number}}（{{callTitle}}）未获资助。专家组评审意见：{{report}}',
    },
    'en-US': {
      subject: 'Not funded: {{number}}',
      body: 'Application {{number}} to "{{callTitle}}" is not funded. The panel\'s report: {{report}}',
    },
  },
};

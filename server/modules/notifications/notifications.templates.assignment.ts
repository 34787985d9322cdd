import type { Template } from './notifications.templates.js';

/**
 * Notification texts of the invitations to review (issue 5); spread into TEMPLATES.
 * Params: callCode, callTitleZh, callTitleEn, number (application number), label, respondByAt.
 * The entity is the seat (review_assignment): the link leads to the expert's reviews.
 */
export const ASSIGNMENT_TEMPLATES: Record<string, Template> = {
  'review.invited': {
    'zh-CN': {
      subject: '评审邀请：{{callTitle}}',
      body: '您受邀评审计划“{{callTitle}}”（{{callCode}}）的申报书 {{number}}。请于 {{respondByAt}} 前在“我的评审”中接受或谢绝。',
    },
    'en-US': {
      subject: 'Invitation to review: {{callTitle}}',
      body: 'You are invited to review application {{number}} of the call "{{callTitle}}" ({{callCode}}). Please accept or decline under "My reviews" by {{respondByAt}}.',
    },
  },
};

import type { Template } from './notifications.schema.js';

/**
 * Notification texts of the invitations to review (issue 5); spread into TEMPLATES.
 * review.invited — params: callCode, callTitleZh, callTitleEn, number (application number), respondByAt;
 * the entity is the seat (review_assignment): the link leads to the expert's reviews.
 * review.declined — to the call's program officers; params as above plus label (the seat), expert and
 * reason; the entity is the call's review (call_review): the link opens its assignment tab to refill.
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
  'review.declined': {
    'zh-CN': {
      subject: '评审邀请被谢绝：{{callTitle}}',
      body: '{{expert}} 谢绝了计划“{{callTitle}}”（{{callCode}}）申报书 {{number}} 的评审席位 {{label}}。理由：{{reason}}。可在“专家评审”的专家分配中补充分配。',
    },
    'en-US': {
      subject: 'Review invitation declined: {{callTitle}}',
      body: '{{expert}} declined seat {{label}} for application {{number}} of the call "{{callTitle}}" ({{callCode}}). Reason: {{reason}}. You can refill the seat under Expert review, Reviewer assignment.',
    },
  },
};

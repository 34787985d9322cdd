import type { Template } from './notifications.schema.js';

/**
 * Notification texts of account links (issue 10; docs/adr/0013); spread into TEMPLATES. Params:
 * personNameZh, personNameEn (the person record), requestedBy (who proposed a link).
 */
export const PEOPLE_TEMPLATES: Record<string, Template> = {
  'person.link_proposed': {
    'zh-CN': {
      subject: '请确认人员档案关联：{{personName}}',
      body: '{{requestedBy}} 提议将人员档案“{{personName}}”关联到您的账号。关联后您的账号将以此人身份使用平台。请在“人员档案关联”中接受或拒绝。',
    },
    'en-US': {
      subject: 'Confirm a person record link: {{personName}}',
      body: '{{requestedBy}} proposes to link the person record "{{personName}}" to your account; your account would then act as that person. Accept or decline it under "Person record links".',
    },
  },
  'person.linked': {
    'zh-CN': {
      subject: '人员档案已关联：{{personName}}',
      body: '人员档案“{{personName}}”已关联到您的账号。如非本人所为，请联系系统管理员。',
    },
    'en-US': {
      subject: 'Person record linked: {{personName}}',
      body: 'The person record "{{personName}}" is now linked to your account. If you did not expect this, contact a system admin.',
    },
  },
  'person.unlinked': {
    'zh-CN': {
      subject: '人员档案已解除关联：{{personName}}',
      body: '人员档案“{{personName}}”已与您的账号解除关联，您的账号不再以此人身份使用平台。如有疑问，请联系系统管理员。',
    },
    'en-US': {
      subject: 'Person record unlinked: {{personName}}',
      body: 'The person record "{{personName}}" is no longer linked to your account; your account no longer acts as that person. If you did not expect this, contact a system admin.',
    },
  },
};

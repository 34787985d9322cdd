import type { Template } from './notifications.schema.js';

/** Contacts on technology needs (issue 14): params need (its title), target (the match), reasonZh / reasonEn. */
export const NEEDS_TEMPLATES: Record<string, Template> = {
  'need_contact.sent': {
    'zh-CN': {
      subject: '技术需求对接：{{need}}',
      body: '一家企业就技术需求“{{need}}”与“{{target}}”发起对接，请在“技术需求”中接受或婉拒。',
    },
    'en-US': {
      subject: 'Contact on a technology need: {{need}}',
      body: 'An enterprise contacted "{{target}}" about its need "{{need}}"; accept or decline it under Technology needs.',
    },
  },
  'need_contact.accepted': {
    'zh-CN': {
      subject: '对接已接受：{{need}}',
      body: '“{{target}}”接受了您就技术需求“{{need}}”发起的对接。',
    },
    'en-US': {
      subject: 'Contact accepted: {{need}}',
      body: '"{{target}}" accepted your contact about the need "{{need}}".',
    },
  },
  'need_contact.declined': {
    'zh-CN': {
      subject: '对接已婉拒：{{need}}',
      body: '“{{target}}”婉拒了您就技术需求“{{need}}”发起的对接。原因：{{reason}}',
    },
    'en-US': {
      subject: 'Contact declined: {{need}}',
      body: '"{{target}}" declined your contact about the need "{{need}}". Reason: {{reason}}',
    },
  },
};

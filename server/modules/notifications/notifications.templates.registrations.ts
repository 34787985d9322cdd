import type { Template } from './notifications.schema.js';

/**
 * Texts of self-registration (issue 12, docs/adr/0045); spread into TEMPLATES. Params:
 * - registration.verify_link (e-mail only, never stored): name, link, hours, platform
 * - registration.address_in_use (e-mail only): platform, signInLink, resetLink — sent instead of a link
 *   when the address already has an account or an open registration
 * - registration.refused (e-mail only; the person has no account): name, platform, reason
 * - registration.approved (in-app and e-mail through the outbox, the account now exists): platform, username
 */
export const REGISTRATION_TEMPLATES: Record<string, Template> = {
  'registration.verify_link': {
    'zh-CN': {
      subject: '请验证您的电子邮箱',
      body: '{{name}}，您好：\n\n您在「{{platform}}」提交了注册。请在 {{hours}} 小时内打开以下链接验证电子邮箱（链接只能使用一次）：\n\n{{link}}\n\n验证后，您的注册将交由平台审核，审核结果会以邮件通知您。如非本人操作，请忽略此邮件。',
    },
    'en-US': {
      subject: 'Verify your e-mail address',
      body: 'Hello {{name}},\n\nYou registered on "{{platform}}". Open this link within {{hours}} hours to verify your e-mail address (it works once):\n\n{{link}}\n\nOnce verified, the platform reviews your registration and tells you its decision by e-mail. If this was not you, ignore this e-mail.',
    },
  },
  'registration.address_in_use': {
    'zh-CN': {
      subject: '有人使用您的邮箱注册',
      body: '有人在「{{platform}}」使用本邮箱提交了注册，但本邮箱已有账户或正在审核的注册，因此未创建新的注册。\n\n如果是您本人：请直接登录 {{signInLink}}；忘记密码可在此重置 {{resetLink}}。\n如非本人操作，请忽略此邮件。',
    },
    'en-US': {
      subject: 'Someone registered with your e-mail address',
      body: 'Someone registered on "{{platform}}" with this address, which already has an account or a registration under review, so no new registration was made.\n\nIf it was you: sign in at {{signInLink}}; if you forgot the password, reset it at {{resetLink}}.\nIf it was not you, ignore this e-mail.',
    },
  },
  'registration.refused': {
    'zh-CN': {
      subject: '您的注册未通过审核',
      body: '{{name}}，您好：\n\n您在「{{platform}}」的注册未通过审核，原因：\n\n{{reason}}\n\n如有疑问，请联系平台管理员；您也可以重新注册。',
    },
    'en-US': {
      subject: 'Your registration was not approved',
      body: 'Hello {{name}},\n\nYour registration on "{{platform}}" was not approved, for this reason:\n\n{{reason}}\n\nAsk the platform administrators if anything is unclear; you may also register again.',
    },
  },
  'registration.approved': {
    'zh-CN': {
      subject: '您的注册已通过',
      body: '您在「{{platform}}」的注册已通过审核。请使用用户名 {{username}} 和注册时设置的密码登录，即可在「我的申请」中申报项目。',
    },
    'en-US': {
      subject: 'Your registration was approved',
      body: 'Your registration on "{{platform}}" was approved. Sign in with the user name {{username}} and the password you chose; you can then apply under My applications.',
    },
  },
};

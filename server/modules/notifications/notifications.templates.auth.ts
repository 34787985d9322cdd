import type { Template } from './notifications.schema.js';

/**
 * Texts of the public account flows (issue 10/12; docs/sign-in.md); spread into TEMPLATES. Params:
 * - auth.password_reset_link (e-mail only, never stored): link, minutes
 * - auth.password_reset (in-app and e-mail, after the reset): ip
 */
export const AUTH_TEMPLATES: Record<string, Template> = {
  'auth.password_reset_link': {
    'zh-CN': {
      subject: '重置密码',
      body: '有人为您的账户申请了重置密码。请在 {{minutes}} 分钟内打开以下链接设置新密码（链接只能使用一次）：\n\n{{link}}\n\n如非本人操作，请忽略此邮件，您的密码不会改变。',
    },
    'en-US': {
      subject: 'Reset your password',
      body: 'Someone asked to reset the password of your account. Open this link within {{minutes}} minutes to set a new one (it works once):\n\n{{link}}\n\nIf this was not you, ignore this e-mail; your password stays as it is.',
    },
  },
  'auth.password_reset': {
    'zh-CN': {
      subject: '您的密码已重置',
      body: '您的账户密码已通过邮件链接重置（请求来自 {{ip}}），所有登录会话和 API 令牌均已失效。如非本人操作，请立即联系系统管理员。',
    },
    'en-US': {
      subject: 'Your password was reset',
      body: 'The password of your account was reset through an e-mailed link (asked from {{ip}}); every session and API token of the account has ended. If this was not you, tell a system admin at once.',
    },
  },
};

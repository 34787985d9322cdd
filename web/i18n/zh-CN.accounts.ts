import type { ACCOUNTS_ERRORS } from '../../common/error-codes.accounts.js';

type Messages = Record<(typeof ACCOUNTS_ERRORS)[keyof typeof ACCOUNTS_ERRORS], string>;

/** The public account flows (issue 10/12): forgot password and the sign-in check after failures. */
const errors: Messages = {
  'This link is not valid: it was used already, has expired or is wrong; ask for a new one':
    '该链接无效（已使用、已过期或有误），请重新申请',
  'After several failed sign-ins, confirm that you are a person to sign in':
    '登录失败次数较多，请先完成人机验证再登录',
  'The check is not valid (used already, expired or wrong); do it again':
    '人机验证无效（已使用、已过期或有误），请重新验证',
};

export const zhCNAccounts: Record<string, string> = {
  ...errors,
  'Forgot password?': '忘记密码？',
  'Forgot password': '忘记密码',
  'Enter the e-mail address of your account; we send a link to set a new password.':
    '请输入账户绑定的电子邮箱，我们将发送设置新密码的链接。',
  'E-mail address': '电子邮箱',
  'Enter your e-mail address': '请输入电子邮箱',
  'Send the link': '发送链接',
  'If an account has this e-mail address, a link to set a new password is on its way. It works once and for a limited time.':
    '如该邮箱已绑定账户，设置新密码的链接已发出。链接仅可使用一次，且有效期有限。',
  'Back to sign-in': '返回登录',
  'Set a new password': '设置新密码',
  'Set the new password': '确认新密码',
  'Your password is set': '新密码已设置',
  'Every session and API token of the account has ended. Sign in with the new password.':
    '该账户的所有登录会话和 API 令牌均已失效，请使用新密码登录。',
  'Ask for a new link': '重新申请链接',
};

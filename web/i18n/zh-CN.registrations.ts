import type { REGISTRATIONS_ERRORS } from '../../common/error-codes.registrations.js';

type Messages = Record<(typeof REGISTRATIONS_ERRORS)[keyof typeof REGISTRATIONS_ERRORS], string>;

/** Self-registration (issue 12, docs/adr/0045): the public form, the verification link and 注册审核. */
const errors: Messages = {
  'This verification link is not valid: it was used already, has expired or is wrong; ask for a new one':
    '该验证链接无效（已使用、已过期或有误），请重新发送验证邮件',
  'No such registration': '注册申请不存在',
  'This registration is not waiting for a decision': '该注册不在待审核状态',
  'An account with this e-mail address exists already; refuse the registration':
    '该电子邮箱已有账户，请驳回此注册',
  'Pick an existing organisation or propose a new one': '请选择已有单位或填写新单位',
  'Your e-mail address is not verified yet: open the link we sent you, or ask for a new one':
    '您的电子邮箱尚未验证：请打开我们发送的验证链接，或重新发送',
  'Your registration is waiting for the platform to confirm it; you will get an e-mail':
    '您的注册正在等待平台审核，审核结果将以邮件通知您',
};

export const zhCNRegistrations: Record<string, string> = {
  ...errors,
};

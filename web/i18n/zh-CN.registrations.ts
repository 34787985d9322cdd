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
  'Check your e-mail': '请查收邮件',
  'If {{email}} is not registered yet, a link to verify it is on its way; it works once within 24 hours. Once verified, the platform reviews your registration and tells you its decision by e-mail.':
    '如果 {{email}} 尚未注册，验证链接已发送到该邮箱，24 小时内有效且只能使用一次。验证后，平台将审核您的注册，并以邮件通知审核结果。',
  'Register yourself and your organisation to apply to the calls of a platform. After you verify your e-mail, the platform confirms the registration.':
    '注册个人账号并登记所在单位，即可申报平台的研发计划。验证电子邮箱后，由平台审核确认。',
  'Choose a platform': '请选择平台',
  'Enter your name': '请输入姓名',
  'You sign in with this address once the registration is approved.': '注册通过后，使用此邮箱登录。',
  'Repeat the password': '再次输入密码',
  'Pick a registered organisation': '选择已登记的单位',
  'Register a new organisation': '登记新单位',
  'Organisation name or unified social credit code': '单位名称或统一社会信用代码',
  'Pick your organisation': '请选择所在单位',
  'Type two characters or more': '请输入至少两个字',
  'Organisation name': '单位名称',
  'Enter the organisation name': '请输入单位名称',
  'Enter the unified social credit code': '请输入统一社会信用代码',
  'Confirm that you are a person': '人机验证',
  'Already registered? Sign in': '已有账号？去登录',
  'Your e-mail address is verified': '电子邮箱已验证',
  '{{platform}} now reviews your registration and your organisation. You will get an e-mail with its decision; once approved, sign in with your e-mail address and password and apply under My applications.':
    '「{{platform}}」将审核您的注册和所在单位，审核结果会以邮件通知您。通过后，请使用电子邮箱和密码登录，在「我的申请」中申报。',
  'Verifying your e-mail address…': '正在验证电子邮箱…',
  'A new link is on its way': '新的验证邮件已发送',
  'Resend the verification e-mail': '重新发送',
  'Register an account': '注册账号',
  'Registration review': '注册审核',
  'Awaiting review': '待审核',
  'Not approved': '未通过',
  'E-mail not verified': '邮箱未验证',
  'Approved: {{name}} can now sign in': '已通过：{{name}} 现在可以登录',
  'Self-registrations waiting for your decision, oldest first': '待审核的注册申请（按提交先后排列）',
  'E-mail verified': '邮箱验证时间',
  'Approve this registration? An applicant account is created for this platform.':
    '确认通过此注册？将为其创建本平台的申请人账号。',
  'Refuse the registration of {{name}}': '驳回 {{name}} 的注册',
  'Reason (e-mailed to the person)': '驳回原因（将通过邮件告知申请人）',
  'Other platforms also use {{organisation}}: only keepers of all of them, or a system administrator, may add this person to it. Ask them, or refuse with a reason.':
    '{{organisation}} 也被其他平台使用：只有这些平台的管理人员共同或系统管理员才能将此人加入该单位。请联系他们，或填写原因驳回。',
};

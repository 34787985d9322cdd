/** Simplified Chinese of password expiry and administrator-set passwords (issue 10, docs/sign-in.md). */
export const zhCNPassword: Record<string, string> = {
  'Your password has expired or was set by an administrator; choose a new one to continue':
    '您的密码已过期或由管理员设置，请设置新密码后继续',
  'Choose a new password': '设置新密码',
  'Your password has expired. Choose a new one to continue.': '您的密码已过期，请设置新密码后继续。',
  'An administrator set your password. Choose your own to continue.':
    '您的密码由管理员设置，请设置您自己的密码后继续。',
  'At least {{n}} characters, not containing the user name; not one of your recent passwords.':
    '至少 {{n}} 个字符，不得包含用户名，且不得与最近使用过的密码相同。',
  'The password must not contain your name, e-mail, the product name or a platform name or code':
    '密码不得包含您的姓名、邮箱、产品名称或平台名称、代码',
  'This password is too common; choose one that is harder to guess': '该密码过于常见，请换一个更难猜的密码',
  'Your password expires on {{date}}.': '您的密码将于 {{date}} 过期。',
  // Curation of the technology fields (docs/adr/0013): kept here with the other issue-10 texts.
  'Only system administrators curate the technology fields; ask one to add or change a field':
    '技术领域仅由系统管理员维护，如需新增或修改领域，请联系系统管理员',
};

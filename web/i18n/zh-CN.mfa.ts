/** Simplified Chinese of the second factor and the separated administrators (issue 10, docs/adr/0014). */
export const zhCNMfa: Record<string, string> = {
  'Enter the code of your authenticator app to finish signing in':
    '请输入身份验证器应用中的动态口令以完成登录',
  'Your role requires two-factor authentication; set it up first': '您的角色要求启用双因素认证，请先完成设置',
  'The code is wrong, expired or already used': '动态口令错误、已过期或已被使用',
  'The sign-in took too long; sign in with your password again': '登录超时，请重新输入密码登录',
  'Two-factor authentication is already on': '双因素认证已启用',
  'Two-factor authentication is not set up': '尚未设置双因素认证',
  'No sign-in is waiting for a second factor': '没有等待第二因素验证的登录',
  'An account holds at most one of system, security and audit administrator':
    '一个账号最多只能担任系统管理员、安全管理员、审计管理员中的一种',
  'This account is not locked': '该账号未被锁定',
  'Only the security administrator changes the roles of the security and audit administrators':
    '安全管理员和审计管理员的角色只能由安全管理员调整',
  'Two-factor authentication': '双因素认证',
  'Two-step verification': '两步验证',
  'Set up two-factor authentication': '设置双因素认证',
  'Your role requires a second factor at sign-in. Set it up to continue.':
    '您的角色要求登录时使用第二因素认证，请先完成设置再继续。',
  'Enter one of your recovery codes. Each works once.': '请输入一个恢复码，每个恢复码只能使用一次。',
  'Enter the six-digit code your authenticator app shows for Commonlab.':
    '请输入身份验证器应用中 Commonlab 的六位动态口令。',
  'Recovery code': '恢复码',
  'Code from the app': '动态口令',
  'Enter the code': '请输入动态口令',
  'Enter the six digits of the code': '请输入六位数字动态口令',
  Verify: '验证',
  'Use a recovery code': '使用恢复码',
  'Use the code from the app': '使用动态口令',
  'Two-factor authentication is on': '双因素认证已启用',
  'Keep these recovery codes somewhere safe. Each works once, instead of a code, if you lose your phone. They are not shown again.':
    '请妥善保存以下恢复码。手机丢失时，每个恢复码可代替动态口令使用一次。恢复码不会再次显示。',
  'I have saved the recovery codes': '我已保存恢复码',
  'Scan this QR code with an authenticator app (for example Microsoft Authenticator, Google Authenticator or FreeOTP), then enter the six-digit code it shows.':
    '请使用身份验证器应用（如 Microsoft Authenticator、Google Authenticator 或 FreeOTP）扫描此二维码，然后输入应用显示的六位动态口令。',
  'Cannot scan? Enter this key:': '无法扫描？请手动输入密钥：',
  'Turn on': '启用',
  'Turn off': '停用',
  State: '状态',
  On: '已启用',
  Off: '未启用',
  'Required for your role': '您的角色要求启用',
  'Recovery codes left': '剩余恢复码',
  'Sign out': '退出登录',
  'Security administrator': '安全管理员',
  'Audit administrator': '审计管理员',
  'Reset two-factor authentication': '重置双因素认证',
  Unlock: '解除锁定',
};

/** Simplified Chinese of one's own sessions, the e-mail change and the security events (issue 10). */
export const zhCNSecurity: Record<string, string> = {
  'This session does not exist or has already ended': '该会话不存在或已结束',
  'Confirm it is you: enter your current password (or a code from your authenticator app)':
    '请确认身份：输入当前密码（或身份验证器应用中的动态口令）',
  'The password or code is wrong': '密码或动态口令错误',
  'Signed-in sessions': '已登录的会话',
  'Sign out everywhere else?': '确定退出其他所有设备上的登录？',
  'Sign out everywhere else': '退出其他所有登录',
  'Signed out everywhere else': '已退出其他所有登录',
  Device: '设备',
  'Unknown device': '未知设备',
  'This session': '当前会话',
  'IP address': 'IP 地址',
  'Signed in at': '登录时间',
  'Last seen': '最近活动',
  'End session': '结束会话',
  'End this session? That browser is signed out.': '结束该会话？该浏览器将退出登录。',
  'Session ended': '会话已结束',
  'E-mail changed': '电子邮件已更改',
  'Enter a valid e-mail': '请输入有效的电子邮件地址',
  'Or leave it empty and enter a code from the app': '或留空并输入身份验证器应用中的动态口令',
  'Change e-mail': '更改电子邮件',
};

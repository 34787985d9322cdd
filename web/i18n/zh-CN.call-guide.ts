/**
 * Simplified Chinese for the call guide's extras of issue 12: 复制申报指南, the call's contact person and
 * 通知公告 (announcements), the batch re-invitation of experts and the privacy consent of public forms;
 * spread into zh-CN.ts. Keys are the English source text.
 */
export const zhCNCallGuide: Record<string, string> = {
  'Copy the call guide': '复制申报指南',
  'Create the copy': '创建副本',
  'The copy is a new draft with this call’s guide, rules, budget, attachments, checklist and fields; no application, review or decision is copied.':
    '副本为新的草稿，沿用本计划的申报指南、申报条件、经费规则、附件要求、形式审查清单和技术领域；不复制任何申请、评审或立项决定。',
  // 通知公告
  Announcements: '通知公告',
  'All announcements': '全部通知公告',
  'No announcement has been published': '暂无已发布的通知公告',
  'Date published': '发布时间',
  'Write an announcement': '撰写通知公告',
  'Edit the announcement': '编辑通知公告',
  'Chinese text': '中文正文',
  'English text': '英文正文',
  'Enter the text': '请输入正文',
  'Attach a file': '上传附件',
  'Publish this announcement? Everyone will see it on the portal.':
    '确定发布该通知公告？发布后所有人都可在门户上看到。',
  'Withdraw this announcement? It leaves the portal for good.':
    '确定撤回该通知公告？撤回后将从门户永久移除。',
  'No such announcement': '通知公告不存在',
  'The announcement cannot move to that state from its current state': '该通知公告当前状态下不能变更为此状态',
  'Only a draft announcement can be changed': '只有草稿状态的通知公告可以修改',
  // 批量重新邀请 (the review's seats)
  'The expert may still answer this invitation': '专家仍可答复该邀请',
  'The expert has answered this invitation': '专家已答复该邀请',
  'The application already has all its reviewers invited or accepted':
    '该申请的评审专家已满（已邀请或已接受）',
  'Invite again': '重新邀请',
  'Invite the experts of the {{count}} selected seats again, with a new time to answer?':
    '确定重新邀请所选 {{count}} 个评审席位的专家，并给出新的答复期限？',
  // The privacy consent of public forms (个人信息保护法)
  'Privacy notice': '个人信息处理告知书',
  'Version of the notice: {{version}}': '告知书版本：{{version}}',
  'Agree to the privacy notice to continue': '请阅读并同意个人信息处理告知书后再提交',
  'I have read the privacy notice and agree to the processing of my personal information':
    '我已阅读并同意《个人信息处理告知书》，同意按上述方式处理我的个人信息',
};

/** Simplified Chinese of person records and their account links (issue 10): error codes and UI text. */
export const zhCNPeople: Record<string, string> = {
  "Linking or unlinking an account needs the account owner's consent: propose the link instead":
    '关联或解除账号须经账号本人同意：请改为提出关联请求',
  "This expert's reviews belong to the linked account; they are not moved to another account":
    '该专家的评审记录属于已关联的账号，不会转移到其他账号',
  'This person is already linked to an account': '该人员已关联账号',
  'This link has already been proposed and awaits an answer': '该关联请求已提出，正在等待对方答复',
  'This proposal has already been answered': '该关联请求已答复',
  'Proposal not found': '未找到该关联请求',
  'personLinks.title': '人员档案关联',
  'personLinks.explain':
    '平台管理员提议将人员库中的某条人员档案关联到您的账号。接受后，您的账号将以此人身份使用平台（如其所在单位的主任、其评审任务的专家）。请只接受确属本人的档案。',
  'personLinks.none': '暂无待您答复的关联请求',
  'personLinks.accept': '接受',
  'personLinks.decline': '拒绝',
  'personLinks.acceptConfirm': '确认将“{{name}}”的人员档案关联到您的账号？',
  'personLinks.accepted': '人员档案已关联到您的账号',
  'personLinks.declined': '已拒绝该关联请求，未做任何关联',
  'personLinks.proposedBy': '由 {{name}} 于 {{at}} 提议',
  'Search people': '搜索人员',
};

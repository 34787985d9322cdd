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
};

/** One Chinese word per meaning of an ambiguous English one (web/i18n/words.ts). */
export const zhCNWords: Record<string, string> = {
  'work.title': '标题',
  'person.title': '职称',
  'application.declined': '未立项',
  'answer.declined': '已谢绝',
  'check.summary': '综述',
  'target.met': '达到',
  'score.total': '总分',
  'committee.chair': '主任委员',
  'request.granted': '已批准',
  'check.decided': '已形成结论',
  'booking.state.approved': '已批准',
  'voucher.state.applied': '已申领',
  'voucher.state.issued': '已发放',
  'voucher.state.refused': '未通过',
};

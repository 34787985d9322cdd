/**
 * English words with more than one meaning in Chinese (issue 12 item 5): "Title" is 标题 of a work and
 * 职称 of a person; "Declined" is 未立项 for an application and 已谢绝 for an answer to an invitation;
 * "Decline" is an expert's 谢绝 of an invitation and a partner's 拒绝 of a part in an application.
 * Such a word is never a key itself: each meaning has its own namespaced key, whose English text is
 * here and whose Chinese is in zh-CN.words.ts. words.unit.test.ts fails on a bare use of the word.
 */
export const AMBIGUOUS_WORDS: Record<string, readonly string[]> = {
  Title: ['work.title', 'person.title'],
  Declined: ['application.declined', 'answer.declined'],
  Decline: ['invitation.decline', 'partnership.decline'],
};

export const enUSWords: Record<string, string> = {
  'work.title': 'Title',
  'person.title': 'Title',
  'application.declined': 'Declined',
  'answer.declined': 'Declined',
  // An expert declines an invitation to review or to check a project (谢绝, the polite word review systems
  // use); a partner declines a part in an application (拒绝).
  'invitation.decline': 'Decline',
  'partnership.decline': 'Decline',
  // A second meaning of a word whose first meaning keeps the bare key (catalog.unit.test.ts fails when one
  // key is given two texts): a check's 综述 beside an application's 项目概要, a target 达到 beside a
  // screening criterion 符合, a total score 总分 beside a sum 合计, a committee's 主任委员 beside a panel's 组长,
  // a request 已批准 beside a patent 已授权, a check 已形成结论 beside a call 已决定.
  'check.summary': 'Summary',
  'target.met': 'Met',
  'score.total': 'Total',
  'committee.chair': 'Chair',
  'request.granted': 'Granted',
  'check.decided': 'Decided',
  // A seat on a check's panel offered by the assignment engine: 已邀请 / 已接受 / 已过期 (已谢绝 is answer.declined).
  'seat.invited': 'Invited',
  'seat.accepted': 'Accepted',
  'seat.expired': 'Expired',
  // A state shown on a tag beside the audit log's event of the same name (预约已批准, 已申请创新券 …).
  'booking.state.approved': 'Approved',
  'voucher.state.applied': 'Applied for',
  'voucher.state.issued': 'Issued',
  'voucher.state.refused': 'Refused',
  // Self-registration (docs/adr/0045): 注册 beside a result's 登记, a person's 姓名 beside a record's 名称,
  // contact details 联系方式 beside a contact person 联系人, and the review's 通过 / 驳回 / 已通过.
  'registration.register': 'Register',
  'registration.name': 'Name',
  'registration.contact': 'Contact',
  'registration.approve': 'Approve',
  'registration.refuse': 'Refuse',
  'registration.approved': 'Approved',
};

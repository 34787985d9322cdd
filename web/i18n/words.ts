/**
 * English words with more than one meaning in Chinese (issue 12 item 5): "Title" is 标题 of a work and
 * 职称 of a person; "Declined" is 未立项 for an application and 已谢绝 for an answer to an invitation.
 * Such a word is never a key itself: each meaning has its own namespaced key, whose English text is
 * here and whose Chinese is in zh-CN.words.ts. words.unit.test.ts fails on a bare use of the word.
 */
export const AMBIGUOUS_WORDS: Record<string, readonly string[]> = {
  Title: ['work.title', 'person.title'],
  Declined: ['application.declined', 'answer.declined'],
};

export const enUSWords: Record<string, string> = {
  'work.title': 'Title',
  'person.title': 'Title',
  'application.declined': 'Declined',
  'answer.declined': 'Declined',
};

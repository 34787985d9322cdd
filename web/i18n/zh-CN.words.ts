/** One Chinese word per meaning of an ambiguous English one (web/i18n/words.ts). */
export const zhCNWords: Record<string, string> = {
  'work.title': '标题',
  'person.title': '职称',
  'application.declined': '未立项',
  'answer.declined': '已谢绝',
};

/** Printable documents (issue 12): the 申报书, the 专家抽取结果表 and the panel summary as PDFs. */
export const zhCNPrintables: Record<string, string> = {
  'Print application form (PDF)': '打印申报书（PDF）',
  'Expert selection record (PDF)': '专家抽取结果表（PDF）',
  'Print the panel summary (PDF)': '打印评审汇总表（PDF）',
};

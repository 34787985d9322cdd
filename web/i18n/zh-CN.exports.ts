/** Simplified Chinese of the list exports and their shared button (issue 12). */
export const zhCNExports: Record<string, string> = {
  Export: '导出',
};

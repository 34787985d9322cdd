/** Simplified Chinese of the expert database (issue 5): error codes and UI text. */
export const zhCNExperts: Record<string, string> = {};

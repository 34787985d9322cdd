/** Simplified Chinese of the funding decisions (issue 5): error codes and UI text. */
export const zhCNDecisions: Record<string, string> = {};

/** Simplified Chinese of the conflict rules (issue 5): error codes and UI text. */
export const zhCNConflicts: Record<string, string> = {};

/** Simplified Chinese of the scorecards and the panel (issue 5): error codes and UI text. */
export const zhCNScoring: Record<string, string> = {};

import { z } from 'zod';

const isZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** The query parameters every list export adds to its list's filters. */
export const exportOptions = {
  /** The language of the headers and of the words in cells (states, kinds). */
  lang: z.enum(['zh-CN', 'en-US']).default('zh-CN'),
  /** The reader's time zone (IANA); times are written as its wall clock and the header names it. */
  tz: z.string().max(64).refine(isZone, { message: 'Unknown time zone' }).default('Asia/Shanghai'),
};
export interface ExportOptions {
  lang: 'zh-CN' | 'en-US';
  tz: string;
}

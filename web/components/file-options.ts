import { viewerZone } from './time.js';

/**
 * The `lang` and `tz` a file made on the server is asked for (exports, the printable 申报书, 专家抽取结果表
 * and panel summary): the page's language and the viewer's zone, so the file reads as the page does.
 */
export const fileOptions = (locale: string): { lang: 'zh-CN' | 'en-US'; tz: string } => ({
  lang: locale === 'en-US' ? 'en-US' : 'zh-CN',
  tz: viewerZone(),
});

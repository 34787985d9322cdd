/**
 * Technology readiness levels 1–9 (技术就绪水平). English wording follows NASA/DoD and EU H2020 Annex G;
 * the Chinese wording follows the GB/T 22900 nine-level scale for development projects. Each label is
 * shown next to the level wherever a TRL is displayed, so a reader never has to guess what "6" means.
 */
export const TRL_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type TrlLevel = (typeof TRL_LEVELS)[number];

export const TRL_DEFINITIONS: Record<TrlLevel, { zh: string; en: string }> = {
  1: { zh: '发现基本原理', en: 'Basic principles observed and reported' },
  2: { zh: '形成技术概念/方案', en: 'Technology concept and/or application formulated' },
  3: { zh: '关键功能分析和实验结论成立', en: 'Experimental proof of concept of the critical function' },
  4: { zh: '研究室环境中关键功能验证', en: 'Component validated in a laboratory environment' },
  5: { zh: '相关环境中关键功能验证', en: 'Component validated in a relevant environment' },
  6: { zh: '相关环境中系统样机演示', en: 'System or prototype demonstrated in a relevant environment' },
  7: { zh: '实际环境中系统样机试验', en: 'System prototype demonstrated in an operational environment' },
  8: {
    zh: '实际系统完成并通过验证',
    en: 'Actual system completed and qualified through test and demonstration',
  },
  9: { zh: '实际系统通过任务运行考验', en: 'Actual system proven in operational use' },
};

/** The definition of a level in the given language ("zh-CN" or anything else for English). */
export function trlDefinition(level: number, locale: string): string | null {
  const d = TRL_DEFINITIONS[level as TrlLevel];
  if (!d) return null;
  return locale === 'zh-CN' ? d.zh : d.en;
}

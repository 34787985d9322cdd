/** Simplified Chinese of the portfolio page 项目组合 (issue 13). */
export const zhCNProjectPortfolio: Record<string, string> = {
  Portfolio: '项目组合',
  'Projects by state and health': '项目状态与健康分布',
  'Indicators met': '指标达成',
  'Budget burn': '预算执行率',
  'Next report': '下次报告',
};

/** The project page's 成果 tab: outputs linked, not copied (issue 13). */
export const zhCNProjectOutputs: Record<string, string> = {
  'Patent filing': '专利申请',
  'Link an output': '关联成果',
  'Link the output': '关联',
  Unlink: '解除关联',
  'Linked at': '关联时间',
  'Unlink this output from the project?': '确定解除该成果与本项目的关联？',
};

/** Evidence files of milestones and spending entries (issue 13; web/features/projects/detail/EvidenceFiles.tsx). */
export const zhCNProjectEvidence: Record<string, string> = {
  Evidence: '证明材料',
  'Attach evidence': '上传证明材料',
  'The file is attached': '文件已上传',
  'Evidence file attached': '已上传证明材料',
  'No such spending entry on this project': '本项目没有该支出记录',
  // Editing a lab-evaluation round before scoring starts (lab-evaluations.setup.ts).
  'Evaluation round criteria or chair changed': '已修改评估轮次的评价指标或主任委员',
  'Committee member taken off the evaluation': '已将委员移出本轮评估',
};

/**
 * Amendments (变更) of a frozen 任务书 and its versions (issue 13, docs/adr/0041;
 * web/features/projects/detail/Amendments*.tsx), and the files attached to project reports.
 */
export const zhCNProjectAmendments: Record<string, string> = {
  'Amendment proposed': '提出变更',
  'Amendment approved': '变更已批准',
  'Amendment refused': '变更未批准',
  'Amendment withdrawn': '变更已撤回',
  Amendments: '任务书变更',
  'Propose an amendment': '申请变更',
  'Refuse the amendment': '不批准变更',
  'Version {{n}}': '第 {{n}} 版',
  current: '现行',
  'End date': '结束日期',
  Objectives: '目标',
  'Objectives (one per line)': '目标（每行一项）',
  // The 任务书 tab's section of objectives (the signed and draft versions alike).
  'Research objectives and main content': '研究目标与主要内容',
  'No objectives stated': '未列明目标',
  'Deliverables (one per line)': '交付物（每行一项）',
  'Add a report': '添加报告',
  'Measured by': '计量依据',
  'Milestone title': '里程碑名称',
  Text: '内容',
  'No changes': '无变化',
  added: '新增',
  removed: '删除',
  // Files on reports (ReportsTab, the check report form).
  'The file is removed': '附件已删除',
  // Server messages (common/error-codes.projects.ts).
  'The project is concluded or terminated; its task agreement no longer changes':
    '项目已结题或终止，任务书不再变更',
  'Another amendment of this project awaits its decision': '该项目另有变更申请待审批',
  'Amendment not found': '变更申请不存在',
  'This amendment has already been decided or withdrawn': '该变更申请已审批或已撤回',
  'The amendment changes nothing in the current task agreement': '变更内容与现行任务书相同',
  'The end date must be after the start date': '结束日期须晚于开始日期',
  'A report must be due within the project period': '报告须在项目执行期内到期',
  'Each report of the schedule at most once': '同一报告在计划中只能出现一次',
  'The schedule needs a final report': '报告计划须包含结题报告',
  'A report already submitted stays in the schedule': '已提交的报告不能从计划中删除',
  'No such file on this report': '该报告没有此附件',
  'The report was submitted; its files are frozen': '报告已提交，附件已冻结',
  'Evidence of milestones and spending is kept; it is not removed': '里程碑和支出的证明材料须保留，不能删除',
};

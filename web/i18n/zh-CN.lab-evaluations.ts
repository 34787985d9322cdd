import type { LAB_EVALUATIONS_ERRORS } from '../../common/error-codes.lab-evaluations.js';

type Messages = Record<(typeof LAB_EVALUATIONS_ERRORS)[keyof typeof LAB_EVALUATIONS_ERRORS], string>;

/** The committee's evaluation of units (issue 13): problem messages and the pages' strings. */
const errors: Messages = {
  'Evaluation round not found': '未找到评估轮次',
  'This platform already has an evaluation round for this period': '该平台本期已有评估轮次',
  'The last year must not be before the first': '截止年份不得早于起始年份',
  'The chair must be a serving member of the committee': '主任委员须为在任评估委员',
  'The platform has no units to evaluate': '该平台没有可评估的单位',
  'The committee has no serving members': '评估委员会没有在任委员',
  'Not a serving member of the committee': '不是在任评估委员',
  'This unit is not evaluated in this round': '该单位不在本轮评估范围内',
  'A member never rates their own unit': '委员不得评价本人所在单位',
  'This member already rates this unit': '该委员已负责评价此单位',
  'Scorecard not found': '未找到评分表',
  'This scorecard is submitted and can no longer change': '评分表已提交，不能再修改',
  'The report is adopted; the round can no longer change': '评估报告已通过，本轮不能再修改',
  'Scoring has started; the criteria and members of the round can no longer change':
    '评分已开始，本轮的评价指标和成员不能再修改',
  'The chair cannot be taken off the round; choose another chair first': '不能移除主席，请先另选主席',
  'Only the chair of the round adopts the report': '只有本轮主任委员可以通过评估报告',
  'Every scorecard must be submitted before the report is adopted': '所有评分表提交后才能通过评估报告',
};

export const zhCNLabEvaluations: Record<string, string> = {
  ...errors,
  'Unit evaluations': '单位评估',
  'My scorecards': '我的评分',
  'Evaluation rounds': '评估轮次',
  'Evaluation results': '评估结果',
  'Evaluation results over the periods': '各期评估结果',
  'No adopted evaluation of this unit yet': '该单位尚无已通过的评估',
  Profile: '概况',
  Period: '评估期',
  'Total score': '总分',
  'Dispersion (SD)': '离散度（标准差）',
  Scorecards: '评分表数',
  Disclosures: '发明披露',
  'Patents granted': '专利授权',
  Scorecard: '评分表',
  'Submit scores': '提交评分',
  'A comment of at least five characters': '请填写至少五个字的评语',
  Comment: '评语',
  'To score': '待评分',
  'Score this unit': '评分',
  Adopted: '已通过',
  'Round open': '进行中',
  'Scorecards submitted': '已提交评分',
  'Adopt the report': '通过评估报告',
  'Report adopted': '评估报告已通过',
  'Scores submitted': '评分已提交',
  'Open an evaluation round': '发起评估',
  'Open the round': '发起',
  'Round opened': '评估已发起',
  'From fiscal year': '起始财年',
  'To fiscal year': '截止财年',
};

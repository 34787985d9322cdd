/** Simplified Chinese of the dual evaluation's scorecard and rubric (web/components/DualScorecard.tsx). */
export const zhCNRubric: Record<string, string> = {
  'Comment on {{criterion}}': '{{criterion}}评语',
  'rubric.technical_value.high': '推进了领域前沿，成果达到领先实验室水平',
  'rubric.technical_value.middle': '工作扎实，有渐进性进展，方法适合目标',
  'rubric.technical_value.low': '创新不足，或方法与结果存疑',
  'rubric.implementation.high': '全部考核指标和里程碑按期、在预算内完成',
  'rubric.implementation.middle': '大部分指标完成，延误或偏差有说明且可控',
  'rubric.implementation.low': '关键指标未完成或未按计划执行',
  'rubric.impact.high': '被广泛应用或引用，改变了领域实践',
  'rubric.impact.middle': '已被部分同行或合作方使用，影响可见但有限',
  'rubric.impact.low': '尚未在团队之外得到应用',
  'rubric.commercialisation.high': '已许可或正与企业洽谈，市场路径清晰',
  'rubric.commercialisation.middle': '成果已获保护且有企业意向，尚未签约',
  'rubric.commercialisation.low': '尚无受保护的成果或市场意向',
  'rubric.economic_benefit.high': '可计量的收入、节约或服务企业远超资助额',
  'rubric.economic_benefit.middle': '有一定可计量效益，与资助额相当',
  'rubric.economic_benefit.low': '尚无可计量的经济效益',
};

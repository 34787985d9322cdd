/** English of the dual evaluation's rubric (web/components/dualScorecard.rubric.ts): what each score band means. */
export const enUSRubric: Record<string, string> = {
  'rubric.technical_value.high':
    'Advances the state of the art; results on a par with the leading laboratories',
  'rubric.technical_value.middle': 'Sound work with incremental advances; methods fit for the aim',
  'rubric.technical_value.low': 'Little that is new, or methods and results in doubt',
  'rubric.implementation.high': 'All indicators and milestones met on time and within budget',
  'rubric.implementation.middle': 'Most indicators met; delays or deviations explained and under control',
  'rubric.implementation.low': 'Key indicators missed or the plan not followed',
  'rubric.impact.high': 'Widely used or cited; changes practice in the field',
  'rubric.impact.middle': 'Used by some peers or partners; impact visible but limited',
  'rubric.impact.low': 'No use or uptake beyond the team yet',
  'rubric.commercialisation.high': 'Licensed or in negotiation with enterprises; clear route to market',
  'rubric.commercialisation.middle': 'Protected results with interested enterprises, no agreement yet',
  'rubric.commercialisation.low': 'No protected results or market interest so far',
  'rubric.economic_benefit.high': 'Measurable income, savings or enterprises served well beyond the funding',
  'rubric.economic_benefit.middle': 'Some measured benefit, of the order of the funding',
  'rubric.economic_benefit.low': 'No measurable economic benefit yet',
};

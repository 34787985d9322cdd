import { describe, expect, it } from 'vitest';
import { journeyOf, STEP_KEYS, stepOfProblem, stepStatuses } from './progress.js';

describe('wizard step marks', () => {
  it('gives each submission problem to the step whose data it is about', () => {
    expect(stepOfProblem('/content/titleZh', 'applications.required')).toBe('summary');
    expect(stepOfProblem('/content/fieldId', 'applications.field_not_in_call')).toBe('summary');
    expect(stepOfProblem('/content/objectives/0/indicators', 'applications.required')).toBe('objectives');
    expect(stepOfProblem('/content/workPlan', 'applications.required')).toBe('work-plan');
    expect(stepOfProblem('/consortium/1/contactPersonId', 'applications.required')).toBe('consortium');
    expect(stepOfProblem('/consortium/0/requestedMinor', 'applications.budget_mismatch')).toBe('budget');
    expect(stepOfProblem('/consortium/1', 'applications.confirmation_missing')).toBe('confirmations');
    expect(stepOfProblem('/attachments/plan', 'applications.attachment_missing')).toBe('attachments');
  });

  it('ticks a step only when nothing is missing in it, whether visited or not', () => {
    const problems = [
      { pointer: '/content/workPlan', code: 'applications.required' },
      { pointer: '/attachments/plan', code: 'applications.attachment_missing' },
    ];
    const marks = Object.fromEntries(stepStatuses(1, problems).map((s, i) => [STEP_KEYS[i], s]));
    expect(marks).toEqual({
      summary: 'finish',
      objectives: 'process',
      'work-plan': 'wait',
      consortium: 'finish',
      budget: 'finish',
      attachments: 'wait',
      confirmations: 'finish',
      check: 'wait',
    });
  });

  it('ticks nothing before the check has answered, and never the last step', () => {
    expect(stepStatuses(3, undefined)).toEqual([
      'wait',
      'wait',
      'wait',
      'process',
      'wait',
      'wait',
      'wait',
      'wait',
    ]);
    expect(stepStatuses(0, []).at(-1)).toBe('wait');
  });
});

describe("the applicant's journey", () => {
  it('places each state on submission → screening → review → decision', () => {
    expect(journeyOf('draft', [])).toBeNull();
    expect(journeyOf('submitted', [])).toEqual({ current: 1, status: 'wait' });
    expect(journeyOf('returned', [])).toEqual({ current: 1, status: 'error' });
    expect(journeyOf('in_review', [])).toEqual({ current: 2, status: 'process' });
    expect(journeyOf('approved', [])).toEqual({ current: 3, status: 'finish' });
    expect(journeyOf('declined', [])).toEqual({ current: 3, status: 'error' });
  });

  it('stops a withdrawn application at the stage it was withdrawn from', () => {
    const transitions = [
      { fromState: 'draft', toState: 'submitted' },
      { fromState: 'submitted', toState: 'screening' },
      { fromState: 'screening', toState: 'in_review' },
      { fromState: 'in_review', toState: 'withdrawn' },
    ];
    expect(journeyOf('withdrawn', transitions)).toEqual({ current: 2, status: 'error' });
  });
});

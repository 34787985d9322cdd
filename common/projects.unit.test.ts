import { describe, expect, it } from 'vitest';
import { legalProjectActions, nextProjectState, PROJECT_STATES } from './projects.js';

describe('project state machine', () => {
  it('leads 立项 through 任务书, execution and acceptance to 绩效评价', () => {
    expect(nextProjectState('approved', 'start_contracting')).toBe('contracting');
    expect(nextProjectState('contracting', 'start')).toBe('in_progress');
    expect(nextProjectState('in_progress', 'open_interim')).toBe('interim_check');
    expect(nextProjectState('interim_check', 'close_interim')).toBe('in_progress');
    expect(nextProjectState('in_progress', 'open_final')).toBe('final_acceptance');
    expect(nextProjectState('final_acceptance', 'request_rectification')).toBe('rectification');
    expect(nextProjectState('rectification', 'resubmit')).toBe('final_acceptance');
    expect(nextProjectState('rectification', 'close')).toBe('closed');
    expect(nextProjectState('closed', 'evaluate')).toBe('evaluated');
  });

  it('refuses moves from the wrong state', () => {
    expect(nextProjectState('approved', 'open_final')).toBeNull();
    expect(nextProjectState('interim_check', 'open_final')).toBeNull();
    expect(nextProjectState('in_progress', 'close')).toBeNull();
    expect(nextProjectState('suspended', 'open_interim')).toBeNull();
    expect(nextProjectState('closed', 'terminate')).toBeNull();
  });

  it('ends in terminated and evaluated: nothing is legal from there', () => {
    expect(legalProjectActions('terminated')).toEqual([]);
    expect(legalProjectActions('evaluated')).toEqual([]);
  });

  it('can stop every running project, and only running ones', () => {
    const stoppable = PROJECT_STATES.filter((s) => nextProjectState(s, 'terminate'));
    expect(stoppable).toEqual([
      'approved',
      'contracting',
      'in_progress',
      'interim_check',
      'final_acceptance',
      'rectification',
      'suspended',
    ]);
    expect(PROJECT_STATES.filter((s) => nextProjectState(s, 'suspend'))).toEqual([
      'in_progress',
      'interim_check',
    ]);
  });
});

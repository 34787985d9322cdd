/**
 * Read access to calls for other modules (applications, review): the parsed record and its effective
 * state by the server clock. Other modules read calls through here, never through the table.
 */
import { type CallEffectiveState, effectiveState } from '../../../common/calls.js';
import type { CallRecord } from './calls.repository.js';

export { type CallRecord, callsByIds, callsOfPlatforms, loadCall } from './calls.repository.js';

/**
 * draft | upcoming | open | closed | reviewing | decided | archived at `now` (the server clock:
 * `ctx.clock.now()`). Only an `open` call accepts submissions.
 */
export function effectiveCallState(
  call: Pick<CallRecord, 'state' | 'opensAt' | 'closesAt'>,
  now: Date,
): CallEffectiveState {
  return effectiveState(call, now);
}

/** True while the call accepts submissions at `now`. */
export const acceptsSubmissions = (call: Pick<CallRecord, 'state' | 'opensAt' | 'closesAt'>, now: Date) =>
  effectiveState(call, now) === 'open';

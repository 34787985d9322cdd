import { z } from 'zod';
import { CHECK_KINDS, CHECK_SEAT_STATES } from '../../../../common/project-checks.js';
import { ASSIGNMENT_MODES } from '../../../../common/review.js';

/** Assignment runs of the review engine over project checks (docs/projects.md "Assignment runs for checks"). */
export const checkRunBody = z.strictObject({
  /** One check, or several open checks of one platform (e.g. every interim check of a call's projects). */
  checkIds: z.array(z.uuid()).min(1).max(200),
  mode: z.enum(ASSIGNMENT_MODES),
  /** Seats per check (live seats count). */
  panelSize: z.int().min(1).max(15),
  /** For random and hybrid: the same seed and inputs give the same panels. */
  seed: z.int().min(0).max(2_147_483_647).optional(),
  /** The conflict rule set (a preset or one of the platform's); the default preset when absent. */
  ruleSetId: z.uuid().optional(),
});
export type CheckRunInput = z.infer<typeof checkRunBody>;

export const refillBody = z.strictObject({
  seed: z.int().min(0).max(2_147_483_647).optional(),
});

export const checkAnswerBody = z.strictObject({
  answer: z.enum(['accept', 'decline']),
  reason: z.string().trim().max(500).optional(),
});
export type CheckAnswerInput = z.infer<typeof checkAnswerBody>;

export const checkRunParams = z.strictObject({ runId: z.uuid() });

export const checkRunView = z.object({
  id: z.string(),
  platformId: z.string(),
  mode: z.enum(ASSIGNMENT_MODES),
  purpose: z.enum(['initial', 'refill']),
  panelSize: z.int(),
  ruleSetId: z.string(),
  seed: z.string().nullable(),
  solver: z.string(),
  inputHash: z.string(),
  objective: z.number().nullable(),
  createdAt: z.string(),
  /** Each check with the experts this run seated and each seat's state now. */
  checks: z.array(
    z.object({
      checkId: z.string(),
      projectCode: z.string(),
      projectTitleZh: z.string(),
      projectTitleEn: z.string().nullable(),
      seats: z.array(
        z.object({
          expertId: z.string(),
          name: z.string(),
          state: z.enum(CHECK_SEAT_STATES),
          respondBy: z.string().nullable(),
        }),
      ),
      /** Experts the rule set kept off this check. */
      conflicts: z.int(),
    }),
  ),
});
export type CheckRunView = z.infer<typeof checkRunView>;

export const checkRunReplay = z.object({
  identical: z.boolean(),
  inputHash: z.string(),
  storedHash: z.string(),
  objective: z.number().nullable(),
  storedObjective: z.number().nullable(),
  pairs: z.int(),
});

export const checkAnswerView = z.object({
  checkId: z.string(),
  expertId: z.string(),
  state: z.enum(CHECK_SEAT_STATES),
});

/** The signed-in expert's open invitations to check panels: what an invited expert may see. */
export const myCheckInvitations = z.object({
  items: z.array(
    z.object({
      checkId: z.string(),
      projectCode: z.string(),
      projectTitleZh: z.string(),
      projectTitleEn: z.string().nullable(),
      kind: z.enum(CHECK_KINDS),
      dueOn: z.string(),
      respondBy: z.string().nullable(),
    }),
  ),
});
export type MyCheckInvitations = z.infer<typeof myCheckInvitations>;

import { z } from 'zod';

import { EXPERT_CATEGORIES } from '../../../../../common/review.js';

export { EXPERT_CATEGORIES, type ExpertCategory } from '../../../../../common/review.js';

const id = z.string().min(1).max(200);
const count = z.number().int().min(0).max(1_000_000);
const pair = z.tuple([id, id]);

/** The interchange instance of issue 5: candidates are exactly the listed affinity pairs. */
export const assignmentInstance = z.strictObject({
  k: z.number().int().min(1).max(1000),
  composition: z
    .strictObject({ academic: count.optional(), industry: count.optional(), lab: count.optional() })
    .optional(),
  experts: z.array(
    z.strictObject({ id, category: z.enum(EXPERT_CATEGORIES), minLoad: count, maxLoad: count }),
  ),
  applications: z.array(z.strictObject({ id, k: z.number().int().min(1).max(1000).optional() })),
  affinity: z.array(z.tuple([id, id, z.number()])),
  conflicts: z.array(pair).optional(),
  /** Pairs an officer fixed by hand: they are in every result. */
  pins: z.array(pair).optional(),
  /** Pairs an officer excluded by hand, like conflicts. */
  forbid: z.array(pair).optional(),
  /** Hybrid mode: how many top candidates by affinity each application draws from (default 2k). */
  top: z.number().int().min(1).max(100_000).optional(),
});
export type AssignmentInstance = z.infer<typeof assignmentInstance>;

/** One offending value: a JSON Pointer (RFC 6901) into the instance and what is wrong there. */
export interface InstanceFieldError {
  pointer: string;
  code: string;
  message: string;
}

/** A constraint that no assignment can satisfy, naming the applications (and experts) concerned. */
export interface Violation {
  constraint: 'k' | 'composition' | 'minLoad' | 'maxLoad' | 'seats' | 'pins';
  applications: string[];
  experts: string[];
  message: string;
}

/** problem+json body (RFC 9457) for an instance that is malformed or cannot be satisfied. */
export type AssignmentProblem =
  | {
      type: 'urn:commonlab:problem:assignment.invalid_instance';
      code: 'assignment.invalid_instance';
      title: string;
      status: 400;
      detail: string;
      errors: InstanceFieldError[];
    }
  | {
      type: 'urn:commonlab:problem:assignment.infeasible';
      code: 'assignment.infeasible';
      title: string;
      status: 422;
      detail: string;
      violations: Violation[];
      /** How many more violations there were beyond the first 100. */
      omittedViolations?: number;
    };

/** Thrown by the engine; `problem` is what the CLI prints and a route would send. */
export class AssignmentError extends Error {
  constructor(readonly problem: AssignmentProblem) {
    super(problem.detail);
  }
}

/** An invalid-instance problem from field errors. */
export function invalidInstance(errors: InstanceFieldError[]): AssignmentError {
  return new AssignmentError({
    type: 'urn:commonlab:problem:assignment.invalid_instance',
    code: 'assignment.invalid_instance',
    title: 'The assignment instance is invalid',
    status: 400,
    detail: errors
      .slice(0, 3)
      .map((e) => `${e.pointer || '/'}: ${e.message}`)
      .join('; '),
    errors,
  });
}

/** Violations listed in full up to this many; the rest are counted (a body stays readable and small). */
const MAX_VIOLATIONS = 100;

/** An infeasibility problem from the violated constraints. */
export function infeasible(all: Violation[]): AssignmentError {
  const violations = all.slice(0, MAX_VIOLATIONS);
  return new AssignmentError({
    type: 'urn:commonlab:problem:assignment.infeasible',
    code: 'assignment.infeasible',
    title: 'The assignment constraints cannot be satisfied',
    status: 422,
    detail: violations
      .slice(0, 3)
      .map((v) => v.message)
      .join('; '),
    violations,
    ...(all.length > violations.length ? { omittedViolations: all.length - violations.length } : {}),
  });
}

const escapePointer = (key: PropertyKey) => String(key).replaceAll('~', '~0').replaceAll('/', '~1');

/** Validates the shape of an instance (zod), mapping issues to JSON Pointers. */
export function parseInstanceShape(raw: unknown): AssignmentInstance {
  const r = assignmentInstance.safeParse(raw);
  if (r.success) return r.data;
  throw invalidInstance(
    r.error.issues.flatMap((issue) => {
      const at = `/${issue.path.map(escapePointer).join('/')}`.replace(/^\/$/, '');
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      if (!keys.length) return [{ pointer: at, code: issue.code, message: issue.message }];
      return keys.map((k) => ({
        pointer: `${at}/${escapePointer(k)}`,
        code: issue.code,
        message: issue.message,
      }));
    }),
  );
}

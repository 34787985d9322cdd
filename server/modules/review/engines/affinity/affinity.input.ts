import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { ErrorCode } from '../../../../../common/error-codes.js';
import { ERROR_MESSAGES } from '../../../../../common/error-codes.js';
import type { FieldError } from '../../../../../common/problem.js';
import type { AffinityExpert, AffinityItem } from './affinity.types.js';

// Exported data often has numeric ids and null or missing texts (a paper without an abstract); accept
// those and echo ids back as given, but reject values of the wrong kind.
const id = z.union([z.string().trim().min(1).max(200), z.number().int()]);
const text = z
  .string()
  .max(200_000)
  .nullish()
  .transform((v) => v ?? '');

/** `experts.json`: `[{id, expertise, outputs: [{title, abstract}], fields?}]`; other keys are ignored. */
export const expertsFileSchema = z.array(
  z.object({
    id,
    expertise: text,
    outputs: z.array(z.object({ title: text, abstract: text })).default([]),
    fields: z.array(z.string().max(200)).optional(),
  }),
);

/** `items.json`: `[{id, title, summary, field?}]`; other keys are ignored. */
export const itemsFileSchema = z.array(
  z.object({ id, title: text, summary: text, field: z.string().max(200).nullish() }),
);

/** An input row with the id as the file gave it (string or number), for the output lines. */
export type WithRawId<T> = T & { rawId: string | number };

/** An RFC 9457 problem for the command line (no request, so no instance or request id). */
export interface CliProblem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  errors?: FieldError[];
}

/** Thrown with the problem to print when an input file cannot be used. */
export class InputProblem extends Error {
  constructor(readonly problem: CliProblem) {
    super(problem.detail ?? problem.title);
  }
}

function problem(code: ErrorCode, extra: { detail?: string; errors?: FieldError[] }): InputProblem {
  return new InputProblem({
    type: `urn:commonlab:problem:${code}`,
    title: ERROR_MESSAGES[code],
    status: 400,
    code,
    ...extra,
  });
}

const pointerOf = (path: readonly PropertyKey[]) =>
  path.map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

/** Reads, parses and validates one input file; `which` names it in the problem (`experts`/`items`). */
async function readInput<T extends { id: string | number }>(
  file: string,
  which: 'experts' | 'items',
  schema: z.ZodType<T[], unknown>,
): Promise<WithRawId<Omit<T, 'id'> & { id: string }>[]> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    throw problem('request.invalid', {
      detail: `cannot read ${which} file ${file}: ${(err as Error).message}`,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw problem('request.malformed_json', { detail: `${which} file ${file}: ${(err as Error).message}` });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({
      in: which,
      pointer: pointerOf(i.path),
      code: i.code,
      message: i.message,
    }));
    throw problem('request.validation_failed', { detail: `${which} file ${file} is invalid`, errors });
  }
  // A repeated id would make the output ambiguous (two lines for one pair name).
  const seen = new Map<string, number>();
  const errors: FieldError[] = [];
  parsed.data.forEach((row, i) => {
    const key = String(row.id);
    if (seen.has(key)) {
      errors.push({
        in: which,
        pointer: `/${i}/id`,
        code: 'duplicate_id',
        message: `id "${key}" repeats /${seen.get(key)}/id`,
      });
    } else seen.set(key, i);
  });
  if (errors.length)
    throw problem('request.validation_failed', { detail: `${which} file ${file} is invalid`, errors });
  return parsed.data.map((row) => ({ ...row, id: String(row.id), rawId: row.id }));
}

/** Reads both input files of `commonlab affinity`; throws an InputProblem naming the bad values. */
export async function readAffinityInputs(
  expertsFile: string,
  itemsFile: string,
): Promise<{ experts: WithRawId<AffinityExpert>[]; items: WithRawId<AffinityItem>[] }> {
  const experts = await readInput(expertsFile, 'experts', expertsFileSchema);
  const items = await readInput(itemsFile, 'items', itemsFileSchema);
  return { experts, items };
}

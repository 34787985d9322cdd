import { z } from 'zod';
import { OUTPUT_TYPES } from '../../../common/project-outputs.js';

/** Outputs linked to a project (issue 13): body of a link, and the project's outputs with counts. */
export const outputLinkBody = z.strictObject({
  type: z.enum(OUTPUT_TYPES),
  /** The id of the result, disclosure, filing, licence or service request. */
  outputId: z.uuid(),
});
export type OutputLinkInput = z.infer<typeof outputLinkBody>;

export const outputLinkParams = z.object({ id: z.uuid(), linkId: z.uuid() });

export const outputLinkView = z.object({
  id: z.uuid(),
  type: z.enum(OUTPUT_TYPES),
  outputId: z.string(),
  /** The output as its owner names it (result title, disclosure or licence number and title, …). */
  title: z.string(),
  linkedAt: z.string(),
});
export type OutputLinkView = z.infer<typeof outputLinkView>;

const counts = z.object(
  Object.fromEntries(OUTPUT_TYPES.map((t) => [t, z.int()])) as Record<
    (typeof OUTPUT_TYPES)[number],
    z.ZodInt
  >,
);

export const projectOutputs = z.object({
  items: z.array(outputLinkView),
  counts,
  /** Each 任务书 indicator measured from the links (count indicators with measuredBy), else null. */
  indicators: z.array(
    z.object({
      index: z.int(),
      name: z.string(),
      type: z.string(),
      measuredBy: z.enum(OUTPUT_TYPES).nullable(),
      measured: z.int().nullable(),
    }),
  ),
  /** Whether the caller may link and unlink outputs on the project's side. */
  access: z.object({ link: z.boolean() }),
});
export type ProjectOutputs = z.infer<typeof projectOutputs>;

/** The records a project may link, found on the server: the owners whose lists offer no such search. */
export const outputChoicesQuery = z.strictObject({
  type: z.enum(['licence', 'service_request']),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type OutputChoicesQuery = z.infer<typeof outputChoicesQuery>;

export const outputChoices = z.object({
  items: z.array(z.object({ id: z.string(), titleZh: z.string(), titleEn: z.string() })),
  total: z.int(),
});
export type OutputChoices = z.infer<typeof outputChoices>;

import { z } from 'zod';

// The open-data answers around the records (open-data.records.schema.ts): queries, pages, changes.

export const licenceView = z
  .object({ id: z.string(), url: z.string().nullable(), attribution: z.string() })
  .describe('The licence of every record in the answer');

export const pageQuery = z.strictObject({
  cursor: z.string().max(500).optional().describe('nextCursor of the previous page; absent for the first'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(100)
    .describe('Records per page (the total has no cap)'),
});

export const changesQuery = z.strictObject({
  since: z
    .string()
    .max(500)
    .optional()
    .describe('pollCursor or nextCursor of an earlier answer; absent = from the beginning'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('null on the last page'),
    licence: licenceView,
  });

export const changeItem = z.object({
  dataset: z.string(),
  id: z.string(),
  change: z.enum(['created', 'updated', 'withdrawn']),
  changedAt: z.string(),
  record: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe('The record as the dataset shows it now; null when withdrawn'),
});

export const changesPage = z
  .object({
    items: z.array(changeItem),
    nextCursor: z.string().nullable().describe('More changes are waiting: ask again with since=nextCursor'),
    pollCursor: z.string().describe('Where to resume later, when nextCursor is null'),
    licence: licenceView,
  })
  .meta({
    examples: [
      {
        items: [
          {
            dataset: 'results',
            id: '01937a8e-0000-7000-8000-0000000000d1',
            change: 'withdrawn',
            changedAt: '2026-06-01T08:00:00.000Z',
            record: null,
          },
        ],
        nextCursor: null,
        pollCursor: 'eyJzIjo0Mn0',
        licence: {
          id: 'CC-BY-4.0',
          url: 'https://creativecommons.org/licenses/by/4.0/',
          attribution: 'Commonlab open data',
        },
      },
    ],
  });

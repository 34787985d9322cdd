import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { download, sendFile } from '../../files/download.js';
import { documentUpload, MAX_UPLOAD_BYTES, readUpload } from '../../files/upload.js';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problem, problemResponses } from '../../http/openapi.js';
import type { Lang } from './columns.js';
import { exportFile, type FileFormat, type FileOut, templateFile } from './exports.service.js';
import {
  exportCommitteeQuery,
  exportExpertsQuery,
  exportOrgsQuery,
  exportPeopleQuery,
  exportSpendingQuery,
  IMPORT_KINDS,
  type ImportKindName,
  importPreview,
  importProblemExtra,
  importResult,
  platformQuery,
  projectQuery,
  spendingTemplateQuery,
  templateQuery,
} from './imports.schema.js';
import { importFile, previewImport } from './imports.service.js';
import type { ImportScope } from './kind.js';

const WHO_IMPORTS: Record<ImportKindName, string> = {
  organisations: 'system admins, platform admins and program officers',
  people: 'system admins, platform admins and lab directors',
  committee: "system admins and the platform's admins",
  experts: 'system admins, platform admins and program officers',
  spending:
    "those who book the project's spending: its lead organisation's side, platform admins and program officers",
};
const WHO_EXPORTS: Record<ImportKindName, string> = {
  organisations: 'signed-in users; contact columns only for registry keepers',
  people: 'system admins, platform admins, supervisors and lab directors; withheld contacts stay empty',
  committee: 'anyone with a role on the platform',
  experts: 'system admins, platform admins and program officers; withheld e-mails stay empty',
  spending: 'whoever reads the project',
};
const EXPORT_QUERY = {
  organisations: exportOrgsQuery,
  people: exportPeopleQuery,
  committee: exportCommitteeQuery,
  experts: exportExpertsQuery,
  spending: exportSpendingQuery,
};
/** The query naming what a file belongs to, for the kinds that belong to something. */
const SCOPE_QUERY = { committee: platformQuery, spending: projectQuery } as const;
const MEDIA: Record<FileFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const UPLOAD =
  `Send the file as multipart/form-data, one part named "file" (at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB): ` +
  'XLSX, or CSV in UTF-8 with or without BOM, recognised by content. Headers in Chinese or English (see the template). ';

const send = (reply: FastifyReply, f: FileOut) =>
  sendFile(reply, { mediaType: f.contentType, fileName: f.filename, body: f.body });

export async function importsRoutes(root: FastifyInstance) {
  // Multipart is parsed only on these routes, with the upload limit.
  await root.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['import-export'];
  const fileProblems = {
    ...problemResponses,
    400: problem.extend(importProblemExtra),
    413: problem,
    415: problem,
  };

  for (const name of IMPORT_KINDS) {
    const scopeQuery = name === 'committee' || name === 'spending' ? SCOPE_QUERY[name] : undefined;
    const query = scopeQuery ? { querystring: scopeQuery } : {};
    const scopeOf = (q: unknown) => (q ?? {}) as ImportScope;

    app.post(
      `/api/imports/${name}/preview`,
      {
        config: documentUpload,
        schema: {
          tags,
          summary: `Check a ${name} file without writing anything (${WHO_IMPORTS[name]})`,
          description: `${UPLOAD}Every row is checked as the import would, then rolled back.`,
          ...query,
          response: { 200: importPreview, ...fileProblems },
        },
      },
      async (request) => {
        const file = await readUpload(request);
        return previewImport(ctxOf(request), name, file, scopeOf(request.query));
      },
    );

    app.post(
      `/api/imports/${name}`,
      {
        config: documentUpload,
        schema: {
          tags,
          summary: `Import a ${name} file, all rows or none (${WHO_IMPORTS[name]})`,
          description: `${UPLOAD}Any row error: 400 imports.invalid_rows with every error in rowErrors, and nothing written.`,
          ...query,
          response: { 201: importResult, ...fileProblems },
        },
      },
      async (request, reply) => {
        const file = await readUpload(request);
        return reply.code(201).send(await importFile(ctxOf(request), name, file, scopeOf(request.query)));
      },
    );

    for (const format of ['csv', 'xlsx'] as const) {
      app.get(
        `/api/imports/${name}/template.${format}`,
        {
          schema: {
            tags,
            summary: `Empty ${name} import template as ${format.toUpperCase()} (signed-in users)`,
            querystring: name === 'spending' ? spendingTemplateQuery : templateQuery,
            response: { 200: download(MEDIA[format], 'The template'), ...problemResponses },
          },
        },
        async (request, reply) => {
          const q = request.query as { lang: Lang } & ImportScope;
          return send(reply, await templateFile(ctxOf(request), name, format, q.lang, scopeOf(q)));
        },
      );

      app.get(
        `/api/exports/${name}.${format}`,
        {
          schema: {
            tags,
            summary: `Export ${name} as ${format.toUpperCase()} (${WHO_EXPORTS[name]})`,
            description:
              'Same columns as the import template, so the file imports again. CSV carries a UTF-8 BOM for Excel.',
            querystring: EXPORT_QUERY[name],
            response: { 200: download(MEDIA[format], 'The export'), ...problemResponses },
          },
        },
        async (request, reply) => {
          return send(reply, await exportFile(ctxOf(request), name, format, request.query));
        },
      );
    }
  }
}

import { surveyDueOn } from '../../../common/services.js';
import { write } from '../../db/write.js';
import { attachmentsDir, readStoredFile, sha256Of, storeFile } from '../../files/stored-files.js';
import { type AttachmentRule, checkAttachment, type UploadedFile } from '../../files/upload.js';
import { type Ctx, isoNow } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { overseesPlatform } from './services.policy.js';
import { accessibleRequest, applyStep, checkStep, requestViews } from './services.requests.js';
import type { RequestView, SurveyInput } from './services.schema.js';
import { insertSurvey, surveyTotalsByUnit } from './services.surveys.repository.js';

/** The largest report accepted (the size of a call's largest attachment by default). */
export const REPORT_MAX_BYTES = 20 * 1024 * 1024;
/**
 * Reports are documents: PDF, Word or Excel. (The list once also named 'png' and 'jpeg', which are not
 * attachment types, so pictures were refused; they still are: a picture would be a change of behaviour.)
 */
const REPORT: AttachmentRule = { maxBytes: REPORT_MAX_BYTES, types: ['pdf', 'docx', 'xlsx'] };

/** Checks access and the step before the upload is read, so nobody streams a file to a refusal. */
export async function checkDelivery(ctx: Ctx, id: string): Promise<void> {
  const { r, sides } = await accessibleRequest(ctx.db, ctx, id, false);
  checkStep(r, sides, 'deliver');
}

/**
 * The unit delivers: the report is checked like an application's attachment (type from the bytes, a
 * name that claims the same type, size), stored by its sha256, and the request moves to delivered.
 */
export async function deliverReport(ctx: Ctx, id: string, file: UploadedFile): Promise<RequestView> {
  const row = await write(ctx, async (trx, audit) => {
    const { r, res, sides } = await accessibleRequest(trx, ctx, id, true);
    checkStep(r, sides, 'deliver');
    const sniffed = checkAttachment(file, REPORT);
    const sha256 = sha256Of(file.bytes);
    storeFile(attachmentsDir(ctx), sha256, file.bytes);
    return applyStep(
      trx,
      audit,
      ctx,
      r,
      res,
      'deliver',
      {
        reportFileName: file.fileName,
        reportMediaType: sniffed.mediaType,
        reportSizeBytes: file.bytes.length,
        reportSha256: sha256,
        deliveredAt: isoNow(ctx.clock),
      },
      null,
    );
  });
  return (await requestViews(ctx.db, ctx, [row], true))[0]!;
}

/** The delivered report, for anyone who may read the request (its enterprise, its unit, the platform). */
export async function reportFile(ctx: Ctx, id: string) {
  const { r } = await accessibleRequest(ctx.db, ctx, id, false);
  if (!r.reportSha256 || !r.reportFileName || !r.reportMediaType) throw notFound('services.report_missing');
  return {
    body: readStoredFile(ctx, r.reportSha256),
    mediaType: r.reportMediaType,
    fileName: r.reportFileName,
  };
}

/**
 * The enterprise answers the impact survey once, from a year after delivery (computed on read: the
 * request's view says when it is due; no timer is needed since the answer is the enterprise's).
 */
export async function answerSurvey(ctx: Ctx, id: string, input: SurveyInput): Promise<RequestView> {
  const row = await write(ctx, async (trx, audit) => {
    const { r, sides } = await accessibleRequest(trx, ctx, id, true);
    if (!sides.includes('enterprise')) throw forbidden();
    const day = isoNow(ctx.clock).slice(0, 10);
    if (!r.deliveredAt || surveyDueOn(r.deliveredAt) > day)
      throw new AppError(409, 'services.survey_not_due');
    await insertSurvey(trx, {
      requestId: r.id,
      salesMinor: input.salesMinor,
      savingsMinor: input.savingsMinor,
      investmentMinor: input.investmentMinor,
      jobs: input.jobs,
      currency: r.currency,
      comment: input.comment ?? null,
      answeredAt: isoNow(ctx.clock),
    }).catch((err) => {
      if (ctx.seam.isUniqueViolation(err)) throw new AppError(409, 'services.survey_answered');
      throw err;
    });
    await audit({
      action: 'service_request.survey_answered',
      entityType: 'service_request',
      entityId: r.id,
      platformId: r.platformId,
      after: { ...input },
    });
    return r;
  });
  return (await requestViews(ctx.db, ctx, [row], true))[0]!;
}

/** Survey answers and ratings per unit of a platform (its admins and supervisor). */
export async function surveyOutcomes(ctx: Ctx, platformId: string) {
  await platformOrNotFound(ctx.db, platformId);
  if (!overseesPlatform(ctx.actor, platformId)) {
    if (ctx.actor?.roles.some((r) => r.platformId === platformId)) throw forbidden();
    throw notFound('platforms.not_found');
  }
  const { answers, ratings } = await surveyTotalsByUnit(ctx.db, platformId);
  const unitIds = new Set([...answers.map((a) => a.unit_id), ...ratings.keys()]);
  return {
    units: [...unitIds].sort().map((unitId) => {
      const a = answers.find((x) => x.unit_id === unitId);
      return {
        unitId,
        answers: Number(a?.answers ?? 0),
        salesMinor: Number(a?.sales ?? 0),
        savingsMinor: Number(a?.savings ?? 0),
        investmentMinor: Number(a?.investment ?? 0),
        jobs: Number(a?.jobs ?? 0),
        averageRating: ratings.get(unitId) ?? null,
      };
    }),
  };
}

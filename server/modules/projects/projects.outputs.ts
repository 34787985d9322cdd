import type { Kysely } from 'kysely';
import { countByType, measuredIndicators, type OutputType } from '../../../common/project-outputs.js';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../http/errors.js';
import { agreementFound, agreementLabels, licenceChoices } from '../agreements/agreements.service.js';
import { can as ttCan } from '../ip/ip.policy.js';
import { ipRecordExistsOn, ipRecordNames } from '../ip/ip.service.js';
import { can as resultsCan } from '../results/results.policy.js';
import { resultFound, resultSummaries } from '../results/results.service.js';
import { linkableRequests } from '../services/services.queue.js';
import { accessibleRequest } from '../services/services.requests.js';
import { requestLabels } from '../services/services.service.js';
import { isLeadSigner } from './projects.agreement.js';
import { findAgreement } from './projects.agreement.repository.js';
import { agreementContent } from './projects.agreement.schema.js';
import {
  deleteOutputLink,
  findOutputLink,
  insertOutputLink,
  type OutputLink,
  outputLinked,
  outputLinksOf,
} from './projects.outputs.repository.js';
import type {
  OutputChoices,
  OutputChoicesQuery,
  OutputLinkInput,
  OutputLinkView,
  ProjectOutputs,
} from './projects.outputs.schema.js';
import { can } from './projects.policy.js';
import { findProject, type ProjectRecord } from './projects.repository.js';
import { projectResource, readableProject } from './projects.service.js';

// Outputs linked, not copied (issue 13): the records other modules keep link to the project that produced
// them. Each owner is read through its service (ADR 0015); the link row holds only the type and the id.

/** The project's side of a link: who manages the project, or the lead organisation's side. */
async function linksOnProject(db: Kysely<DB>, ctx: Ctx, p: ProjectRecord): Promise<boolean> {
  return can(ctx.actor, 'projects.manage', await projectResource(db, p)) || (await isLeadSigner(db, ctx, p));
}

const unknownOutput = () => invalidField('/outputId', 'projects.output_not_found');

/** Runs an owner's read; its "not found" (the caller may not see the output) becomes unknownOutput. */
async function seen<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof AppError && err.status === 404) throw unknownOutput();
    throw err;
  }
}

/**
 * The output's side of a link, by its owner's rules: the output is on the project's platform and the
 * caller may change it — a result they manage or created; a disclosure, filing or licence they keep
 * as tech-transfer staff; a service request they answer for the unit or the platform. An output the
 * caller cannot see is 400 /outputId (its existence is not revealed); one they see but may not change, 403.
 */
async function checkOutputSide(db: Kysely<DB>, ctx: Ctx, p: ProjectRecord, input: OutputLinkInput) {
  const { type, outputId } = input;
  const platformId = p.platformId;
  switch (type) {
    case 'result': {
      const r = await seen(() => resultFound(db, ctx, outputId));
      if (r.platformId !== platformId) throw unknownOutput();
      if (!resultsCan(ctx.actor, 'results.manage', r) && r.createdBy !== ctx.actor?.userId) throw forbidden();
      return;
    }
    case 'disclosure':
    case 'filing':
      if (!ttCan(ctx.actor, 'tt.manage', platformId)) throw unknownOutput();
      if (!(await ipRecordExistsOn(db, type, outputId, platformId))) throw unknownOutput();
      return;
    case 'licence': {
      const a = await seen(() => agreementFound(db, ctx, outputId));
      if (a.platformId !== platformId) throw unknownOutput();
      if (a.kind !== 'licence' && a.kind !== 'option')
        throw invalidField('/outputId', 'projects.output_not_a_licence');
      return;
    }
    case 'service_request': {
      const { r, sides } = await seen(() => accessibleRequest(db, ctx, outputId, false));
      if (r.platformId !== platformId) throw unknownOutput();
      if (!sides.includes('unit') && !sides.includes('platform')) throw forbidden();
      return;
    }
  }
}

/** The owners' names of the linked outputs: "type:id" → title. */
async function titles(db: Kysely<DB>, links: readonly OutputLink[]): Promise<Map<string, string>> {
  const ids = (t: OutputType) => links.filter((l) => l.outputType === t).map((l) => l.outputId);
  const [results, ip, licences, requests] = await Promise.all([
    resultSummaries(db, ids('result')),
    ipRecordNames(db, { disclosureIds: ids('disclosure'), filingIds: ids('filing'), otherAssetIds: [] }),
    agreementLabels(db, ids('licence')),
    requestLabels(db, ids('service_request')),
  ]);
  const out = new Map<string, string>();
  for (const r of results) out.set(`result:${r.id}`, r.titleZh);
  for (const [id, d] of ip.disclosures) out.set(`disclosure:${id}`, `${d.refNo} ${d.title}`);
  for (const [id, f] of ip.filings)
    out.set(`filing:${id}`, `${f.jurisdiction} ${f.patentNumber ?? f.applicationNumber ?? ''}`.trim());
  for (const [id, a] of licences) out.set(`licence:${id}`, `${a.refNo} ${a.title}`);
  for (const [id, s] of requests) out.set(`service_request:${id}`, `${s.number} ${s.serviceNameZh}`);
  return out;
}

async function linkViews(db: Kysely<DB>, links: readonly OutputLink[]): Promise<OutputLinkView[]> {
  const names = await titles(db, links);
  return links.map((l) => ({
    id: l.id,
    type: l.outputType,
    outputId: l.outputId,
    // An output its owner deleted keeps its link (the project's record); it shows by its id.
    title: names.get(`${l.outputType}:${l.outputId}`) ?? l.outputId,
    linkedAt: l.linkedAt,
  }));
}

/** For the check report: the outputs list generated from the links (checks.report.ts). */
export async function outputsOfProject(db: Kysely<DB>, projectId: string) {
  return (await linkViews(db, await outputLinksOf(db, projectId))).map((v) => ({
    kind: v.type,
    id: v.outputId,
    title: v.title,
  }));
}

/**
 * The project's outputs with counts by type and the indicators the links measure: anyone who reads the
 * project (a member of the consortium sees its own project's outputs, nothing of another's).
 */
export async function listOutputs(ctx: Ctx, projectId: string): Promise<ProjectOutputs> {
  const p = await readableProject(ctx, projectId);
  const links = await outputLinksOf(ctx.db, projectId);
  const counts = countByType(links.map((l) => ({ type: l.outputType })));
  const agreement = await findAgreement(ctx.db, projectId);
  const indicators = agreement ? agreementContent.parse(agreement.content).indicators : [];
  const measured = measuredIndicators(indicators, counts);
  return {
    items: await linkViews(ctx.db, links),
    counts,
    indicators: indicators.map((i, index) => ({
      index,
      name: i.name,
      type: i.type,
      measuredBy: (i.type === 'count' && i.measuredBy) || null,
      measured: measured[index] ?? null,
    })),
    access: { link: await linksOnProject(ctx.db, ctx, p) },
  };
}

/**
 * The licences or service requests the caller could link to the project, searched and paged by their
 * owners (only what the owner lets the caller change; none for anyone else): the project's side is
 * checked first, so someone who may read the project but not link to it gets 403, as for a link.
 */
export async function outputChoices(
  ctx: Ctx,
  projectId: string,
  q: OutputChoicesQuery,
): Promise<OutputChoices> {
  const p = await readableProject(ctx, projectId);
  if (!(await linksOnProject(ctx.db, ctx, p))) throw forbidden();
  const page = { q: q.q, page: q.page, pageSize: q.pageSize };
  if (q.type === 'licence') {
    const found = await licenceChoices(ctx, p.platformId, {
      q: q.q,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return {
      items: found.items.map((a) => ({
        id: a.id,
        titleZh: `${a.refNo} ${a.title}`,
        titleEn: `${a.refNo} ${a.title}`,
      })),
      total: found.total,
    };
  }
  const found = await linkableRequests(ctx, p.platformId, page);
  return {
    items: found.items.map((r) => ({
      id: r.id,
      titleZh: `${r.number} ${r.serviceNameZh}`,
      titleEn: `${r.number} ${r.serviceNameEn}`,
    })),
    total: found.total,
  };
}

/** Links an output to the project: rights on both sides; a second link of the same output is 409. */
export async function linkOutput(
  ctx: Ctx,
  projectId: string,
  input: OutputLinkInput,
): Promise<OutputLinkView> {
  await readableProject(ctx, projectId);
  const link = await write(
    ctx,
    async (trx, audit) => {
      const p = (await findProject(trx, projectId))!;
      if (!(await linksOnProject(trx, ctx, p))) throw forbidden();
      await checkOutputSide(trx, ctx, p, input);
      if (await outputLinked(trx, projectId, input.type, input.outputId))
        throw new AppError(409, 'projects.output_already_linked');
      const link: OutputLink = {
        id: newId(),
        projectId,
        outputType: input.type,
        outputId: input.outputId,
        linkedBy: ctx.actor?.userId || null,
        linkedAt: isoNow(ctx.clock),
      };
      await insertOutputLink(trx, link);
      await audit({
        action: 'project.output_linked',
        entityType: 'project',
        entityId: projectId,
        platformId: p.platformId,
        after: { linkId: link.id, type: link.outputType, outputId: link.outputId },
      });
      return link;
    },
    { retryOnUniqueViolation: true },
  );
  return (await linkViews(ctx.db, [link]))[0]!;
}

/** Removes a link (the project's side decides; the output itself is untouched), audited. */
export async function unlinkOutput(ctx: Ctx, projectId: string, linkId: string): Promise<void> {
  await readableProject(ctx, projectId);
  await write(ctx, async (trx, audit) => {
    const p = (await findProject(trx, projectId))!;
    if (!(await linksOnProject(trx, ctx, p))) throw forbidden();
    const link = await findOutputLink(trx, projectId, linkId);
    if (!link) throw notFound('projects.output_link_not_found');
    await deleteOutputLink(trx, linkId);
    await audit({
      action: 'project.output_unlinked',
      entityType: 'project',
      entityId: projectId,
      platformId: p.platformId,
      before: { linkId, type: link.outputType, outputId: link.outputId },
    });
  });
}

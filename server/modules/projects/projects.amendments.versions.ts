import { agreementDiff } from '../../../common/projects.amendments.js';
import { jsonColumn } from '../../db/rows.js';
import type { Trx } from '../../db/write.js';
import type { Ctx } from '../../http/context.js';
import { agreementContent, reportDue } from './projects.agreement.schema.js';
import { agreementVersionsOf } from './projects.amendments.repository.js';
import type { AgreementVersionList } from './projects.amendments.schema.js';
import { termsOf } from './projects.amendments.terms.js';
import type { ProjectRecord } from './projects.repository.js';
import { readableProject } from './projects.service.js';

/**
 * Every frozen version of a 任务书 (issue 13, docs/adr/0041), read from the snapshots themselves — what
 * was signed or approved, not what the project says now — each with what changed from the one before.
 */
export async function agreementVersions(db: Trx, p: ProjectRecord): Promise<AgreementVersionList['items']> {
  const out: AgreementVersionList['items'] = [];
  let previous: Awaited<ReturnType<typeof termsOf>> | null = null;
  for (const v of await agreementVersionsOf(db, p.id)) {
    const snap = jsonColumn<{ startsOn: string; endsOn: string; content: unknown; schedule: unknown }>(
      v.snapshotJson,
    );
    const content = agreementContent.parse(snap.content);
    const terms = await termsOf(db, { id: p.id, startsOn: snap.startsOn }, content, snap.endsOn);
    out.push({
      version: v.version,
      checksum: v.checksum,
      frozenAt: v.frozenAt,
      amendmentId: v.amendmentId,
      startsOn: snap.startsOn,
      endsOn: snap.endsOn,
      content,
      schedule: reportDue.array().parse(snap.schedule),
      diff: previous ? agreementDiff(previous, terms) : [],
    });
    previous = terms;
  }
  return out;
}

/** The versions of a project's 任务书, oldest first (anyone who may read the project). */
export async function listAgreementVersions(ctx: Ctx, projectId: string): Promise<AgreementVersionList> {
  const p = await readableProject(ctx, projectId);
  return { projectId, items: await agreementVersions(ctx.db, p) };
}

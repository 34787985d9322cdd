import { createHash, randomUUID } from 'node:crypto';
import type { Role } from '../../../common/roles.js';
import type { Ctx } from '../../http/context.js';
import { newId } from '../../http/context.js';
import { uploadAttachment } from '../../modules/applications/applications.attachments.js';
import { createApplication, saveDraft } from '../../modules/applications/applications.drafts.js';
import {
  buildCall,
  buildContact,
  buildOrg,
  completeDraft,
  docxBytes,
  pdfBytes,
} from '../../modules/applications/applications.fixtures.js';
import { submitApplication } from '../../modules/applications/applications.submission.js';
import { multipart } from '../../modules/imports/imports.fixtures.js';
import { loadActor } from '../../modules/users/users.accounts.js';
import { buildPerson } from '../platform-factories.js';

/**
 * The authorization matrix rows of consortium applications (issue 4), in the shape of
 * authorization.test.ts, which spreads them into its table. A:applicant owns the applications (its
 * account is linked to a person of the lead organisation); A:enterprise_user is the contact of a member
 * that confirmed its part; A's program officers and admins screen.
 */
type Cls = '2xx' | '3xx' | '401' | '403' | '404';
type ActorName =
  | 'anonymous'
  | 'token:read'
  | 'token:write'
  | 'system_admin'
  | 'security_admin'
  | 'audit_admin'
  | `A:${Role}`
  | 'B:platform_admin';
type Expect = Partial<Record<ActorName, Cls>> & { others: Cls };
interface Cell {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}
interface RouteCase {
  route: string;
  label?: string;
  expect: Expect;
  cell(actor: ActorName): Promise<Cell> | Cell;
}
export interface ApplicationsMatrixEnv {
  ctx(): Ctx;
  A(): string;
  userId(actor: ActorName): string | undefined;
}

const signedIn: Expect = { anonymous: '401', others: '2xx' };
const open: Expect = { others: '2xx' };
/** Those who see an application: its owner, a confirmed member, A's officers, system admins. */
const readers: Expect = {
  anonymous: '401',
  'token:read': '2xx',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  'A:program_officer': '2xx',
  'A:applicant': '2xx',
  'A:enterprise_user': '2xx',
  others: '404',
};
/**
 * A draft is its applicant's until submitted: the officers, admins and system admins (and so the
 * system admin's tokens) who read it once submitted do not see it by id either (404, as in the list).
 */
const draftReaders: Expect = {
  anonymous: '401',
  'A:applicant': '2xx',
  'A:enterprise_user': '2xx',
  others: '404',
};
/** Only the owner changes a draft; a confirmed member sees it and is refused, the rest do not see it. */
const draftOwnerWrite: Expect = {
  ...draftReaders,
  'token:read': '403',
  'A:enterprise_user': '403',
};
/** The application screened has no member, so only the owner sees it besides the officers. */
const officers: Expect = {
  ...readers,
  'token:read': '403',
  'A:applicant': '403',
  'A:enterprise_user': '404',
};

interface Fixtures {
  callId: string;
  fieldId: string;
  leadOrg: string;
  leadPerson: string;
  memberOrg: string;
  memberPerson: string;
  draft: string;
  fileDraft: string;
  draftFile: string;
  submitted: string;
  submittedFile: string;
  toScreen: string;
  inviteApp: string;
  emailOrg: string;
  pendingForOthers: string;
  publicToken: string;
}

export function applicationsCases(env: ApplicationsMatrixEnv): RouteCase[] {
  let made: Promise<Fixtures> | undefined;
  const fx = () => {
    made ??= setUp(env);
    return made;
  };
  const ownerCtx = async () => {
    const actor = await loadActor(env.ctx().db, env.userId('A:applicant')!, 'session', ['read', 'write']);
    return { ...env.ctx(), actor };
  };
  /** A complete single-organisation application of A:applicant, ready to submit. */
  const ready = async (f: Fixtures) => {
    const ctx = await ownerCtx();
    const id = await createApplication(ctx, f.callId, {});
    await saveDraft(
      ctx,
      id,
      completeDraft(f.fieldId, [{ orgId: f.leadOrg, contactId: f.leadPerson, requested: 100 }]),
    );
    await uploadAttachment(ctx, id, 'proposal', { fileName: 'p.pdf', bytes: pdfBytes(id) });
    return id;
  };
  const invitation = async (f: Fixtures, o: { userId?: string | null; token?: string } = {}) => {
    const id = newId();
    await env
      .ctx()
      .db.insertInto('application_invitations')
      .values({
        id,
        application_id: f.draft,
        organisation_id: f.memberOrg,
        person_id: f.memberPerson,
        user_id: o.userId ?? null,
        channel: o.token ? 'email' : 'in_app',
        token_hash: o.token ? createHash('sha256').update(o.token).digest('hex') : null,
        role: null,
        requested_minor: 1,
        cofunding_minor: 1,
        state: 'pending',
        note: null,
        invited_by: null,
        invited_at: '2026-06-01T08:00:00.000Z',
        responded_at: null,
        expires_at: '2099-01-01T00:00:00.000Z',
      })
      .execute();
    return id;
  };
  const ownerOnly = (actor: ActorName) => actor === 'A:applicant';

  async function setUp(e: ApplicationsMatrixEnv): Promise<Fixtures> {
    const ctx = e.ctx();
    const call = await buildCall(ctx, { platformId: e.A() });
    const leadOrg = (await buildOrg(ctx, 'university')).id;
    const leadPerson = (await buildPerson(ctx, { organisationId: leadOrg, userId: e.userId('A:applicant')! }))
      .id;
    const memberOrg = (await buildOrg(ctx, 'enterprise', 'sme')).id;
    const memberPerson = (await buildContact(ctx, memberOrg, e.userId('A:enterprise_user')!)).id;
    const emailOrg = (await buildOrg(ctx, 'institute')).id;
    const emailPerson = (await buildPerson(ctx, { organisationId: emailOrg, email: 'x@example.org' })).id;
    const owner = await ownerCtx();
    const two = (id: string) =>
      saveDraft(
        owner,
        id,
        completeDraft(call.fieldId, [
          { orgId: leadOrg, contactId: leadPerson, requested: 100 },
          { orgId: memberOrg, contactId: memberPerson, requested: 50 },
        ]),
      );
    const draft = await createApplication(owner, call.id, {});
    await two(draft);
    await uploadAttachment(owner, draft, 'proposal', { fileName: 'p.pdf', bytes: pdfBytes('draft') });
    // A draft of its own for the download row: the upload rows replace the first draft's proposal.
    const fileDraft = await createApplication(owner, call.id, {});
    const draftFile = (
      await uploadAttachment(owner, fileDraft, 'proposal', { fileName: 'p.pdf', bytes: pdfBytes('file') })
    ).id;
    const f: Fixtures = {
      callId: call.id,
      fieldId: call.fieldId,
      leadOrg,
      leadPerson,
      memberOrg,
      memberPerson,
      draft,
      fileDraft,
      draftFile,
      submitted: '',
      submittedFile: '',
      toScreen: '',
      inviteApp: '',
      emailOrg,
      pendingForOthers: '',
      publicToken: randomUUID(),
    };
    // The member's contact confirmed its part of the draft and of the submitted one.
    const confirm = async (appId: string) => {
      const inv = await invitation({ ...f, draft: appId }, { userId: e.userId('A:enterprise_user')! });
      await ctx.db
        .updateTable('application_invitations')
        .set({ state: 'confirmed', requested_minor: 50, cofunding_minor: 50, role: '参与' })
        .where('id', '=', inv)
        .execute();
    };
    await confirm(draft);
    f.submitted = await createApplication(owner, call.id, {});
    await two(f.submitted);
    f.submittedFile = (
      await uploadAttachment(owner, f.submitted, 'proposal', { fileName: 'p.pdf', bytes: pdfBytes('s') })
    ).id;
    await confirm(f.submitted);
    await submitApplication(owner, f.submitted);
    f.toScreen = await ready(f);
    await submitApplication(owner, f.toScreen);
    f.inviteApp = await createApplication(owner, call.id, {
      consortium: [
        { organisationId: leadOrg, contactPersonId: leadPerson, requestedMinor: 0, cofundingMinor: 0 },
        { organisationId: emailOrg, contactPersonId: emailPerson, requestedMinor: 0, cofundingMinor: 0 },
      ],
    });
    f.pendingForOthers = await invitation(f, { userId: e.userId('A:enterprise_user')! });
    await invitation(f, { token: f.publicToken });
    return f;
  }

  return [
    {
      route: 'POST /api/calls/:callId/applications',
      expect: { anonymous: '401', 'A:applicant': '2xx', others: '403' },
      cell: async () => ({ url: `/api/calls/${(await fx()).callId}/applications`, body: {} }),
    },
    { route: 'GET /api/applications', expect: signedIn, cell: () => ({ url: '/api/applications' }) },
    {
      route: 'GET /api/applications/export.xlsx',
      expect: signedIn,
      cell: () => ({ url: '/api/applications/export.xlsx' }),
    },
    {
      route: 'GET /api/applications/:id',
      label: 'a draft',
      expect: draftReaders,
      cell: async () => ({ url: `/api/applications/${(await fx()).draft}` }),
    },
    {
      route: 'GET /api/applications/:id',
      label: 'submitted',
      expect: readers,
      cell: async () => ({ url: `/api/applications/${(await fx()).submitted}` }),
    },
    {
      route: 'PUT /api/applications/:id',
      expect: draftOwnerWrite,
      cell: async () => ({
        url: `/api/applications/${(await fx()).draft}`,
        body: { content: { titleZh: '题目' } },
      }),
    },
    {
      route: 'GET /api/applications/:id/eligibility',
      expect: draftReaders,
      cell: async () => ({ url: `/api/applications/${(await fx()).draft}/eligibility` }),
    },
    {
      route: 'POST /api/applications/:id/submit',
      expect: draftOwnerWrite,
      cell: async (actor) => {
        const f = await fx();
        return { url: `/api/applications/${ownerOnly(actor) ? await ready(f) : f.draft}/submit` };
      },
    },
    {
      route: 'GET /api/applications/:id/receipt',
      expect: readers,
      cell: async () => ({ url: `/api/applications/${(await fx()).submitted}/receipt` }),
    },
    {
      route: 'GET /api/applications/:id/receipt.txt',
      expect: readers,
      cell: async () => ({ url: `/api/applications/${(await fx()).submitted}/receipt.txt` }),
    },
    {
      route: 'GET /api/applications/:id/application-form.pdf',
      expect: readers,
      cell: async () => ({ url: `/api/applications/${(await fx()).submitted}/application-form.pdf` }),
    },
    {
      route: 'GET /api/applications/:id/snapshot',
      expect: readers,
      cell: async () => ({ url: `/api/applications/${(await fx()).submitted}/snapshot?versionNo=1` }),
    },
    {
      route: 'POST /api/applications/:id/withdraw',
      expect: draftOwnerWrite,
      cell: async (actor) => {
        const f = await fx();
        const id = ownerOnly(actor) ? await createApplication(await ownerCtx(), f.callId, {}) : f.draft;
        return { url: `/api/applications/${id}/withdraw`, body: { reason: '不再申报' } };
      },
    },
    {
      route: 'POST /api/applications/:id/screening',
      expect: officers,
      cell: async () => ({
        url: `/api/applications/${(await fx()).toScreen}/screening`,
        body: { answers: [{ key: 'signed', ok: true }] },
      }),
    },
    {
      route: 'POST /api/applications/:id/attachments',
      expect: draftOwnerWrite,
      cell: async () => {
        const { payload, headers } = multipart(docxBytes(), '正文.docx');
        return {
          url: `/api/applications/${(await fx()).draft}/attachments?key=proposal`,
          body: payload,
          headers,
        };
      },
    },
    {
      route: 'DELETE /api/applications/:id/attachments',
      expect: draftOwnerWrite,
      cell: async (actor) => {
        const f = await fx();
        if (ownerOnly(actor))
          await uploadAttachment(await ownerCtx(), f.draft, 'budget_sheet', {
            fileName: 'b.png',
            bytes: Buffer.concat([
              Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
              Buffer.alloc(8),
            ]),
          });
        return { url: `/api/applications/${f.draft}/attachments?key=budget_sheet` };
      },
    },
    {
      route: 'GET /api/applications/:id/files/:attachmentId',
      label: 'a draft',
      expect: { ...draftReaders, 'A:enterprise_user': '404' }, // no member on this draft
      cell: async () => {
        const f = await fx();
        return { url: `/api/applications/${f.fileDraft}/files/${f.draftFile}` };
      },
    },
    {
      route: 'GET /api/applications/:id/files/:attachmentId',
      label: 'submitted',
      expect: readers,
      cell: async () => {
        const f = await fx();
        return { url: `/api/applications/${f.submitted}/files/${f.submittedFile}` };
      },
    },
    {
      route: 'POST /api/applications/:id/invitations',
      expect: draftOwnerWrite,
      cell: async (actor) => {
        const f = await fx();
        return {
          url: `/api/applications/${ownerOnly(actor) ? f.inviteApp : f.draft}/invitations`,
          body: { organisationId: ownerOnly(actor) ? f.emailOrg : f.memberOrg },
        };
      },
    },
    { route: 'GET /api/invitations', expect: signedIn, cell: () => ({ url: '/api/invitations' }) },
    {
      route: 'POST /api/invitations/:invitationId/respond',
      expect: { anonymous: '401', 'token:read': '403', 'A:enterprise_user': '2xx', others: '404' },
      cell: async (actor) => {
        const f = await fx();
        const id =
          actor === 'A:enterprise_user'
            ? await invitation(f, { userId: env.userId('A:enterprise_user')! })
            : f.pendingForOthers;
        return { url: `/api/invitations/${id}/respond`, body: { accept: false } };
      },
    },
    {
      route: 'GET /api/public/invitations/:token',
      expect: open,
      cell: async () => ({ url: `/api/public/invitations/${(await fx()).publicToken}` }),
    },
    {
      route: 'POST /api/public/invitations/:token',
      expect: { 'token:read': '403', others: '2xx' },
      cell: async () => {
        const token = randomUUID();
        await invitation(await fx(), { token });
        return { url: `/api/public/invitations/${token}`, body: { accept: true } };
      },
    },
  ];
}

// Consortium applications (issue 4): shapes are the server's zod schemas (type-only imports).
import type { z } from 'zod';
import type {
  applicationView,
  attachmentView,
  eligibilityView,
  frozenVersionView,
  invitationView,
  listApplicationsQuery,
  listApplicationsView,
  receiptView,
  saveDraftBody,
  screeningBody,
} from '../../server/modules/applications/applications.schema.js';
import type { orgContactList } from '../../server/modules/people/people.schema.js';
import { download, request } from './client.js';

export type ApplicationView = z.infer<typeof applicationView>;
export type OrgContactList = z.infer<typeof orgContactList>;
export type ApplicationList = z.infer<typeof listApplicationsView>;
export type ApplicationSummary = ApplicationList['items'][number];
export type ApplicationMember = ApplicationView['consortium'][number];
export type AttachmentView = z.infer<typeof attachmentView>;
export type EligibilityView = z.infer<typeof eligibilityView>;
export type FrozenVersion = z.infer<typeof frozenVersionView>;
export type InvitationView = z.infer<typeof invitationView>;
export type ReceiptView = z.infer<typeof receiptView>;
export type SaveDraftBody = z.input<typeof saveDraftBody>;
export type ScreeningBody = z.input<typeof screeningBody>;
export type ApplicationsQuery = Partial<z.input<typeof listApplicationsQuery>>;

const enc = encodeURIComponent;
const base = (id: string) => `/api/applications/${enc(id)}`;

export const applicationsApi = {
  list: (q: ApplicationsQuery) =>
    request<ApplicationList>('GET', '/api/applications', { query: q as Record<string, string | number> }),
  create: (callId: string, body: SaveDraftBody) =>
    request<ApplicationView>('POST', `/api/calls/${enc(callId)}/applications`, { body }),
  get: (id: string, versionNo?: number) =>
    request<ApplicationView>('GET', base(id), { query: { versionNo } }),
  save: (id: string, body: SaveDraftBody) => request<ApplicationView>('PUT', base(id), { body }),
  eligibility: (id: string) => request<EligibilityView>('GET', `${base(id)}/eligibility`),
  submit: (id: string) => request<ReceiptView>('POST', `${base(id)}/submit`, { body: {} }),
  receipt: (id: string, versionNo?: number) =>
    request<ReceiptView>('GET', `${base(id)}/receipt`, { query: { versionNo } }),
  receiptFile: (id: string, versionNo?: number) => download(`${base(id)}/receipt.txt`, { versionNo }),
  /** The printable 申报书 of a submitted version (server/modules/applications/applications.print.ts). */
  formPdf: (id: string, q: { versionNo?: number; lang: string; tz: string }) =>
    download(`${base(id)}/application-form.pdf`, q),
  version: (id: string, versionNo: number) =>
    request<FrozenVersion>('GET', `${base(id)}/snapshot`, { query: { versionNo } }),
  withdraw: (id: string, reason: string) =>
    request<ApplicationView>('POST', `${base(id)}/withdraw`, { body: { reason } }),
  screen: (id: string, body: ScreeningBody) =>
    request<ApplicationView>('POST', `${base(id)}/screening`, { body }),
  upload: (id: string, key: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<AttachmentView>('POST', `${base(id)}/attachments`, { query: { key }, form });
  },
  removeAttachment: (id: string, key: string) =>
    request<void>('DELETE', `${base(id)}/attachments`, { query: { key } }),
  file: (id: string, attachmentId: string) => download(`${base(id)}/files/${enc(attachmentId)}`),
  invite: (id: string, organisationId: string) =>
    request<InvitationView>('POST', `${base(id)}/invitations`, { body: { organisationId } }),
  /** People of an organisation, to name a member's contact person. */
  contacts: (organisationId: string) =>
    request<OrgContactList>('GET', `/api/orgs/${enc(organisationId)}/contacts`),
  myInvitations: () => request<{ items: InvitationView[] }>('GET', '/api/invitations'),
  respond: (invitationId: string, accept: boolean, note?: string) =>
    request<InvitationView>('POST', `/api/invitations/${enc(invitationId)}/respond`, {
      body: { accept, note: note || null },
    }),
};

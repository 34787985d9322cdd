// Technology needs and matchmaking (issue 14, docs/needs.md). Types are the server's zod schemas.
import type { z } from 'zod';
import type {
  attentionList,
  contactAnswerBody,
  contactList,
  contactView,
  matchList,
  needBody,
  needList,
  needView,
  publicNeedList,
} from '../../server/modules/needs/needs.schema.js';
import { request } from './client.js';

export type Need = z.infer<typeof needView>;
export type NeedList = z.infer<typeof needList>;
export type NeedInput = z.input<typeof needBody>;
export type Match = z.infer<typeof matchList>['items'][number];
export type Contact = z.infer<typeof contactView>;
export type ContactAnswer = z.input<typeof contactAnswerBody>;
export type AttentionItem = z.infer<typeof attentionList>['items'][number];
export type PublicNeedList = z.infer<typeof publicNeedList>;

const enc = encodeURIComponent;

export const needsApi = {
  publicList: (platformId?: string) =>
    request<PublicNeedList>('GET', '/api/public/needs', { query: { platformId }, quiet401: true }),
  mine: (platformId: string) =>
    request<NeedList>('GET', '/api/needs', { query: { platformId, mine: 'true' } }),
  post: (platformId: string, body: NeedInput) =>
    request<Need>('POST', `/api/platforms/${enc(platformId)}/needs`, { body }),
  move: (id: string, action: 'close' | 'withdraw') =>
    request<Need>('POST', `/api/needs/${enc(id)}/transitions`, { body: { action } }),
  matches: (id: string) => request<{ items: Match[] }>('GET', `/api/needs/${enc(id)}/matches`),
  contact: (id: string, body: { kind: Match['kind']; targetId: string; message: string }) =>
    request<Contact>('POST', `/api/needs/${enc(id)}/contacts`, { body }),
  received: () => request<z.infer<typeof contactList>>('GET', '/api/need-contacts'),
  answer: (id: string, body: ContactAnswer) =>
    request<Contact>('POST', `/api/need-contacts/${enc(id)}/answer`, { body }),
  attention: (platformId: string, filter?: AttentionItem['flags'][number]) =>
    request<{ items: AttentionItem[] }>('GET', '/api/needs/attention', { query: { platformId, filter } }),
};

// Proposals to link a person record to the signed-in account (issue 10, docs/adr/0013): shapes are the
// server's zod schemas (type-only imports).
import type { z } from 'zod';
import type { linkRequestView, myLinkRequestList } from '../../server/modules/people/people.schema.js';
import { request } from './client.js';

export type MyLinkRequestList = z.infer<typeof myLinkRequestList>;
export type MyLinkRequest = MyLinkRequestList['items'][number];
export type LinkRequestView = z.infer<typeof linkRequestView>;

const enc = encodeURIComponent;

export const personLinksApi = {
  mine: () => request<MyLinkRequestList>('GET', '/api/me/person-links'),
  answer: (id: string, answer: 'accept' | 'decline') =>
    request<LinkRequestView>('POST', `/api/me/person-links/${enc(id)}/${answer}`, { body: {} }),
};

import { isoNow, newId } from '../../http/context.js';
import { buildUser } from '../factories.js';
import { buildMember, buildPerson, buildUnit } from '../platform-factories.js';
import { type Expect, type MatrixEnv, type RouteCase, roleless } from './matrix.js';
import { staffEntry } from './platforms.fixtures.js';

/**
 * Matrix rows of who curates person records and links them to accounts (issue 10, items 1, 2 and 8;
 * docs/adr/0013-curating-shared-records.md), in the shape of authorization.test.ts.
 */

/** System admins only (a write token belongs to one); everyone who can see the record is refused. */
const systemAdmins: Expect = {
  anonymous: '401',
  'token:write': '2xx',
  system_admin: '2xx',
  // The security and audit administrators hold no platform role: a person on A is not theirs to see.
  ...roleless('404'),
  others: '403',
};
/** Admins of A keep a record A's units hold. */
const adminsOfA: Expect = { ...systemAdmins, 'A:platform_admin': '2xx' };
/** An expert is on no platform: the directory's readers see them, the other roles do not. */
const expertRecord: Expect = {
  ...systemAdmins,
  'token:read': '403',
  'A:platform_admin': '403',
  'B:platform_admin': '403',
  'A:supervisor': '403',
  'A:lab_director': '403',
  'A:program_officer': '403',
  others: '404',
};

export function peopleLinkCases(env: MatrixEnv): RouteCase[] {
  const ctx = () => env.ctx();
  const freshUser = async () => (await buildUser(ctx(), {})).id;
  /** A person on A's unit staff, linked to an account when asked. */
  const personOnA = async (userId: string | null = null) => {
    const person = (await buildPerson(ctx(), { userId })).id;
    await staffEntry(ctx(), (await buildUnit(ctx(), { platformId: env.A() })).id, person);
    return person;
  };
  const expertPerson = async () => {
    const person = (await buildPerson(ctx())).id;
    const at = isoNow(ctx().clock);
    await ctx()
      .db.insertInto('experts')
      .values({
        id: newId(),
        person_id: person,
        category: 'academic',
        expertise_zh: null,
        expertise_en: null,
        load_max: 6,
        active: 1,
        notes: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    return person;
  };
  /** A pending proposal addressed to the given account. */
  const proposalTo = async (userId: string) => {
    const id = newId();
    await ctx()
      .db.insertInto('person_link_requests')
      .values({
        id,
        person_id: (await buildPerson(ctx())).id,
        user_id: userId,
        state: 'pending',
        requested_by: null,
        requested_at: isoNow(ctx().clock),
        answered_at: null,
      })
      .execute();
    return id;
  };
  return [
    {
      route: 'POST /api/people/:id/link-requests',
      label: 'someone on A without an account',
      expect: adminsOfA,
      cell: async () => ({
        url: `/api/people/${await personOnA()}/link-requests`,
        body: { userId: await freshUser() },
      }),
    },
    {
      route: 'POST /api/people/:id/link-requests',
      label: 'an expert without an account',
      expect: expertRecord,
      cell: async () => ({
        url: `/api/people/${await expertPerson()}/link-requests`,
        body: { userId: await freshUser() },
      }),
    },
    {
      route: 'GET /api/me/person-links',
      expect: { anonymous: '401', others: '2xx' },
      cell: () => ({ url: '/api/me/person-links' }),
    },
    {
      route: 'POST /api/me/person-links/:id/decline',
      label: 'a proposal to oneself',
      expect: { anonymous: '401', 'token:read': '403', others: '2xx' },
      cell: async (actor) => {
        const me = env.userId(actor);
        return { url: `/api/me/person-links/${me ? await proposalTo(me) : newId()}/decline` };
      },
    },
    {
      route: 'POST /api/me/person-links/:id/accept',
      label: 'a proposal to someone else',
      expect: { anonymous: '401', 'token:read': '403', others: '404' },
      cell: async () => ({ url: `/api/me/person-links/${await proposalTo(await freshUser())}/accept` }),
    },
    {
      route: 'POST /api/me/person-links/:id/decline',
      label: 'a proposal to someone else',
      expect: { anonymous: '401', 'token:read': '403', others: '404' },
      cell: async () => ({ url: `/api/me/person-links/${await proposalTo(await freshUser())}/decline` }),
    },
    {
      route: 'PATCH /api/people/:id',
      label: 'unlinking the account of someone on A',
      expect: systemAdmins,
      cell: async () => ({
        url: `/api/people/${await personOnA(await freshUser())}`,
        body: { userId: null },
      }),
    },
    {
      route: 'PATCH /api/people/:id',
      label: 'an expert',
      expect: expertRecord,
      cell: async () => ({ url: `/api/people/${await expertPerson()}`, body: { title: 'Professor' } }),
    },
    {
      // Item 2: B's admin put A's staff member on B's committee; the record stays A's to keep.
      route: 'PATCH /api/people/:id',
      label: "on A's unit and B's committee",
      expect: adminsOfA,
      cell: async () => {
        const person = await personOnA();
        await buildMember(ctx(), env.B(), { personId: person });
        return { url: `/api/people/${person}`, body: { email: 'changed@example.org' } };
      },
    },
    {
      // A committee seat alone keeps the record with that platform, but never one kept by a unit elsewhere.
      route: 'PATCH /api/people/:id',
      label: "on B's committee only",
      expect: { ...expertRecord, 'B:platform_admin': '2xx' },
      cell: async () => {
        const person = (await buildPerson(ctx())).id;
        await buildMember(ctx(), env.B(), { personId: person });
        return { url: `/api/people/${person}`, body: { title: 'Member' } };
      },
    },
  ];
}

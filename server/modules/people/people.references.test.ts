import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { foreignKeysTo } from '../../test/foreign-keys.js';
import { setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildPerson } from '../../test/platform-factories.js';
import { buildExtramuralProject } from '../projects/projects.fixtures.js';
import { PERSON_REFERENCES, PERSON_RELEASES } from './people.placements.js';

/**
 * PERSON_REFERENCES is what keeps a person from being deleted (409 people.in_use). A foreign key to
 * people missing from it lets the database cascade or null the column without a word; the database's
 * own foreign keys are the full list, and each is either a reference or a release with its reason.
 */
let t: TestApp;
beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t.close());

describe('the columns that point at a person', () => {
  it('are each a reference that keeps the person or a release with its reason, and nothing else', async () => {
    const keys = await foreignKeysTo(t.database.db, 'people');
    expect(keys).toContain('project_members.contact_person_id');
    const listed = [...PERSON_REFERENCES.map((r) => r.column), ...PERSON_RELEASES.map((r) => r.column)];
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.sort()).toEqual(keys);
  });

  it("keeps a project member's contact: 409 naming project_contacts, the project's contact unchanged", async () => {
    const ctx = t.systemCtx();
    const platformId = (await buildPlatform(ctx)).id;
    await buildUser(ctx, { username: 'people-ref-root', systemAdmin: true });
    const root = await signIn(t.app, 'people-ref-root');
    const contact = await buildPerson(ctx);
    const project = await buildExtramuralProject(ctx, platformId, { leadContactPersonId: contact.id });
    const res = await root.delete(`/api/people/${contact.id}`);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'people.in_use',
      references: [{ usedBy: 'project_contacts', count: 1 }],
    });
    const member = await t.database.db
      .selectFrom('project_members')
      .select('contact_person_id')
      .where('project_id', '=', project.id)
      .where('position', '=', 0)
      .executeTakeFirstOrThrow();
    expect(member.contact_person_id).toBe(contact.id);
    expect((await root.get(`/api/people/${contact.id}`)).statusCode).toBe(200);
  });
});

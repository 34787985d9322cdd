import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { reportingSchedule } from '../common/projects.js';
import { cliWorkspace } from './cli.fixtures.js';
import { verifyAuditChain } from './db/audit-chain.js';
import { latestMigration } from './db/migrate.js';
import { createAuditGuards, dropAuditGuards } from './db/migrations/0013_audit_append_only.js';
import { verifyPassword } from './modules/auth/password.js';
import { expertUsername } from './seed/demo-expert-accounts.js';
import { DEMO_EXPERTS } from './seed/demo-experts.data.js';
import { DEMO_REVIEW_APPLICATIONS, demoReviewApplicant } from './seed/demo-review.data.js';
import { DEMO_USERS } from './seed/demo-users.js';

// An operator's day with the `commonlab` command: set up, accounts, reminders, audit, backup and
// restore, then the open-data dumps, each step on the state the one before left.
const { dataDir, commonlab, database: db } = cliWorkspace();
const backupFile = path.join(dataDir, 'nightly.clbak');

const userRow = (username: string) =>
  db().db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
const rolesOf = async (username: string) =>
  (
    await db()
      .db.selectFrom('role_assignments')
      .innerJoin('users', 'users.id', 'role_assignments.user_id')
      .select('role')
      .where('username', '=', username)
      .execute()
  )
    .map((r) => r.role)
    .sort();

describe('commonlab CLI', { timeout: 90_000 }, () => {
  it('--help lists every command', async () => {
    const r = await commonlab(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['serve', 'migrate', 'seed', 'user', 'audit', 'backup', 'restore']) {
      expect(r.stdout).toMatch(new RegExp(`^\\s+${cmd}\\b`, 'm'));
    }
  });

  it('stops on invalid configuration with a non-zero exit naming the variable, touching nothing', async () => {
    const r = await commonlab(['migrate'], { PORT: 'abc' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/\bPORT\b/);
    expect(existsSync(path.join(dataDir, 'commonlab.sqlite'))).toBe(false);
  });

  it('migrate brings an empty database to the latest migration', async () => {
    const r = await commonlab(['migrate']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    const names = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
      db().db,
    );
    expect(names.rows.at(-1)?.name).toBe(latestMigration);
  });

  it('seed --demo creates the demo platform and one account per demo user', async () => {
    const r = await commonlab(['seed', '--demo']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    const users = await db().db.selectFrom('users').select('username').execute();
    // One account per demo user, the applicant of each application of the demo review call, and one per
    // directory expert without an account of their own (demo-expert-accounts.ts).
    const expected = [
      ...DEMO_USERS.map((u) => u.username),
      ...DEMO_REVIEW_APPLICATIONS.map((_, i) => demoReviewApplicant(i)),
      ...DEMO_EXPERTS.filter((e) => !e.user).map((e) => expertUsername(e.email)),
    ];
    expect(users.map((u) => u.username).sort()).toEqual(expected.sort());
    expect(await rolesOf('expert')).toEqual(['expert']);
  });

  it('user add creates an account with roles and the password from COMMONLAB_PASSWORD', async () => {
    const r = await commonlab(['user', 'add', 'xu', '--name', 'Xu Ming', '--role', 'NIST:expert'], {
      COMMONLAB_PASSWORD: 'first-password-2026',
    });
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(r.stdout).toMatch(/created xu/);
    const u = await userRow('xu');
    expect(u.display_name).toBe('Xu Ming');
    expect(await verifyPassword('first-password-2026', u.password_hash)).toBe(true);
    expect(await rolesOf('xu')).toEqual(['expert']);
  });

  it('user passwd replaces the password', async () => {
    const r = await commonlab(['user', 'passwd', 'xu'], { COMMONLAB_PASSWORD: 'second-password-2026' });
    expect(r, r.stderr).toMatchObject({ code: 0 });
    const { password_hash } = await userRow('xu');
    expect(await verifyPassword('second-password-2026', password_hash)).toBe(true);
    expect(await verifyPassword('first-password-2026', password_hash)).toBe(false);
  });

  it('user roles replaces the roles', async () => {
    const r = await commonlab(['user', 'roles', 'xu', 'NIST:researcher', 'NIST:applicant']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(await rolesOf('xu')).toEqual(['applicant', 'researcher']);
  });

  it('keeps the administrator kinds apart: two at once is refused, --admin grants one, --no-admin clears', async () => {
    const two = await commonlab(
      ['user', 'add', 'both', '--name', 'Both', '--system-admin', '--audit-admin'],
      {
        COMMONLAB_PASSWORD: 'first-password-2026',
      },
    );
    expect(two.code).not.toBe(0);
    expect(two.stderr).toMatch(/users\.admin_kinds_exclusive|at most one/);
    expect(
      await db().db.selectFrom('users').select('id').where('username', '=', 'both').executeTakeFirst(),
    ).toBeUndefined();
    expect((await commonlab(['user', 'roles', 'xu', 'NIST:researcher', '--admin', 'audit_admin'])).code).toBe(
      0,
    );
    expect((await userRow('xu')).is_audit_admin).toBe(1);
    const second = await commonlab(['user', 'roles', 'xu', 'NIST:researcher', '--admin', 'system_admin']);
    expect(second.code).not.toBe(0);
    expect((await userRow('xu')).is_system_admin).toBe(0);
    expect(
      (await commonlab(['user', 'roles', 'xu', 'NIST:researcher', 'NIST:applicant', '--no-admin'])).code,
    ).toBe(0);
    expect(await userRow('xu')).toMatchObject({ is_audit_admin: 0, is_system_admin: 0 });
  });

  it('projects remind: a dry run lists, a run sends and prints, a rerun sends nothing', async () => {
    // ATP-DEMO-01 (lead contact: the demo applicant) started 11 months before the seed: its first annual
    // report is due within weeks. Judged as of 14 days before that day.
    const p = await db()
      .db.selectFrom('projects')
      .select(['id', 'starts_on', 'ends_on'])
      .where('code', '=', 'ATP-DEMO-01')
      .executeTakeFirstOrThrow();
    const due = reportingSchedule(p.starts_on, p.ends_on).find((r) => r.kind === 'annual')!.dueOn;
    const at = new Date(Date.parse(`${due}T00:00:00Z`) - 14 * 86_400_000).toISOString().slice(0, 10);
    const line = `ATP-DEMO-01  annual report due ${due}  (14 days before)  to 1 account(s)`;
    const reminders = () => db().db.selectFrom('project_report_reminders').selectAll().execute();

    const dry = await commonlab(['projects', 'remind', '--platform', 'atp', '--dry-run', '--at', at]);
    expect(dry, dry.stderr).toMatchObject({ code: 0 });
    expect(dry.stdout).toContain(`would send    ${line}`);
    expect(dry.stdout).toMatch(
      new RegExp(`^${at}: \\d+ reminder\\(s\\) would be sent \\(dry run, nothing written\\)`, 'm'),
    );
    expect(await reminders()).toEqual([]);

    const sent = await commonlab(['projects', 'remind', '--platform', 'ATP', '--at', at]);
    expect(sent, sent.stderr).toMatchObject({ code: 0 });
    expect(sent.stdout).toContain(`sent          ${line}`);
    expect(await reminders()).toContainEqual(
      expect.objectContaining({ project_id: p.id, kind: 'annual', due_on: due, offset_days: -14 }),
    );
    const applicant = await userRow('applicant');
    const inbox = await db()
      .db.selectFrom('notifications')
      .select(['kind', 'entity_id'])
      .where('user_id', '=', applicant.id)
      .where('kind', '=', 'project.report_due_soon')
      .execute();
    expect(inbox).toContainEqual({ kind: 'project.report_due_soon', entity_id: p.id });

    const again = await commonlab(['projects', 'remind', '--platform', 'ATP', '--at', at]);
    expect(again, again.stderr).toMatchObject({ code: 0 });
    expect(again.stdout).not.toContain(line);
    expect(again.stdout).toMatch(new RegExp(`^${at}: 0 reminder\\(s\\) sent, \\d+ skipped$`, 'm'));
    const bad = await commonlab(['projects', 'remind', '--at', '2026-13-01']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--at: 2026-13-01 is not a date');
    const nowhere = await commonlab(['projects', 'remind', '--platform', 'NOPE']);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('no platform with code NOPE');
  });

  it('audit verify exits 0 on an intact chain that holds every change made above', async () => {
    const r = await commonlab(['audit', 'verify']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    const result = JSON.parse(r.stdout);
    expect(result.ok).toBe(true);
    const actions = await db().db.selectFrom('audit_log').select('action').execute();
    expect(result.entries).toBe(actions.length);
    expect(actions.length).toBeGreaterThan(DEMO_USERS.length + 2);
  });

  it('backup writes a file while the data stays as it was', async () => {
    const r = await commonlab(['backup', backupFile]);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(existsSync(backupFile)).toBe(true);
  });

  it('audit verify exits 1 and names the entry once a row is tampered with', async () => {
    // Tampering as the database owner would: the append-only triggers dropped first, then put back.
    await dropAuditGuards(db().db as never);
    await db()
      .db.updateTable('audit_log')
      .set({ after_json: '{"forged":true}' })
      .where('seq', '=', 3)
      .execute();
    await createAuditGuards(db().db as never);
    const r = await commonlab(['audit', 'verify']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, brokenAtSeq: 3, reason: 'hash_mismatch' });
  });

  it('restore FILE --yes brings back the backed-up content, tampering undone', async () => {
    await db()
      .db.updateTable('users')
      .set({ display_name: 'changed after backup' })
      .where('username', '=', 'xu')
      .execute();
    const r = await commonlab(['restore', backupFile, '--yes']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(r.stdout).toMatch(/audit chain ok: true/);
    expect((await userRow('xu')).display_name).toBe('Xu Ming');
    expect(await verifyAuditChain(db().db)).toMatchObject({ ok: true });
  });
});

// Issue 15: the bulk dumps as an operator (or cron) writes them, on the demo data seeded above.
describe('commonlab open-data dump', { timeout: 90_000 }, () => {
  const dumps = path.join(dataDir, 'open-data-dumps');
  const manifestPath = path.join(dumps, 'manifest.json');
  const stamps = () =>
    Object.fromEntries(
      [manifestPath, ...readdirSync(path.join(dumps, 'files')).map((f) => path.join(dumps, 'files', f))].map(
        (f) => [f, statSync(f).mtimeMs],
      ),
    );
  const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  interface Manifest {
    written: boolean;
    generatedAt: string;
    seq: number;
    files: Array<{ name: string; sha256: string; bytes: number; records: number | null }>;
  }
  let first: Manifest;
  let before: Record<string, number>;

  it('writes every file, each matching its checksum in the manifest and in SHA256SUMS', async () => {
    const r = await commonlab(['open-data', 'dump']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    first = JSON.parse(r.stdout) as Manifest;
    expect(first.written).toBe(true);
    expect(JSON.parse(readFileSync(manifestPath, 'utf8'))).toMatchObject({
      generatedAt: first.generatedAt,
    });
    const names = first.files.map((f) => f.name);
    for (const n of ['projects.jsonl.gz', 'projects.csv.gz', 'dictionary.json', 'LICENCE.txt', 'SHA256SUMS'])
      expect(names).toContain(n);
    expect(first.files.find((f) => f.name === 'projects.jsonl.gz')!.records).toBeGreaterThan(0);
    const bodies = new Map<string, Buffer>();
    for (const f of first.files) {
      const body = readFileSync(path.join(dumps, 'files', f.sha256));
      expect({ name: f.name, sha256: sha256(body), bytes: body.length }).toEqual({
        name: f.name,
        sha256: f.sha256,
        bytes: f.bytes,
      });
      bodies.set(f.name, body);
    }
    // SHA256SUMS (sha256sum -c format) lists every other file with the checksum of its bytes.
    const sums = bodies
      .get('SHA256SUMS')!
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => l.split('  '));
    expect(sums.map(([, n]) => n).sort()).toEqual(names.filter((n) => n !== 'SHA256SUMS').sort());
    for (const [sum, n] of sums) expect(sha256(bodies.get(n!)!), n).toBe(sum);
    before = stamps();
  });

  it('writes nothing when run again without a change', async () => {
    const r = await commonlab(['open-data', 'dump']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    const again = JSON.parse(r.stdout) as Manifest;
    expect(again.written).toBe(false);
    expect({ ...again, written: true }).toEqual(first);
    expect(stamps()).toEqual(before);
  });

  it('rewrites the dump with --force: a new manifest over the same bytes', async () => {
    const r = await commonlab(['open-data', 'dump', '--force']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    const forced = JSON.parse(r.stdout) as Manifest;
    expect(forced.written).toBe(true);
    expect(forced.generatedAt > first.generatedAt).toBe(true);
    expect(forced.files.map((f) => [f.name, f.sha256])).toEqual(first.files.map((f) => [f.name, f.sha256]));
    expect(JSON.parse(readFileSync(manifestPath, 'utf8')).generatedAt).toBe(forced.generatedAt);
    expect(statSync(manifestPath).mtimeMs).toBeGreaterThan(before[manifestPath]!);
  });
});

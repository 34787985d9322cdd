import { spawnSync } from 'node:child_process';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { type Backing, repoRoot } from '../lib/server.js';

// Checks on the database itself, with the server stopped: the engine's own consistency check, the
// foreign keys, that every organisation the load created has its audit entry (one transaction holds
// both), and `commonlab audit verify` (the hash chain).

export interface Integrity {
  engine: string;
  foreignKeys: string;
  orgsWithoutAudit: number;
  auditVerify: string;
  ok: boolean;
}

const ORPHANS = `SELECT count(*) AS n FROM organisations o WHERE o.name_zh LIKE 'crash-%'
  AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_type = 'organisation' AND a.entity_id = o.id)`;

export async function checkIntegrity(backing: Backing): Promise<Integrity> {
  let engine: string;
  let foreignKeys: string;
  let orphans: number;
  if (backing.kind === 'sqlite') {
    const db = new SQLite(path.join(backing.dataDir, 'commonlab.sqlite'), { readonly: true });
    try {
      engine = (db.pragma('integrity_check') as { integrity_check: string }[])
        .map((r) => r.integrity_check)
        .join('; ');
      const fk = db.pragma('foreign_key_check') as unknown[];
      foreignKeys = fk.length ? `${fk.length} violations` : 'ok';
      orphans = (db.prepare(ORPHANS).get() as { n: number }).n;
    } finally {
      db.close();
    }
  } else {
    const client = new pg.Client({ connectionString: backing.databaseUrl });
    await client.connect();
    try {
      // amcheck (contrib, shipped with the Debian server package): every B-tree index matches its table.
      await client.query('CREATE EXTENSION IF NOT EXISTS amcheck');
      const idx = await client.query<{ oid: string; name: string }>(
        `SELECT c.oid, c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         JOIN pg_am am ON am.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE am.amname = 'btree' AND n.nspname = 'public'`,
      );
      for (const row of idx.rows) await client.query('SELECT bt_index_check($1::regclass, true)', [row.oid]);
      engine = `ok (amcheck: ${idx.rows.length} B-tree indexes with heap check)`;
      // Constraints are enforced by PostgreSQL; a NOT VALID one would be the only way to hold orphans.
      const invalid = await client.query(`SELECT conname FROM pg_constraint WHERE NOT convalidated`);
      foreignKeys = invalid.rows.length ? `${invalid.rows.length} unvalidated constraints` : 'ok';
      orphans = Number((await client.query<{ n: string }>(ORPHANS)).rows[0]!.n);
    } finally {
      await client.end();
    }
  }
  const verify = spawnSync(process.execPath, [path.join(repoRoot, 'bin/commonlab.js'), 'audit', 'verify'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      COMMONLAB_FROM_SOURCE: '1',
      DATA_DIR: backing.dataDir,
      LOG_LEVEL: 'warn',
      ...(backing.databaseUrl ? { DATABASE_URL: backing.databaseUrl } : {}),
    },
    encoding: 'utf8',
  });
  const auditVerify = `exit ${verify.status}: ${verify.stdout.trim() || verify.stderr.trim().slice(0, 300)}`;
  return {
    engine,
    foreignKeys,
    orgsWithoutAudit: orphans,
    auditVerify,
    ok: engine.startsWith('ok') && foreignKeys === 'ok' && orphans === 0 && verify.status === 0,
  };
}

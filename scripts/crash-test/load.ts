import { Client } from '../lib/client.js';

// The write load and its client-side ledger. Each writer creates organisations and renames them; a
// write counts as acknowledged only when its 2xx answer arrived. A write in flight when the server was
// killed may or may not have committed: the ledger keeps it as `pending`, and the database may hold
// either the acknowledged value or the pending one, never anything else and never less.

export interface Entry {
  id: string;
  /** The last acknowledged name. */
  acked: string;
  /** A rename sent but not answered (the server died first). */
  pending: string | null;
}

export class Ledger {
  readonly entries = new Map<string, Entry>();
  acknowledged = 0;
  lost = 0;
}

let counter = 0;
const nextName = (writer: number) => `crash-${process.pid}-${writer}-${++counter}`;

/** Signed-in clients for the writers (before the kill timer starts, so a kill never lands in a sign-in). */
export async function signInWriters(baseUrl: string, writers: number): Promise<Client[]> {
  return Promise.all(
    Array.from({ length: writers }, (_, w) => new Client(baseUrl, `writer${w}`).signIn('admin')),
  );
}

/** Runs one loop per client until `stop` resolves; returns when every loop has ended. */
export async function writeLoad(clients: Client[], ledger: Ledger, stop: Promise<void>): Promise<void> {
  let stopped = false;
  void stop.then(() => {
    stopped = true;
  });
  const loops = clients.map(async (client, w) => {
    const mine: string[] = [];
    while (!stopped) {
      const rename = mine.length > 0 && counter % 3 === 0;
      const name = nextName(w);
      const id = rename ? mine[counter % mine.length]! : null;
      if (id) ledger.entries.get(id)!.pending = name;
      try {
        const r = id
          ? await client.request('PATCH', `/api/orgs/${id}`, { nameEn: name })
          : await client.request('POST', '/api/orgs', { nameZh: name, nameEn: name, type: 'other' });
        if (r.status < 200 || r.status >= 300) throw new Error(`${r.status} ${r.text.slice(0, 200)}`);
        ledger.acknowledged++;
        if (id) {
          const e = ledger.entries.get(id)!;
          e.acked = name;
          e.pending = null;
        } else {
          const created = JSON.parse(r.text) as { id: string };
          ledger.entries.set(created.id, { id: created.id, acked: name, pending: null });
          mine.push(created.id);
        }
      } catch (err) {
        // A refused request while the server is alive is a defect; a broken connection is the crash.
        if (!stopped && !/fetch failed|ECONNRESET|ECONNREFUSED|socket/i.test(String(err))) throw err;
        ledger.lost++;
        return;
      }
    }
  });
  await Promise.all(loops);
}

export interface LedgerCheck {
  checked: number;
  missing: string[];
  wrong: string[];
  pendingApplied: number;
}

/** Every acknowledged write is in the database (read back through the API, as admin). */
export async function checkLedger(baseUrl: string, ledger: Ledger): Promise<LedgerCheck> {
  const client = await new Client(baseUrl, 'checker').signIn('admin');
  const out: LedgerCheck = { checked: 0, missing: [], wrong: [], pendingApplied: 0 };
  for (const e of ledger.entries.values()) {
    const r = await client.request('GET', `/api/orgs/${e.id}`);
    out.checked++;
    if (r.status === 404) {
      out.missing.push(e.id);
      continue;
    }
    if (r.status !== 200) throw new Error(`GET /api/orgs/${e.id}: ${r.status} ${r.text.slice(0, 200)}`);
    const name = (JSON.parse(r.text) as { nameEn: string | null }).nameEn;
    if (e.pending !== null && name === e.pending) {
      out.pendingApplied++;
      e.acked = e.pending;
      e.pending = null;
    } else if (name !== e.acked) out.wrong.push(`${e.id}: has ${name}, acknowledged ${e.acked}`);
    e.pending = null;
  }
  return out;
}

import { performance } from 'node:perf_hooks';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { buildApp } from '../../server/app.js';
import type { Config } from '../../server/config.js';
import type { Database } from '../../server/db/database.js';
import { benchLogger } from './servers.js';

interface Step {
  what: string;
  start: number;
  end: number;
}

/** The first table a query node names (insert into, update, select from …), or its kind. */
function describe(node: RootOperationNode): string {
  const seen = new Set<unknown>();
  const find = (v: unknown): string | null => {
    if (!v || typeof v !== 'object' || seen.has(v)) return null;
    seen.add(v);
    const o = v as { kind?: string; table?: { identifier?: { name?: string } } };
    if (o.kind === 'TableNode' && o.table?.identifier?.name) return o.table.identifier.name;
    for (const x of Object.values(o)) {
      const found = find(x);
      if (found) return found;
    }
    return null;
  };
  const verb = node.kind.replace('QueryNode', '').replace('Node', '').toLowerCase();
  return `${verb} ${find(node) ?? ''}`.trim();
}

/** Times every statement a Kysely instance runs (from its compilation to its result). */
class StatementTimer implements KyselyPlugin {
  steps: Step[] = [];
  private open = new Map<unknown, Step>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const step = { what: describe(args.node), start: performance.now(), end: Number.NaN };
    this.open.set(args.queryId, step);
    this.steps.push(step);
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const step = this.open.get(args.queryId);
    if (step) step.end = performance.now();
    return args.result;
  }
}

/**
 * One submission through an app whose database connection times every statement, with nothing else in
 * flight: how many statements a submission makes, which, and how long the call's receipt counter row is
 * held (from the counter's upsert to the answer, which comes after the commit). Lines for the report.
 */
export async function traceSubmission(
  kind: string,
  database: Database,
  config: Config,
  draft: { appId: string; token: string },
  accepted: string[],
): Promise<string[]> {
  const timer = new StatementTimer();
  const app = await buildApp({
    config,
    database: { ...database, db: database.db.withPlugin(timer) },
    logger: benchLogger(),
  });
  try {
    await app.ready();
    timer.steps = [];
    const t0 = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: `/api/applications/${draft.appId}/submit`,
      headers: { authorization: `Bearer ${draft.token}` },
    });
    const t1 = performance.now();
    if (res.statusCode !== 200) throw new Error(`traced submission answered ${res.statusCode}`);
    accepted.push(draft.appId);
    const steps = timer.steps;
    const sqlMs = steps.reduce((s, x) => s + (x.end - x.start), 0);
    const counter = steps.findIndex((s) => s.what.includes('call_receipt_counters'));
    const held = counter >= 0 ? steps.slice(counter) : [];
    const heldSql = held.reduce((s, x) => s + (x.end - x.start), 0);
    const fmt = (xs: Step[]) => xs.map((s) => `${s.what} ${(s.end - s.start).toFixed(2)}`).join(', ');
    return [
      `${kind} trace of one submission (nothing else in flight): ${steps.length} statements, ${sqlMs.toFixed(1)} ms in them, ${(t1 - t0).toFixed(1)} ms to the answer`,
      `${kind} from the receipt counter to the answer: ${held.length} statements (${heldSql.toFixed(1)} ms in them), ${counter >= 0 ? (t1 - steps[counter]!.start).toFixed(1) : 'n/a'} ms held incl. the commit`,
      `${kind} statements (ms): ${fmt(steps)}`,
    ];
  } finally {
    await app.close();
  }
}

import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

/**
 * Which tables a `write` changed, so a cache of some tables' state is dropped only by the writes that can
 * change it (the sign-in lookups, docs/sign-in.md 'Lookup cache'; issue 16 round 13), not by every write of
 * the process. A generation is a count of finished writes that changed at least one of its tables.
 */
interface Watch {
  tables: ReadonlySet<string>;
  generation: number;
}
const watches: Watch[] = [];

/**
 * A generation of `tables`: it grows after each `write` (committed or rolled back) whose transaction ran an
 * insert, update, delete or merge naming one of them, and after each `writeCommittedOutside`. Register
 * once, at module load.
 */
export function generationOf(tables: readonly string[]): () => number {
  const watch: Watch = { tables: new Set(tables), generation: 0 };
  watches.push(watch);
  return () => watch.generation;
}

/** Counts a finished write that changed `changed` (every watch when `changed` is null: unknown). */
export function countChange(changed: ReadonlySet<string> | null): void {
  for (const w of watches) {
    if (changed === null || [...changed].some((t) => w.tables.has(t))) w.generation++;
  }
}

const MUTATIONS = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);
const MUTATING_SQL = /\b(insert|update|delete|replace|merge|truncate|drop|alter)\b/i;
const WORDS = /[a-z_][a-z0-9_]*/gi;

/**
 * The Kysely plugin a `write` puts on its transaction: records the tables of every changing statement.
 * Every table node of the statement counts (a table read in a subquery too): naming too many only drops
 * a cache more often. A raw statement (`sql\`…\``) that changes something counts every word of its text as
 * a table name, for the same reason.
 */
export class ChangedTables implements KyselyPlugin {
  readonly tables = new Set<string>();

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (MUTATIONS.has(node.kind)) collectTables(node, this.tables);
    else if (node.kind === 'RawNode') {
      const text = node.sqlFragments.join(' ');
      if (MUTATING_SQL.test(text)) {
        for (const w of text.match(WORDS) ?? []) this.tables.add(w.toLowerCase());
        collectTables(node.parameters, this.tables);
      }
    } else if ('with' in node && node.with) collectTables(node.with, this.tables); // a data-changing CTE
    return node;
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

// Nodes that hold bound values (rows to insert, parameters, a file's bytes): nothing to walk in them.
const VALUES = new Set(['ValueNode', 'PrimitiveValueListNode', 'DefaultInsertValueNode']);

function collectTables(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const n of node) collectTables(n, into);
    return;
  }
  const op = node as (OperationNode & { table?: { identifier?: { name?: string } } }) | null;
  // Only operation nodes are walked: a plain value (a Buffer, a JSON object) is never looked into.
  if (!op || typeof op !== 'object' || typeof op.kind !== 'string' || VALUES.has(op.kind)) return;
  if (op.kind === 'TableNode' && op.table?.identifier?.name) {
    into.add(op.table.identifier.name);
    return;
  }
  for (const v of Object.values(op)) if (v && typeof v === 'object') collectTables(v, into);
}

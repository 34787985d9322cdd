import type { Flag, Timestamp, WithDefault } from './columns.js';

// The open-data service (issue 15; migration 0021; ADR 0016).
/** The public projection of one open record as last published; a withdrawn record keeps its row. */
export interface OpenDataRecordsTable {
  /** platforms | units | fields | calls | projects | results | technologies | statistics */
  dataset: string;
  record_id: string;
  /** JSON of the public projection; null once withdrawn */
  body_json: string | null;
  /** sha256 of the canonical JSON of the projection ('' when withdrawn) */
  hash: string;
  /** the change sequence at which the record first appeared */
  created_seq: number;
  /** the change sequence of the record's latest change; unique across datasets */
  seq: number;
  changed_at: Timestamp;
  withdrawn: WithDefault<Flag>;
}

/** One row (id 1): the newest change sequence handed out and when the projection was last compared. */
export interface OpenDataStateTable {
  id: number;
  last_seq: number;
  synced_at: Timestamp | null;
}

export interface OpenDataTables {
  open_data_records: OpenDataRecordsTable;
  open_data_state: OpenDataStateTable;
}

export const OPEN_DATA_TABLES = [
  'open_data_records',
  'open_data_state',
] as const satisfies readonly (keyof OpenDataTables)[];

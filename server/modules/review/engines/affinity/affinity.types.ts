/** One past output of an expert (publication, patent, project): its title and abstract. */
export interface AffinityOutput {
  title: string;
  abstract?: string;
}

/** An expert as the affinity engine sees them: free text in Chinese and/or English, outputs, fields. */
export interface AffinityExpert {
  id: string;
  expertise: string;
  outputs: readonly AffinityOutput[];
  /** Field codes of the taxonomy (e.g. `energy.offshore_wind`); optional. */
  fields?: readonly string[];
}

/** An application (or any item to review): title, summary/objectives, optional field code. */
export interface AffinityItem {
  id: string;
  title: string;
  summary: string;
  field?: string | null;
}

/**
 * The seam for affinity models. The default is offline and lexical; a customer may plug in an embedding
 * model loaded from disk. Call `prepare` once with every expert (corpus statistics, profile vectors),
 * optionally `prepareItems` (an embedding model batches its encoder there), then `score` per pair.
 */
export interface AffinityModel {
  readonly name: string;
  readonly version: string;
  prepare(experts: readonly AffinityExpert[]): void | Promise<void>;
  prepareItems?(items: readonly AffinityItem[]): void | Promise<void>;
  /** Affinity in [0, 1]; higher means the expert is better placed to review the item. Deterministic. */
  score(expert: AffinityExpert, item: AffinityItem): number;
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type {
  AffinityExpert,
  AffinityItem,
} from '../../server/modules/review/engines/affinity/affinity.types.js';
import type { ExpertiseRating } from '../../server/modules/review/engines/affinity/ranking-loss.js';

/**
 * The gold-standard reviewer–paper expertise set of Stelmakh, Wieting, Xi, Neubig and Shah ("A Gold
 * Standard Dataset for the Reviewer Assignment Problem", TMLR 2025; github.com/niharshah/
 * goldstandard-reviewer-paper-match): researchers rated their expertise (1–5) to review papers they
 * had read. It is not redistributed here; point AFFINITY_GOLD_DIR at a clone of that repository.
 * The layout read is the repository's: data/evaluations.csv (tab-separated: ParticipantID,
 * Paper1–10, Expertise1–10) and evaluation_datasets/d_20_N/ (archives/~<participant>.jsonl with the
 * reviewer's profile papers, submissions.json with the rated papers), in the OpenReview format.
 */
export interface GoldSet {
  dataset: string;
  experts: AffinityExpert[];
  items: AffinityItem[];
  ratings: ExpertiseRating[];
}

interface OpenReviewNote {
  id: string;
  content: { title?: string | null; abstract?: string | null };
}

/** The d_20_N profile datasets present under the clone, in order. */
export function goldDatasets(root: string): string[] {
  const dir = path.join(root, 'evaluation_datasets');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((d) => /^d_20_\d+$/.test(d))
    .sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));
}

/** Reads one profile dataset with the ratings of the participants it has a profile for. */
export function loadGoldSet(root: string, dataset: string): GoldSet {
  const dir = path.join(root, 'evaluation_datasets', dataset);
  const submissions = JSON.parse(readFileSync(path.join(dir, 'submissions.json'), 'utf8')) as Record<
    string,
    OpenReviewNote
  >;
  const items = Object.values(submissions).map((n) => ({
    id: n.id,
    title: n.content.title ?? '',
    summary: n.content.abstract ?? '',
  }));
  const known = new Set(items.map((i) => i.id));
  const experts: AffinityExpert[] = [];
  const ratings: ExpertiseRating[] = [];
  const lines = readFileSync(path.join(root, 'data', 'evaluations.csv'), 'utf8')
    .split('\n')
    .slice(1);
  for (const line of lines) {
    const cells = line.split('\t');
    const participant = cells[0]?.trim();
    const archive = path.join(dir, 'archives', `~${participant}.jsonl`);
    if (!participant || !existsSync(archive)) continue;
    const profile = readFileSync(archive, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as OpenReviewNote);
    experts.push({
      id: participant,
      expertise: '',
      outputs: profile.map((n) => ({ title: n.content.title ?? '', abstract: n.content.abstract ?? '' })),
    });
    for (let k = 1; k <= 10; k++) {
      const item = cells[k]?.trim();
      const expertise = Number(cells[k + 10]);
      if (item && known.has(item) && Number.isFinite(expertise) && cells[k + 10]!.trim() !== '')
        ratings.push({ expert: participant, item, expertise });
    }
  }
  return { dataset, experts, items, ratings };
}

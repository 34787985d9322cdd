import type { Writable } from 'node:stream';
import { InputProblem, readAffinityInputs } from './affinity.input.js';
import type { AffinityModel } from './affinity.types.js';
import { createBilingualModel, createTfidfWordModel } from './lexical-model.js';

/** The models `commonlab affinity --model` can pick. */
export const CLI_MODELS: Record<string, () => AffinityModel> = {
  bilingual: createBilingualModel,
  tfidf: createTfidfWordModel,
};

/** Writes `chunk`, waiting for the stream to drain so millions of lines do not pile up in memory. */
function write(out: Writable, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.write(chunk, (err) => (err ? reject(err) : undefined))) resolve();
    else out.once('drain', resolve);
  });
}

/**
 * `commonlab affinity --experts E --items I [--model bilingual|tfidf]`: one JSON line per (expert, item)
 * pair, experts in file order, items in file order within each expert. Returns the exit code; invalid
 * input prints a problem+json document on `out` and returns 2.
 */
export async function runAffinityCommand(
  opts: { experts: string; items: string; model?: string },
  out: Writable = process.stdout,
): Promise<number> {
  try {
    const make = CLI_MODELS[opts.model ?? 'bilingual'];
    if (!make) {
      throw new InputProblem({
        type: 'urn:commonlab:problem:request.invalid',
        title: 'The request is invalid',
        status: 400,
        code: 'request.invalid',
        detail: `--model must be one of ${Object.keys(CLI_MODELS).join(', ')}`,
      });
    }
    const { experts, items } = await readAffinityInputs(opts.experts, opts.items);
    const model = make();
    await model.prepare(experts);
    await model.prepareItems?.(items);
    let buf = '';
    for (const e of experts) {
      for (const i of items) {
        // Six decimals: plenty to rank, and the output stays stable and readable.
        const score = Math.round(model.score(e, i) * 1e6) / 1e6;
        buf += `${JSON.stringify({ expert: e.rawId, item: i.rawId, score })}\n`;
        if (buf.length > 64_000) {
          await write(out, buf);
          buf = '';
        }
      }
    }
    if (buf) await write(out, buf);
    return 0;
  } catch (err) {
    if (!(err instanceof InputProblem)) throw err;
    await write(out, `${JSON.stringify(err.problem)}\n`);
    return 2;
  }
}

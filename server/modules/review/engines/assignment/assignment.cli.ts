import { readFile } from 'node:fs/promises';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { ASSIGNMENT_MODES, type AssignmentMode, assign } from './assign.js';
import { AssignmentError, invalidInstance } from './instance.js';

const integer = (min: number, max: number) => (raw: string) => {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max)
    throw new InvalidArgumentError(`expected an integer in ${min}..${max}`);
  return n;
};

/** Adds `commonlab assign --input FILE [--mode …] [--seed N] [--top T]` (no database needed). */
export function registerAssignCommand(program: Command): void {
  program
    .command('assign')
    .description(
      'Assign reviewers offline from an instance file (issue 5); prints the result or a problem as JSON',
    )
    .requiredOption(
      '--input <file>',
      'instance JSON: {k, composition?, experts, applications, affinity, conflicts?, pins?, forbid?, top?}',
    )
    .addOption(new Option('--mode <mode>', 'assignment mode').choices(ASSIGNMENT_MODES).default('optimal'))
    .option(
      '--seed <n>',
      'random/hybrid seed, 0..4294967295 (a fresh one is reported when omitted)',
      integer(0, 0xffffffff),
    )
    .option(
      '--top <n>',
      'hybrid: draw from each application’s top N candidates (default 2k)',
      integer(1, 100_000),
    )
    .action(async (o: { input: string; mode: AssignmentMode; seed?: number; top?: number }) => {
      const text = await readFile(o.input, 'utf8');
      try {
        const result = assign(parseJson(text), { mode: o.mode, seed: o.seed, top: o.top });
        process.stdout.write(`${JSON.stringify(result)}\n`);
      } catch (err) {
        if (!(err instanceof AssignmentError)) throw err;
        process.stdout.write(`${JSON.stringify(err.problem)}\n`);
        process.exitCode = 1;
      }
    });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw invalidInstance([{ pointer: '', code: 'malformed_json', message: (err as Error).message }]);
  }
}

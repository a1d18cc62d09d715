/**
 * Scores a CSV of ratios with the committed model:
 *   pnpm --silent --filter @keeper/credit-model run score --input <file.csv> [--model <model.json>]
 * The input has the training file's header (attr1 … attr64, optionally bankrupt; an empty cell is
 * a missing value). Writes to stdout `row,pd,score,grade,reasons` (see scoreCsv).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { committedModel } from '../committed';
import { loadModel } from '../model';
import { scoreCsv } from '../score-csv';
import { parseArgs } from './args';

function main(): void {
  const args = parseArgs(process.argv.slice(2), ['input', 'model']);
  if (!args.input) throw new Error('--input <file.csv> is required');
  // pnpm runs a package's scripts in the package folder; INIT_CWD is where the command was typed.
  const base = process.env.INIT_CWD ?? process.cwd();
  const model = args.model ? loadModel(JSON.parse(readFileSync(path.resolve(base, args.model), 'utf8'))) : committedModel();
  process.stdout.write(scoreCsv(model, readFileSync(path.resolve(base, args.input), 'utf8')));
}

try {
  main();
} catch (error) {
  process.stderr.write(`score: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

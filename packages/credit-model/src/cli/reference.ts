/**
 * Writes src/model/reference.json (the quartiles of each model ratio over the training companies
 * that did not go bankrupt) without retraining; `train` writes the same file with the model.
 *   pnpm --filter @keeper/credit-model run reference [--data <train.csv>]
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseRatioTable } from '../dataset';
import { FEATURE_DEFINITIONS } from '../features';
import { referenceStatistics } from '../reference';
import { parseArgs } from './args';

const packageDir = path.resolve(__dirname, '../..');
const repoRoot = path.resolve(packageDir, '../..');

try {
  const args = parseArgs(process.argv.slice(2), ['data']);
  const dataPath = path.resolve(repoRoot, args.data ?? '../shared/datasets/polish-bankruptcy/train.csv');
  const bytes = readFileSync(dataPath);
  const table = parseRatioTable(bytes.toString('utf8'), FEATURE_DEFINITIONS.map((f) => f.key));
  const dataset = { path: path.relative(repoRoot, dataPath).split(path.sep).join('/'), sha256: createHash('sha256').update(bytes).digest('hex') };
  const reference = referenceStatistics(table.rows, dataset);
  writeFileSync(path.join(packageDir, 'src/model/reference.json'), `${JSON.stringify(reference, null, 2)}\n`);
  process.stdout.write(`reference.json: ${reference.dataset.notBankrupt} companies that did not go bankrupt\n`);
} catch (error) {
  process.stderr.write(`reference: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

/**
 * Trains the credit model on the labelled ratios and writes, next to the model code,
 * src/model/credit-model.json (the model), training-report.json and TRAINING-REPORT.md.
 *   pnpm --filter @keeper/credit-model run train [--data <train.csv>]
 * The default data is ../shared/datasets/polish-bankruptcy/train.csv from the repository root.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseRatioTable } from '../dataset';
import { FEATURE_DEFINITIONS } from '../features';
import { referenceStatistics } from '../reference';
import { renderReport } from '../training/report';
import { trainCreditModel } from '../training/train';
import { MODEL_VERSION } from '../version';
import { parseArgs } from './args';

const packageDir = path.resolve(__dirname, '../..');
const repoRoot = path.resolve(packageDir, '../..');
const DEFAULT_DATA = '../shared/datasets/polish-bankruptcy/train.csv';

function main(): void {
  const args = parseArgs(process.argv.slice(2), ['data']);
  const dataPath = path.resolve(repoRoot, args.data ?? DEFAULT_DATA);
  const bytes = readFileSync(dataPath);
  const table = parseRatioTable(
    bytes.toString('utf8'),
    FEATURE_DEFINITIONS.map((f) => f.key),
  );
  if (!table.hasLabel || table.rows.some((r) => r.bankrupt === null)) throw new Error('every training row needs a bankrupt label (0 or 1)');
  const dataset = { path: path.relative(repoRoot, dataPath).split(path.sep).join('/'), sha256: createHash('sha256').update(bytes).digest('hex') };
  const modelDir = path.join(packageDir, 'src/model');
  writeFileSync(path.join(modelDir, 'reference.json'), `${JSON.stringify(referenceStatistics(table.rows, dataset), null, 2)}\n`);
  const started = Date.now();
  const { file, report } = trainCreditModel(
    { ratios: table.rows.map((r) => r.ratios), labels: table.rows.map((r) => r.bankrupt as 0 | 1) },
    dataset,
    MODEL_VERSION,
  );
  writeFileSync(path.join(modelDir, 'credit-model.json'), `${JSON.stringify(file, null, 1)}\n`);
  writeFileSync(path.join(modelDir, 'training-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(modelDir, 'TRAINING-REPORT.md'), renderReport(report));
  const cv = report.crossValidation;
  process.stdout.write(
    `${MODEL_VERSION}: ${report.trees.count} trees of depth ${report.chosen.depth}; ` +
      `5-fold CV AUC ${cv.meanAuc.toFixed(4)} ± ${cv.sdAuc.toFixed(4)}, KS ${cv.ks.toFixed(3)} ` +
      `(${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
}

try {
  main();
} catch (error) {
  process.stderr.write(`train: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

import { formatCsvRecord } from './csv';
import { parseRatioTable } from './dataset';
import type { CreditModel } from './model';
import { scoreRatios } from './score';

export const SCORE_CSV_HEADER = 'row,pd,score,grade,reasons';

/**
 * Scores every data row of a ratio CSV (the training file's header; empty cells are missing
 * values, and such rows are scored, not dropped). Returns the CSV `row,pd,score,grade,reasons`,
 * `row` counting data rows from 1, `pd` to six decimals, `reasons` the codes joined by "|".
 */
export function scoreCsv(model: CreditModel, csvText: string): string {
  const table = parseRatioTable(
    csvText,
    model.features.map((f) => f.key),
  );
  const lines = [SCORE_CSV_HEADER];
  table.rows.forEach((row, i) => {
    const d = scoreRatios(model, row.ratios);
    lines.push(formatCsvRecord([String(i + 1), d.pd.toFixed(6), String(d.score), d.grade, d.reasons.map((r) => r.code).join('|')]));
  });
  return `${lines.join('\n')}\n`;
}

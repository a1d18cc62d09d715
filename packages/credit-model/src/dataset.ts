import { type AttrKey, type Ratios, isAttrKey } from './attributes';
import { CsvError, parseCsv } from './csv';

/** One data row of a ratio file: its ratios and, in labelled files, whether the company went bankrupt. */
export interface RatioRow {
  ratios: Ratios;
  bankrupt: 0 | 1 | null;
}

export interface RatioTable {
  columns: AttrKey[];
  hasLabel: boolean;
  rows: RatioRow[];
}

/**
 * Reads a file with the training file's header (`attr1` … `attr64`, optionally `bankrupt`; other
 * columns are ignored). An empty cell, or the original data's `?`, is a missing value; any other
 * cell must be a number (`Infinity` and `-Infinity` included, for a zero denominator). `required`
 * names the columns the caller cannot do without.
 */
export function parseRatioTable(text: string, required: readonly AttrKey[] = []): RatioTable {
  const records = parseCsv(text);
  if (records.length === 0) throw new CsvError('the file is empty (no header)', 1);
  const header = records[0].map((h) => h.trim());
  const columns: { key: AttrKey; index: number }[] = [];
  let labelIndex = -1;
  header.forEach((name, index) => {
    if (isAttrKey(name)) columns.push({ key: name, index });
    else if (name === 'bankrupt') labelIndex = index;
  });
  const present = new Set(columns.map((c) => c.key));
  const missing = required.filter((k) => !present.has(k));
  if (missing.length > 0) throw new CsvError(`the header lacks the column(s) ${missing.join(', ')}`, 1);

  const rows = records.slice(1).map((record, r) => {
    const rowNumber = r + 1;
    if (record.length !== header.length) {
      throw new CsvError(`data row ${rowNumber} has ${record.length} fields, the header has ${header.length}`, r + 2);
    }
    const ratios: Ratios = {};
    for (const { key, index } of columns) ratios[key] = parseCell(record[index], rowNumber, key, r + 2);
    let bankrupt: 0 | 1 | null = null;
    if (labelIndex >= 0) {
      const cell = record[labelIndex].trim();
      if (cell === '1') bankrupt = 1;
      else if (cell === '0') bankrupt = 0;
      else if (cell !== '') throw new CsvError(`data row ${rowNumber}: bankrupt must be 0 or 1, not "${cell}"`, r + 2);
    }
    return { ratios, bankrupt };
  });
  return { columns: columns.map((c) => c.key), hasLabel: labelIndex >= 0, rows };
}

function parseCell(cell: string, rowNumber: number, key: AttrKey, line: number): number | null {
  const text = cell.trim();
  if (text === '' || text === '?') return null;
  const value = Number(text);
  if (Number.isNaN(value)) throw new CsvError(`data row ${rowNumber}, ${key}: "${cell}" is not a number`, line);
  return value;
}

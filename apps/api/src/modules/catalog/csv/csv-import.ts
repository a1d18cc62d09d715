import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainError, FieldError, validationFailed } from '../../../common/errors';
import { flattenValidationErrors } from '../../../common/validation';
import type { ImportFieldErrorDto, ImportMode, ImportPreviewDto } from '../catalog.dto';
import { CsvError, parseCsv, restoreFormula } from './csv';

/**
 * Turns CSV rows into create-DTOs validated by the very rules the JSON API applies, and reports
 * every problem by row number and CSV column name.
 */

export interface ImportColumn {
  /** Header name as documented ("payment_terms_days"); headers match case-insensitively. */
  name: string;
  /** Property path in the create DTO ("billingAddress.line1"). */
  path: string;
  /** Cell text to the DTO's input type; leave unparseable text as is so validation names it. */
  parse?: (cell: string) => unknown;
}

export interface ImportSchema<D extends object> {
  columns: readonly ImportColumn[];
  required: readonly string[];
  dto: ClassConstructor<D>;
}

export interface ImportRow<D> {
  row: number;
  values: Record<string, string>;
  dto: D | null;
  errors: FieldError[];
}

export const MAX_IMPORT_ROWS = 10_000;

export const parseInteger = (cell: string): unknown => (/^[+-]?\d{1,9}$/.test(cell) ? Number(cell) : cell);

export function parseBoolean(cell: string): unknown {
  const v = cell.toLowerCase();
  if (['true', 'yes', 'y', '1'].includes(v)) return true;
  if (['false', 'no', 'n', '0'].includes(v)) return false;
  return cell;
}

const normaliseHeader = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

const csvField = (message: string): DomainError =>
  validationFailed([{ field: 'csv', code: 'invalid_csv', message }]);

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] = (node[part] as Record<string, unknown> | undefined) ?? {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

/** Reads the file and validates each data row against the schema's DTO. */
export function readImport<D extends object>(csv: string, schema: ImportSchema<D>) {
  let records: string[][];
  try {
    records = parseCsv(csv);
  } catch (e) {
    if (e instanceof CsvError) throw csvField(e.message);
    throw e;
  }
  const [header, ...data] = records;
  if (!header || header.every((h) => h.trim() === '')) {
    throw csvField('is empty; the first row must name the columns');
  }
  const byName = new Map(schema.columns.map((c) => [c.name, c]));
  const names = header.map(normaliseHeader);
  const seen = new Set<string>();
  for (const name of names) {
    if (name !== '' && byName.has(name) && seen.has(name)) throw csvField(`names the column "${name}" twice`);
    seen.add(name);
  }
  const missing = schema.required.filter((r) => !seen.has(r));
  if (missing.length > 0) throw csvField(`has no ${missing.map((m) => `"${m}"`).join(', ')} column in its first row`);
  if (data.length > MAX_IMPORT_ROWS) throw csvField(`has more than ${MAX_IMPORT_ROWS} rows; split the file`);

  const columns = names.filter((n) => byName.has(n));
  const ignoredColumns = header.filter((_, i) => names[i] !== '' && !byName.has(names[i]));
  const pathToColumn = new Map(schema.columns.map((c) => [c.path, c.name]));

  const rows: ImportRow<D>[] = [];
  data.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const values: Record<string, string> = {};
    const plain: Record<string, unknown> = {};
    names.forEach((name, i) => {
      const column = byName.get(name);
      if (!column) return;
      const cell = restoreFormula(cells[i] ?? '').trim();
      values[name] = cell;
      if (cell !== '') setPath(plain, column.path, column.parse ? column.parse(cell) : cell);
    });
    const errors: FieldError[] = [];
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== '')) {
      errors.push({
        field: 'row',
        code: 'too_many_cells',
        message: `has ${cells.length} cells but the first row names ${header.length} columns`,
      });
    }
    const dto = plainToInstance(schema.dto, plain);
    const invalid = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
    for (const e of flattenValidationErrors(invalid)) errors.push({ ...e, field: columnFor(e.field, pathToColumn) });
    rows.push({ row, values, dto: errors.length === 0 ? dto : null, errors });
  });
  return { columns, ignoredColumns, rows };
}

function columnFor(path: string, pathToColumn: Map<string, string>): string {
  const exact = pathToColumn.get(path);
  if (exact) return exact;
  for (const [p, name] of pathToColumn) if (p.startsWith(`${path}.`)) return name;
  return path;
}

/**
 * A row-level error found after DTO validation (a lookup, a duplicate, a currency's precision);
 * `error.field` may be a DTO path, which is reported as its CSV column.
 */
export function addRowError(schema: ImportSchema<object>, row: ImportRow<unknown>, error: FieldError) {
  row.errors.push({ ...error, field: columnFor(error.field, new Map(schema.columns.map((c) => [c.path, c.name]))) });
  row.dto = null;
}

export function previewOf(file: { columns: string[]; ignoredColumns: string[]; rows: ImportRow<unknown>[] }): ImportPreviewDto {
  const valid = file.rows.filter((r) => r.errors.length === 0).length;
  return {
    columns: file.columns,
    ignoredColumns: file.ignoredColumns,
    rows: file.rows.map((r) => ({
      row: r.row,
      values: r.values,
      valid: r.errors.length === 0,
      errors: r.errors.map((e) => ({ row: r.row, ...e })),
    })),
    counts: { total: file.rows.length, valid, invalid: file.rows.length - valid },
  };
}

export function rowErrors(rows: ImportRow<unknown>[]): ImportFieldErrorDto[] {
  return rows.flatMap((r) => r.errors.map((e) => ({ row: r.row, ...e })));
}

/**
 * What to import under the chosen mode. All-or-nothing with any bad row is refused as a whole,
 * naming each bad cell as `rows.<row>.<column>`.
 */
export function rowsToImport<D>(rows: ImportRow<D>[], mode: ImportMode): ImportRow<D>[] {
  const bad = rows.filter((r) => r.errors.length > 0);
  if (mode === 'all-or-nothing' && bad.length > 0) {
    const list = bad.slice(0, 20).map((r) => r.row).join(', ');
    throw new DomainError(
      'VALIDATION_FAILED',
      `Nothing was imported: ${bad.length} of ${rows.length} rows have errors (row${bad.length === 1 ? '' : 's'} ${list}${bad.length > 20 ? ', …' : ''})`,
      { fields: bad.flatMap((r) => r.errors.map((e) => ({ ...e, field: `rows.${r.row}.${e.field}` }))) },
    );
  }
  return rows.filter((r) => r.errors.length === 0);
}

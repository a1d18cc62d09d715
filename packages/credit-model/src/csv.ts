/**
 * RFC 4180 CSV, as far as the scoring files need it: quoted fields (with "" for a quote, and
 * commas or line breaks inside), LF or CRLF line ends, a UTF-8 byte-order mark, and a last line
 * with or without its line end. Pure string functions: the command-line tools do the file I/O.
 */

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvError';
  }
}

/** Splits CSV text into records of fields. Blank lines (outside quotes) are skipped. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let inQuotes = false;
  let quotedField = false;
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const endRecord = () => {
    record.push(field);
    // A line holding nothing at all is a blank line, not a record with one empty field.
    if (!(record.length === 1 && record[0] === '' && !quotedField)) records.push(record);
    record = [];
    field = '';
    quotedField = false;
  };

  for (; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (field !== '') throw new CsvError('a quote may only start a field', line);
      inQuotes = true;
      quotedField = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
      quotedField = false;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
    } else {
      if (quotedField) throw new CsvError('text after the closing quote of a field', line);
      field += c;
    }
  }
  if (inQuotes) throw new CsvError('a quoted field is not closed', line);
  if (field !== '' || record.length > 0 || quotedField) endRecord();
  return records;
}

/** One CSV line (without its line end); fields with a comma, quote or line break are quoted. */
export function formatCsvRecord(fields: readonly string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
}

/**
 * RFC 4180 CSV, pure: comma-separated fields, records ended by CRLF (LF and a lone CR are also
 * accepted on input), fields that hold a comma, quote or line break wrapped in double quotes with
 * inner quotes doubled. A leading UTF-8 byte order mark is dropped on input and optionally written
 * on output (Excel needs it to read UTF-8).
 */

export class CsvError extends Error {
  constructor(
    message: string,
    /** 1-based record number (what a spreadsheet shows as the row) where the problem starts. */
    readonly row: number,
  ) {
    super(message);
  }
}

const BOM = '\uFEFF';

/**
 * Parses CSV text into records of fields. A trailing line break does not add an empty record.
 * Lenient where it loses nothing: a quote inside an unquoted field is kept literally (12" pipe).
 * Strict where guessing would: an unterminated quoted field, or text after a closing quote.
 */
export function parseCsv(input: string): string[][] {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  // Whether the current record has started (so "a\n" is one record, and "" is none).
  let inRecord = false;

  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
    inRecord = false;
  };

  while (i < n) {
    const c = text[i];
    // A quote opens a quoted field only at the very start of a field (a closed quoted field can
    // only be followed by a separator, so an empty \`field\` here means a field starts).
    if (c === '"' && field === '') {
      const startRow = records.length + 1;
      inRecord = true;
      i++;
      for (;;) {
        if (i >= n) throw new CsvError(`row ${startRow}: a quoted field is not closed`, startRow);
        const d = text[i];
        if (d === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += d;
        i++;
      }
      const next = text[i];
      if (i < n && next !== ',' && next !== '\r' && next !== '\n') {
        throw new CsvError(`row ${startRow}: unexpected text after a closing quote`, startRow);
      }
      continue;
    }
    if (c === ',') {
      inRecord = true;
      endField();
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    inRecord = true;
    field += c;
    i++;
  }
  if (inRecord) endRecord();
  return records;
}

// A leading BOM character is quoted too, or a reader would drop it as the file's byte order mark.
const NEEDS_QUOTES = /[",\r\n]|^\uFEFF/;

function writeField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes records as CSV with CRLF line ends. A record that is a single empty field is written as
 * `""` so it survives a round trip (an empty line would read back as no record).
 */
export function writeCsv(records: readonly (readonly string[])[], opts: { bom?: boolean } = {}): string {
  const lines = records.map((r) => (r.length === 1 && r[0] === '' ? '""' : r.map(writeField).join(',')));
  return (opts.bom ? BOM : '') + lines.map((l) => `${l}\r\n`).join('');
}

// OWASP CSV injection: a spreadsheet evaluates a cell starting with one of = + - @ tab CR as a
// formula. Values that already start with apostrophes before such a character get one more, so
// that `restoreFormula` can undo exactly what was added.
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;

/** Makes a cell inert in spreadsheets by prefixing a formula-like value with an apostrophe. */
export function neutraliseFormula(value: string): string {
  return FORMULA_LIKE.test(value) ? `'${value}` : value;
}

/** Reverses `neutraliseFormula`, so a file we exported imports back unchanged. */
export function restoreFormula(value: string): string {
  return value.startsWith("'") && FORMULA_LIKE.test(value) ? value.slice(1) : value;
}

import { CsvError, formatCsvRecord, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks inside', () => {
    expect(parseCsv('a,"b,c","say ""hi""","two\nlines"\n')).toEqual([['a', 'b,c', 'say "hi"', 'two\nlines']]);
  });

  it('accepts CRLF and LF line ends, a missing final line end and a byte-order mark', () => {
    expect(parseCsv('\ufeffa,b\r\n1,2\r\n3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseCsv('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps empty cells, including a trailing one, and skips blank lines', () => {
    expect(parseCsv('a,b,c\n1,,\n\n,2,3\r\n\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', ''],
      ['', '2', '3'],
    ]);
    expect(parseCsv('""\n')).toEqual([['']]);
  });

  it('refuses an unclosed quote and text after a closing quote, naming the line', () => {
    expect(() => parseCsv('a\n"open')).toThrow(new CsvError('a quoted field is not closed', 2));
    expect(() => parseCsv('"a"b')).toThrow(CsvError);
    expect(() => parseCsv('a"b"')).toThrow(/line 1: a quote may only start a field/);
  });
});

describe('formatCsvRecord', () => {
  it('quotes only fields that need it and round-trips through parseCsv', () => {
    const fields = ['1', 'plain', 'a,b', 'say "hi"', 'x\ny', ''];
    const line = formatCsvRecord(fields);
    expect(line).toBe('1,plain,"a,b","say ""hi""","x\ny",');
    expect(parseCsv(line)).toEqual([fields]);
  });
});

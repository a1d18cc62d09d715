import fc from 'fast-check';
import { CsvError, neutraliseFormula, parseCsv, restoreFormula, writeCsv } from './csv';

describe('parseCsv', () => {
  it.each([
    ['empty input', '', []],
    ['one record, no line end', 'a,b,c', [['a', 'b', 'c']]],
    ['CRLF records and a trailing CRLF', 'a,b\r\nc,d\r\n', [['a', 'b'], ['c', 'd']]],
    ['LF and lone CR line ends', 'a\nb\rc', [['a'], ['b'], ['c']]],
    ['empty fields', ',a,,\r\n', [['', 'a', '', '']]],
    ['quoted comma', '"a,b",c', [['a,b', 'c']]],
    ['doubled quotes', '"say ""hi""",x', [['say "hi"', 'x']]],
    ['line breaks inside quotes', '"line 1\r\nline 2\nline 3",z\r\nnext', [['line 1\r\nline 2\nline 3', 'z'], ['next']]],
    ['empty quoted field', '"",""', [['', '']]],
    ['a BOM at the start', '\uFEFFname,email\r\nLi,li@example.com', [['name', 'email'], ['Li', 'li@example.com']]],
    ['a quote inside an unquoted field is literal', '12" pipe,3', [['12" pipe', '3']]],
    ['spaces are data', ' a , b ', [[' a ', ' b ']]],
    ['a blank line is a record with one empty field', 'a\r\n\r\nb', [['a'], [''], ['b']]],
    ['Chinese text', '名称,税号\r\n茶馆,91310000', [['名称', '税号'], ['茶馆', '91310000']]],
  ])('reads %s', (_label, input, expected) => {
    expect(parseCsv(input)).toEqual(expected);
  });

  it('refuses an unterminated quoted field and names the row', () => {
    expect(() => parseCsv('a\r\nb\r\n"never closed,\r\nc')).toThrow(new CsvError('row 3: a quoted field is not closed', 3));
  });

  it('refuses text after a closing quote', () => {
    expect(() => parseCsv('"a"b,c')).toThrow(/row 1: unexpected text after a closing quote/);
  });
});

describe('writeCsv', () => {
  it('quotes only what needs quoting and ends records with CRLF', () => {
    expect(writeCsv([['a', 'b,c', 'say "hi"', 'two\nlines', '']])).toBe('a,"b,c","say ""hi""","two\nlines",\r\n');
  });

  it('writes a BOM when asked', () => {
    expect(writeCsv([['x']], { bom: true })).toBe('\uFEFFx\r\n');
  });

  it('keeps a record that is one empty field', () => {
    expect(writeCsv([['']])).toBe('""\r\n');
    expect(parseCsv(writeCsv([['']]))).toEqual([['']]);
  });
});

describe('CSV round trip (property)', () => {
  // Fields drawn heavily from the characters CSV treats specially.
  const field = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\r', '\n', ' ', '=', '茶', '\uFEFF'), maxLength: 8 }),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 6 }),
  );
  const records = fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { maxLength: 8 });

  it('parse(write(records)) returns the records, with or without a BOM', () => {
    fc.assert(
      fc.property(records, fc.boolean(), (rs, bom) => {
        expect(parseCsv(writeCsv(rs, { bom }))).toEqual(rs);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads LF-only files the same as CRLF ones when no field holds a line break', () => {
    const plain = fc.array(fc.array(fc.string({ unit: fc.constantFrom('a', ',', '"', ' '), maxLength: 5 }), { minLength: 1, maxLength: 4 }), {
      maxLength: 6,
    });
    fc.assert(
      fc.property(plain, (rs) => {
        expect(parseCsv(writeCsv(rs).replace(/\r\n/g, '\n'))).toEqual(rs);
      }),
    );
  });
});

describe('formula injection guard', () => {
  it.each(['=1+1', '+1 555 0100', '-2', '@SUM(A1)', '\tx', '\rx'])('neutralises %j', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it.each(['Lotus', '1+1', "'quoted", ''])('leaves %j alone', (value) => {
    expect(neutraliseFormula(value)).toBe(value);
  });

  it('restores exactly what it neutralised', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), (value) => {
        expect(restoreFormula(neutraliseFormula(value))).toBe(value);
      }),
    );
  });
});

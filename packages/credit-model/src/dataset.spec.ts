import { CsvError } from './csv';
import { parseRatioTable } from './dataset';

describe('parseRatioTable', () => {
  it('reads attr columns and the label; empty cells and "?" are missing values', () => {
    const t = parseRatioTable('attr1,attr2,bankrupt,note\r\n0.5,,1,x\r\n?,-2e-3,0,"a, b"\r\n');
    expect(t.columns).toEqual(['attr1', 'attr2']);
    expect(t.hasLabel).toBe(true);
    expect(t.rows).toEqual([
      { ratios: { attr1: 0.5, attr2: null }, bankrupt: 1 },
      { ratios: { attr1: null, attr2: -0.002 }, bankrupt: 0 },
    ]);
  });

  it('works without the label column and keeps infinities as values', () => {
    const t = parseRatioTable('attr4\nInfinity\n-Infinity\n');
    expect(t.hasLabel).toBe(false);
    expect(t.rows.map((r) => r.ratios.attr4)).toEqual([Infinity, -Infinity]);
    expect(t.rows[0].bankrupt).toBeNull();
  });

  it('names the data row and column of a bad cell', () => {
    expect(() => parseRatioTable('attr1,attr2\n1,2\n3,abc\n')).toThrow(new CsvError('data row 2, attr2: "abc" is not a number', 3));
    expect(() => parseRatioTable('attr1,bankrupt\n1,2\n')).toThrow(/bankrupt must be 0 or 1/);
    expect(() => parseRatioTable('attr1,attr2\n1\n')).toThrow(/data row 1 has 1 fields, the header has 2/);
  });

  it('refuses a header without the required columns, and an empty file', () => {
    expect(() => parseRatioTable('attr1,attr2\n1,2\n', ['attr1', 'attr9'])).toThrow(/lacks the column\(s\) attr9/);
    expect(() => parseRatioTable('')).toThrow(/empty/);
  });

  it('ignores columns that are not attr1 … attr64', () => {
    expect(parseRatioTable('attr0,attr65,attr64\n1,2,3\n').columns).toEqual(['attr64']);
  });
});

import { committedModel } from './committed';
import { CsvError, parseCsv } from './csv';
import { scoreRatios } from './score';
import { scoreCsv } from './score-csv';

const model = committedModel();
const header = Array.from({ length: 64 }, (_, i) => `attr${i + 1}`);

function line(values: Record<string, string>): string {
  return header.map((h) => values[h] ?? '').join(',');
}

describe('scoreCsv', () => {
  it('writes row,pd,score,grade,reasons for every data row, missing values included', () => {
    const input =
      [`${header.join(',')},bankrupt`, `${line({ attr2: '0.9', attr35: '-0.2', attr46: '0.3', attr21: '0.6' })},1`, `${line({})},0`].join('\r\n') +
      '\r\n';
    const out = parseCsv(scoreCsv(model, input));
    expect(out[0]).toEqual(['row', 'pd', 'score', 'grade', 'reasons']);
    expect(out).toHaveLength(3);
    const risky = scoreRatios(model, { attr2: 0.9, attr35: -0.2, attr46: 0.3, attr21: 0.6 });
    expect(out[1]).toEqual(['1', risky.pd.toFixed(6), String(risky.score), risky.grade, risky.reasons.map((r) => r.code).join('|')]);
    expect(out[1][4].split('|').length).toBeGreaterThan(1);
    // A row with every cell empty is still scored: the average company.
    expect(out[2][0]).toBe('2');
    expect(Number(out[2][1])).toBeGreaterThan(0);
    expect(out[2][4]).toBe('');
  });

  it('reads quoted fields, LF line ends and a header in another column order', () => {
    const reordered = [...header].reverse();
    const input = `${reordered.map((h) => `"${h}"`).join(',')}\n${reordered.map((h) => (h === 'attr2' ? '"0.9"' : h === 'attr46' ? '0.3' : '')).join(',')}`;
    const out = parseCsv(scoreCsv(model, input));
    const expected = scoreRatios(model, { attr2: 0.9, attr46: 0.3 });
    expect(out[1].slice(0, 3)).toEqual(['1', expected.pd.toFixed(6), String(expected.score)]);
  });

  it('refuses a file without the model columns, or with text in a ratio cell', () => {
    expect(() => scoreCsv(model, 'attr1,attr2\n1,2\n')).toThrow(/lacks the column/);
    expect(() => scoreCsv(model, `${header.join(',')}\n${line({ attr9: 'n/a' })}\n`)).toThrow(CsvError);
  });

  it('scores the header-only file as no rows', () => {
    expect(scoreCsv(model, `${header.join(',')}\n`)).toBe('row,pd,score,grade,reasons\n');
  });
});

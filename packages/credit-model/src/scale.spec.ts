import { GRADE_BANDS, SCORE_SCALE, gradeOf, pdFromScore, pointsFromLogOdds, scoreFromLogit, scoreFromPd } from './scale';

describe('score scaling: 600 points at odds of 50:1, 20 points to double the odds', () => {
  it.each([
    // [good:bad odds, score]
    [50, 600],
    [100, 620],
    [200, 640],
    [25, 580],
    [12.5, 560],
    [1, 600 - 20 * Math.log2(50)],
  ])('odds %p:1 score %p', (odds, score) => {
    const pd = 1 / (1 + odds);
    expect(scoreFromPd(pd)).toBeCloseTo(score, 9);
    expect(pdFromScore(score)).toBeCloseTo(pd, 12);
  });

  it('prices a contribution in points: +ln 2 log-odds of default costs exactly the PDO', () => {
    expect(pointsFromLogOdds(Math.LN2)).toBeCloseTo(-SCORE_SCALE.pdo, 12);
    expect(scoreFromLogit(-Math.log(50)) - scoreFromLogit(-Math.log(50) + 0.3)).toBeCloseTo(-pointsFromLogOdds(0.3), 12);
  });
});

describe('grades', () => {
  it('bands the rounded score, A best, at round PDs of about 1.5 %, 3 %, 6 % and 15 %', () => {
    expect(GRADE_BANDS.map((b) => b.grade)).toEqual(['A', 'B', 'C', 'D', 'E']);
    const boundaryPd = GRADE_BANDS.slice(0, 4).map((b) => pdFromScore(b.minScore));
    [0.015, 0.03, 0.06, 0.15].forEach((pd, i) => expect(Math.abs(boundaryPd[i] - pd) / pd).toBeLessThan(0.03));
    expect(gradeOf(700)).toBe('A');
    expect(gradeOf(608)).toBe('A');
    expect(gradeOf(607)).toBe('B');
    expect(gradeOf(588)).toBe('B');
    expect(gradeOf(567)).toBe('C');
    expect(gradeOf(566)).toBe('D');
    expect(gradeOf(537)).toBe('D');
    expect(gradeOf(536)).toBe('E');
    expect(gradeOf(-1000)).toBe('E');
  });
});

/**
 * Score scaling by points to double the odds: a score of 600 means good:bad odds of 50:1 (a
 * probability of default of 1/51), and every 20 points double the odds. So
 *   score = offset + factor · ln(odds),  factor = PDO / ln 2,  offset = 600 − factor · ln 50,
 * where odds = (1 − PD) / PD. A contribution of c log-odds of default is −factor · c points.
 */
export const SCORE_SCALE = { basePoints: 600, baseOdds: 50, pdo: 20 } as const;

const FACTOR = SCORE_SCALE.pdo / Math.LN2;
const OFFSET = SCORE_SCALE.basePoints - FACTOR * Math.log(SCORE_SCALE.baseOdds);

/** The score (unrounded) of a log-odds of default. */
export function scoreFromLogit(logitPd: number): number {
  return OFFSET - FACTOR * logitPd;
}

export function scoreFromPd(pd: number): number {
  return scoreFromLogit(Math.log(pd / (1 - pd)));
}

export function pdFromScore(score: number): number {
  return 1 / (1 + Math.exp((score - OFFSET) / FACTOR));
}

/** Points of a contribution in log-odds of default: positive log-odds (more risk) cost points. */
export function pointsFromLogOdds(logOdds: number): number {
  return -FACTOR * logOdds;
}

export type Grade = 'A' | 'B' | 'C' | 'D' | 'E';

/**
 * Grade bands on the (rounded) score, in round PD terms: A below about 1.5 %, B up to about 3 %,
 * C up to about 6 %, D up to about 15 %, E above. They are policy, fixed in PD terms rather than
 * fitted to the data; the training report shows how many companies fall in each and how often
 * they defaulted.
 */
export const GRADE_BANDS: readonly { grade: Grade; minScore: number }[] = [
  { grade: 'A', minScore: 608 },
  { grade: 'B', minScore: 588 },
  { grade: 'C', minScore: 567 },
  { grade: 'D', minScore: 537 },
  { grade: 'E', minScore: -Infinity },
];

export function gradeOf(score: number): Grade {
  return GRADE_BANDS.find((b) => score >= b.minScore)!.grade;
}

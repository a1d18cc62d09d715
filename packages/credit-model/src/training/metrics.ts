/** Discrimination and calibration measures. `risk`: higher means more likely to default. */

/** Area under the ROC curve (the Mann-Whitney statistic, ties counted half). */
export function auc(risk: readonly number[], labels: readonly (0 | 1)[]): number {
  const order = risk.map((_, i) => i).sort((a, b) => risk[a] - risk[b]);
  let rankSumBad = 0;
  let bads = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && risk[order[j]] === risk[order[i]]) j++;
    const midRank = (i + 1 + j) / 2;
    for (let t = i; t < j; t++) {
      if (labels[order[t]] === 1) {
        rankSumBad += midRank;
        bads++;
      }
    }
    i = j;
  }
  const goods = labels.length - bads;
  if (bads === 0 || goods === 0) throw new Error('AUC needs both classes');
  return (rankSumBad - (bads * (bads + 1)) / 2) / (bads * goods);
}

/** Kolmogorov-Smirnov: the largest gap between the cumulative shares of bads and goods by risk. */
export function ks(risk: readonly number[], labels: readonly (0 | 1)[]): number {
  const order = risk.map((_, i) => i).sort((a, b) => risk[b] - risk[a]);
  const bads = labels.reduce<number>((s, y) => s + y, 0);
  const goods = labels.length - bads;
  let cumBad = 0;
  let cumGood = 0;
  let best = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && risk[order[j]] === risk[order[i]]) {
      if (labels[order[j]] === 1) cumBad++;
      else cumGood++;
      j++;
    }
    best = Math.max(best, Math.abs(cumBad / bads - cumGood / goods));
    i = j;
  }
  return best;
}

export function logLoss(pd: readonly number[], labels: readonly (0 | 1)[]): number {
  let s = 0;
  pd.forEach((p, i) => {
    const q = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
    s -= labels[i] === 1 ? Math.log(q) : Math.log(1 - q);
  });
  return s / pd.length;
}

export function brier(pd: readonly number[], labels: readonly (0 | 1)[]): number {
  return pd.reduce((s, p, i) => s + (p - labels[i]) ** 2, 0) / pd.length;
}

export interface CalibrationRow {
  group: number;
  count: number;
  meanPd: number;
  observedRate: number;
  bankrupt: number;
}

/** Rows sorted by predicted PD and cut into `groups` groups of (nearly) equal size. */
export function calibrationTable(pd: readonly number[], labels: readonly (0 | 1)[], groups = 10): CalibrationRow[] {
  const order = pd.map((_, i) => i).sort((a, b) => pd[a] - pd[b]);
  const rows: CalibrationRow[] = [];
  for (let g = 0; g < groups; g++) {
    const from = Math.floor((g * order.length) / groups);
    const to = Math.floor(((g + 1) * order.length) / groups);
    let sumPd = 0;
    let bad = 0;
    for (let t = from; t < to; t++) {
      sumPd += pd[order[t]];
      bad += labels[order[t]];
    }
    const count = to - from;
    rows.push({ group: g + 1, count, meanPd: sumPd / count, observedRate: bad / count, bankrupt: bad });
  }
  return rows;
}

export function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Sample standard deviation. */
export function sd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

/**
 * Platt scaling: the logistic regression of the label on a model's log-odds,
 *   logit PD = intercept + slope · logit,
 * fitted by Newton's method. Fitted on out-of-fold log-odds it corrects the overconfidence a
 * boosted model has on its own training rows, and the base rate.
 */
export function fitPlatt(logits: readonly number[], labels: readonly (0 | 1)[]): { intercept: number; slope: number } {
  let a = 0;
  let b = 1;
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = 0;
    let gb = 0;
    let haa = 0;
    let hab = 0;
    let hbb = 0;
    logits.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-(a + b * x)));
      const r = labels[i] - p;
      const w = p * (1 - p);
      ga += r;
      gb += r * x;
      haa += w;
      hab += w * x;
      hbb += w * x * x;
    });
    const det = haa * hbb - hab * hab;
    if (det <= 0) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a += da;
    b += db;
    if (Math.abs(da) < 1e-12 && Math.abs(db) < 1e-12) break;
  }
  return { intercept: a, slope: b };
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditHistory } from '../api/get-credit-history';
import { useCreditFormat } from './credit-format';
import { GRADE_STARTS } from './ScoreCard';

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 16, right: 36, bottom: 28, left: 12 };

const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/**
 * The score at the end of each computed day over the period, as a line over the grade bands.
 * Every point is focusable and announces its day and score; a visually hidden table carries the
 * same figures for screen readers.
 */
export function ScoreHistoryChart({ history }: { history: CreditHistory }) {
  const { t } = useTranslation();
  const f = useCreditFormat();
  const titleId = useId();
  const [active, setActive] = useState<number | null>(null);
  const points = history.points;
  const scores = points.map((p) => p.score);
  // Show the grade lines near the scores: the range covers the scores with some room, and at least 60 points.
  const low = Math.min(...scores, 600) - 15;
  const high = Math.max(...scores, 600) + 15;
  const mid = (low + high) / 2;
  const span = Math.max(60, high - low);
  const yMin = mid - span / 2;
  const yMax = mid + span / 2;
  const first = dayNumber(history.from);
  const days = Math.max(1, dayNumber(history.to) - first);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (day: string) => PAD.left + ((dayNumber(day) - first) / days) * plotW;
  const y = (score: number) => PAD.top + (1 - (score - yMin) / (yMax - yMin)) * plotH;
  const line = points.map((p) => `${x(p.day)},${y(p.score)}`).join(' ');
  const ticks = [history.from, points.length > 0 ? points[Math.floor(points.length / 2)].day : null, history.to].filter(
    (d, i, all): d is string => d !== null && all.indexOf(d) === i,
  );

  return (
    <figure className="credit-history" data-testid="credit-history-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-labelledby={titleId} className="credit-history-svg">
        <title id={titleId}>{t('credit.history.chartLabel')}</title>
        {GRADE_STARTS.filter((b) => b.from > yMin && b.from < yMax).map((b) => (
          <g key={b.grade} className="credit-history-band">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(b.from)} y2={y(b.from)} />
            <text x={WIDTH - PAD.right + 6} y={y(b.from) - 3} className="chart-label">
              {b.grade}
            </text>
          </g>
        ))}
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} className="chart-axis" />
        {ticks.map((d) => (
          <text key={d} x={x(d)} y={HEIGHT - 8} textAnchor={d === history.from ? 'start' : d === history.to ? 'end' : 'middle'} className="chart-label">
            {f.day(d)}
          </text>
        ))}
        {points.length > 1 && <polyline points={line} className="credit-history-line" />}
        {points.map((p, i) => (
          <g
            key={p.day}
            tabIndex={0}
            role="img"
            aria-label={`${f.day(p.day)}: ${p.score} (${p.grade})`}
            onMouseEnter={() => setActive(i)}
            onMouseLeave={() => setActive(null)}
            onFocus={() => setActive(i)}
            onBlur={() => setActive(null)}
            className={`credit-history-point${active === i ? ' is-active' : ''}`}
          >
            <circle cx={x(p.day)} cy={y(p.score)} r={active === i ? 5 : 3.5} />
          </g>
        ))}
        {active !== null && points[active] && (
          <text
            x={Math.min(WIDTH - PAD.right, Math.max(PAD.left, x(points[active].day)))}
            y={Math.max(12, y(points[active].score) - 10)}
            textAnchor={x(points[active].day) < WIDTH / 3 ? 'start' : x(points[active].day) > (2 * WIDTH) / 3 ? 'end' : 'middle'}
            className="chart-value"
            aria-hidden="true"
          >
            {f.day(points[active].day)} · {points[active].score} · {points[active].grade}
          </text>
        )}
      </svg>
      <table className="sr-only">
        <caption>{t('credit.history.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('credit.history.day')}</th>
            <th scope="col">{t('credit.history.score')}</th>
            <th scope="col">{t('credit.history.grade')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.day}>
              <th scope="row">{f.day(p.day)}</th>
              <td>{p.score}</td>
              <td>{p.grade}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

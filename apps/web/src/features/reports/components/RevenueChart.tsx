import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMoneyFormat, type MoneyJson } from '../../../lib/money';

type MonthAmount = { month: string; amount: MoneyJson };

const WIDTH = 720;
const HEIGHT = 240;
const PAD_TOP = 28;
const PAD_BOTTOM = 28;

/**
 * Twelve months of revenue as bars. Every bar is focusable and announces its month and
 * value; a visually hidden table carries the same figures for screen readers.
 */
export function RevenueChart({ months }: { months: readonly MonthAmount[] }) {
  const { t, i18n } = useTranslation();
  const money = useMoneyFormat();
  const titleId = useId();
  const [active, setActive] = useState<number | null>(null);
  const monthLabel = new Intl.DateTimeFormat(i18n.language, { month: 'short' });
  const monthLong = new Intl.DateTimeFormat(i18n.language, { month: 'long', year: 'numeric' });
  const labelOf = (month: string, long = false) => (long ? monthLong : monthLabel).format(new Date(`${month.slice(0, 7)}-01T00:00:00`));
  const yearLabel = new Intl.DateTimeFormat(i18n.language, { month: 'short', year: '2-digit' });
  // Many bars: label every third month, and January with its year, so the labels never collide.
  const crowded = months.length > 12;
  const axisLabel = (month: string) => {
    const m = Number(month.slice(5, 7));
    if (!crowded) return labelOf(month);
    if (m === 1) return yearLabel.format(new Date(`${month.slice(0, 7)}-01T00:00:00`));
    return m % 3 === 1 ? labelOf(month) : '';
  };
  // The months before the last twelve are drawn lighter: last year, to read this year against.
  const earlier = Math.max(0, months.length - 12);
  // Bar heights are geometry, not money: a ratio of minor units is precise enough for pixels.
  const values = months.map((m) => Math.max(0, Number(m.amount.amountMinor)));
  const peak = Math.max(1, ...values);
  const slot = WIDTH / Math.max(1, months.length);
  const barWidth = Math.min(40, slot * 0.6);
  const plot = HEIGHT - PAD_TOP - PAD_BOTTOM;

  return (
    <figure className="revenue-chart" data-testid="revenue-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-labelledby={titleId} className="revenue-chart-svg">
        <title id={titleId}>{t('dashboard.chartLabel')}</title>
        <line x1={0} x2={WIDTH} y1={HEIGHT - PAD_BOTTOM} y2={HEIGHT - PAD_BOTTOM} className="chart-axis" />
        {months.map((m, i) => {
          const h = values[i] === 0 ? 2 : Math.max(3, (values[i] / peak) * plot);
          const x = i * slot + (slot - barWidth) / 2;
          const y = HEIGHT - PAD_BOTTOM - h;
          const text = `${labelOf(m.month, true)}: ${money.json(m.amount)}`;
          return (
            <g
              key={m.month}
              tabIndex={0}
              role="img"
              aria-label={text}
              className={`chart-bar${active === i ? ' is-active' : ''}${i < earlier ? ' is-earlier' : ''}`}
              onMouseEnter={() => setActive(i)}
              onMouseLeave={() => setActive(null)}
              onFocus={() => setActive(i)}
              onBlur={() => setActive(null)}
              data-testid={`revenue-bar-${m.month.slice(0, 7)}`}
            >
              <rect x={i * slot} y={PAD_TOP - 20} width={slot} height={HEIGHT - PAD_TOP} className="chart-hit" />
              <rect x={x} y={y} width={barWidth} height={h} rx={3} className="chart-bar-fill" />
              <text x={x + barWidth / 2} y={HEIGHT - 8} textAnchor="middle" className="chart-label">
                {axisLabel(m.month)}
              </text>
            </g>
          );
        })}
        {active !== null && months[active] && (
          <text
            x={Math.min(WIDTH - 4, Math.max(4, active * slot + slot / 2))}
            y={Math.max(14, HEIGHT - PAD_BOTTOM - Math.max(3, (values[active] / peak) * plot) - 8)}
            textAnchor={active === 0 ? 'start' : active === months.length - 1 ? 'end' : 'middle'}
            className="chart-value"
            aria-hidden="true"
          >
            {money.json(months[active].amount)}
          </text>
        )}
      </svg>
      <table className="sr-only">
        <caption>{t('dashboard.revenueTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.month')}</th>
            <th scope="col">{t('dashboard.revenue')}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{labelOf(m.month, true)}</th>
              <td>{money.json(m.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

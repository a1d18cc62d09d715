import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Icon } from '../../../components/Icon';
import type { CreditProfile, CreditProfileView } from '../api/get-credit-profile';
import { useCreditFormat } from './credit-format';

/** The score scale the gauge spans, and where each grade starts (GRADE_BANDS of @keeper/credit-model). */
const MIN = 460;
const MAX = 680;
export const GRADE_STARTS = [
  { grade: 'A', from: 608 },
  { grade: 'B', from: 588 },
  { grade: 'C', from: 567 },
  { grade: 'D', from: 537 },
  { grade: 'E', from: MIN },
] as const;

const CX = 120;
const CY = 110;
const R = 96;

/** The point on the half circle for a score (left end = MIN, right end = MAX). */
function at(score: number, radius = R) {
  const share = (Math.min(MAX, Math.max(MIN, score)) - MIN) / (MAX - MIN);
  const angle = Math.PI * (1 - share);
  return { x: CX + radius * Math.cos(angle), y: CY - radius * Math.sin(angle) };
}

function arc(from: number, to: number) {
  const a = at(from);
  const b = at(to);
  return `M ${a.x} ${a.y} A ${R} ${R} 0 0 1 ${b.x} ${b.y}`;
}

function Gauge({ score, grade }: { score: number; grade: string }) {
  const { t } = useTranslation();
  const needle = at(score, R - 28);
  return (
    <svg viewBox="0 0 240 158" className="credit-gauge" role="img" aria-label={t('credit.score.gaugeLabel', { score, grade })}>
      {GRADE_STARTS.map((band, i) => {
        const to = i === 0 ? MAX : GRADE_STARTS[i - 1].from;
        return <path key={band.grade} d={arc(band.from, to)} className={`credit-gauge-band grade-${band.grade}`} />;
      })}
      <line x1={CX} y1={CY} x2={needle.x} y2={needle.y} className="credit-gauge-needle" />
      <circle cx={CX} cy={CY} r={6} className="credit-gauge-hub" />
      <text x={CX} y={CY + 42} textAnchor="middle" className="credit-gauge-score" data-testid="credit-score">
        {score}
      </text>
    </svg>
  );
}

/** The score, grade and probability of default in plain words, with how fresh the data is. */
export function ScoreCard({
  profile,
  status,
  referenceCompanies,
  canRefresh,
  onRefresh,
  refreshing,
}: {
  profile: CreditProfile;
  status: CreditProfileView['status'];
  referenceCompanies: number;
  canRefresh: boolean;
  onRefresh: () => void;
  refreshing: boolean;
}) {
  const { t } = useTranslation();
  const f = useCreditFormat();
  const fresh = profile.dataFreshness;
  const waitUntil = status.refreshAvailableAt;
  // A later computation that found nothing new (it stores no snapshot) still tells how current this is.
  const checkedLater = !!status.lastComputedAt && Date.parse(status.lastComputedAt) - Date.parse(profile.computedAt) > 60_000;
  return (
    <Card testId="credit-score-card">
      <div className="credit-score">
        <div className="credit-score-gauge">
          <Gauge score={profile.score} grade={profile.grade} />
          <span className={`credit-grade grade-${profile.grade}`} data-testid="credit-grade">
            {t(`credit.score.grades.${profile.grade}`)}
          </span>
        </div>
        <div className="credit-score-text">
          <p className="credit-pd" data-testid="credit-pd">
            {t('credit.score.pd', { pd: f.pd(profile.pd), oneIn: f.oneIn(profile.pd) })}
          </p>
          <p className="credit-muted">{t('credit.score.pdCaveat', { companies: f.whole(referenceCompanies) })}</p>
          {!fresh.dataThrough && (
            <p className="alert alert-info" data-testid="credit-no-books">
              <Icon name="alert" />
              <span>{t('credit.score.noBooks')}</span>
            </p>
          )}
          <dl className="credit-freshness" data-testid="credit-freshness">
            <div>
              <dt>{t('credit.freshness.title')}</dt>
              <dd>
                {fresh.dataThrough ? t('credit.freshness.booksThrough', { date: f.day(fresh.dataThrough) }) : t('credit.freshness.noBooks')}
                {fresh.recordedAt && <> · {t('credit.freshness.recorded', { time: f.dateTime(fresh.recordedAt) })}</>}
              </dd>
              <dd>{t('credit.freshness.asOf', { date: f.day(profile.asOf) })}</dd>
              <dd>
                {t('credit.freshness.computed', {
                  time: f.dateTime(profile.computedAt),
                  ms: f.whole(profile.computationMs),
                  why: t(`credit.freshness.trigger.${profile.trigger}`),
                })}
              </dd>
              {checkedLater && <dd>{t('credit.freshness.checked', { time: f.dateTime(status.lastComputedAt!) })}</dd>}
            </div>
          </dl>
          <div className="credit-score-actions">
            {status.pending ? (
              <p className="alert alert-info credit-pending" role="status" data-testid="credit-pending">
                <Icon name="refresh" />
                <span>{t('credit.pending')}</span>
              </p>
            ) : (
              canRefresh && (
                <>
                  <Button variant="secondary" size="sm" onClick={onRefresh} pending={refreshing} pendingLabel={t('credit.refreshing')} disabled={!!waitUntil} data-testid="credit-refresh">
                    <Icon name="refresh" size={14} /> {t('credit.refresh')}
                  </Button>
                  {waitUntil && <span className="credit-muted">{t('credit.refreshWait', { time: f.dateTime(waitUntil) })}</span>}
                </>
              )
            )}
            <span className="credit-muted credit-model">{t('credit.score.model', { version: profile.modelVersion })}</span>
          </div>
        </div>
      </div>
    </Card>
  );
}

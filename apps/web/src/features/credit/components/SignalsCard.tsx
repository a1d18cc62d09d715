import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import type { CreditSignals } from '../api/get-credit-profile';
import { useCreditFormat } from './credit-format';

type Status = CreditSignals['trust']['checks'][number]['status'];
type Check = CreditSignals['trust']['checks'][number];

function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <span className={`badge credit-status is-${status}`}>{t(`credit.signals.status.${status}`)}</span>;
}

function Signal({ title, status, children, testId }: { title: string; status: Status; children: ReactNode; testId: string }) {
  return (
    <li className="credit-signal" data-testid={testId} data-status={status}>
      <div className="credit-factor-head">
        <strong>{title}</strong>
        <StatusBadge status={status} />
      </div>
      {children}
    </li>
  );
}

function TrustCheck({ check }: { check: Check }) {
  const { t } = useTranslation();
  const f = useCreditFormat();
  const key = `credit.signals.trust.checks.${check.key}` as const;
  let body: string;
  if (check.status === 'not_applicable') body = t('credit.signals.trust.notApplicable');
  else if (check.key === 'bookkeeping_gaps') {
    const gaps = `credit.signals.trust.checks.bookkeeping_gaps.${check.value ? 'body' : 'bodyNone'}` as const;
    body = t(gaps, { months: f.whole(check.value ?? 0), days: f.whole(check.detail ?? 0) });
  }
  else body = t(`${key}.body`, { value: f.share(check.value) });
  return (
    <li className="credit-check" data-testid={`credit-check-${check.key}`} data-status={check.status}>
      <div className="credit-factor-head">
        <span>{t(`${key}.title`)}</span>
        <StatusBadge status={check.status} />
      </div>
      <p className="credit-muted">
        {body}
        {(check.status === 'watch' || check.status === 'flag') && <> {t(`${key}.fix`)}</>}
      </p>
    </li>
  );
}

/**
 * The policy signals: what lenders' rules may also look at. Plainly labelled as not part of the
 * trained score, and each says what it measured.
 */
export function SignalsCard({ signals }: { signals: CreditSignals }) {
  const { t } = useTranslation();
  const f = useCreditFormat();
  const { revenueVolatility: v, concentration: c, overdue: o, trust } = signals;
  return (
    <Card title={t('credit.signals.title')} description={t('credit.signals.description')} testId="credit-signals">
      <ul className="credit-signal-list">
        <Signal
          title={t('credit.signals.trust.title')}
          status={trust.level === 'unknown' ? 'not_applicable' : trust.level === 'high' ? 'ok' : trust.level === 'medium' ? 'watch' : 'flag'}
          testId="credit-signal-trust"
        >
          <p className="credit-muted">
            {trust.score === null
              ? t('credit.signals.trust.notApplicable')
              : `${t('credit.signals.trust.body', { score: trust.score })} (${t(`credit.signals.trust.levels.${trust.level}`)})`}
          </p>
          <ul className="credit-check-list">
            {trust.checks.map((check) => (
              <TrustCheck key={check.key} check={check} />
            ))}
          </ul>
        </Signal>
        <Signal title={t('credit.signals.overdue.title')} status={o.status} testId="credit-signal-overdue">
          {o.overdueShare === null || !o.aging ? (
            <p className="credit-muted">{t('credit.signals.overdue.none')}</p>
          ) : (
            <>
              <p className="credit-muted">{t('credit.signals.overdue.body', { share: f.share(o.overdueShare) })}</p>
              <p className="credit-muted">
                {t('credit.signals.overdue.aging', {
                  current: f.share(o.aging.current),
                  d1: f.share(o.aging.days1To30),
                  d31: f.share(o.aging.days31To60),
                  d61: f.share(o.aging.days61To90),
                  d90: f.share(o.aging.over90),
                })}
              </p>
            </>
          )}
        </Signal>
        <Signal title={t('credit.signals.concentration.title')} status={c.status} testId="credit-signal-concentration">
          <p className="credit-muted">
            {c.largestCustomerShare === null
              ? t('credit.signals.concentration.none')
              : t('credit.signals.concentration.body', { largest: f.share(c.largestCustomerShare), top5: f.share(c.top5Share), customers: f.whole(c.customers) })}
          </p>
        </Signal>
        <Signal title={t('credit.signals.volatility.title')} status={v.status} testId="credit-signal-volatility">
          <p className="credit-muted">
            {v.value === null ? t('credit.signals.volatility.none') : t('credit.signals.volatility.body', { value: f.share(v.value), months: v.months })}
          </p>
        </Signal>
      </ul>
    </Card>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { currentLanguage } from '../../../i18n';
import type { CreditFactor, CreditProfile, CreditReason } from '../api/get-credit-profile';
import { asHeading, codeStem, useCreditFormat, type RatioUnit } from './credit-format';

type Reference = CreditFactor['reference'];

/** How many helping ratios to name; the table below lists every one. */
const HELPING_SHOWN = 4;

function ReferenceLine({ reference, unit }: { reference: Reference; unit: RatioUnit }) {
  const { t } = useTranslation();
  const f = useCreditFormat();
  if (!reference) return null;
  return (
    <p className="credit-muted credit-reference">
      {t('credit.referenceRange', { p25: f.number(reference.p25, unit), p75: f.number(reference.p75, unit), median: f.number(reference.median, unit) })}
    </p>
  );
}

/** A reason the score is lower, as a concrete action with the business's own figure. */
function Reason({ reason, name }: { reason: CreditReason; name: string }) {
  const { t } = useTranslation();
  const f = useCreditFormat();
  const action =
    reason.direction === 'missing'
      ? t('credit.action.missing', { name })
      : t(`credit.action.${codeStem(reason.code)}` as 'credit.action.RECEIVABLE_DAYS', { value: f.ratio(reason, reason.unit) });
  return (
    <li className="credit-factor" data-testid="credit-reason" data-code={reason.code}>
      <div className="credit-factor-head">
        <strong>{action}</strong>
        <span className="credit-points is-negative">{t('credit.hurting.points', { points: `−${f.points(reason.points)}` })}</span>
      </div>
      <p className="credit-muted">{reason.text[currentLanguage()]}</p>
      <ReferenceLine reference={reason.reference} unit={reason.unit} />
    </li>
  );
}

export function HurtingCard({ profile }: { profile: CreditProfile }) {
  const { t } = useTranslation();
  const names = new Map(profile.factors.map((f) => [f.feature, f.name[currentLanguage()]]));
  return (
    <Card title={t('credit.hurting.title')} description={t('credit.hurting.description')} testId="credit-hurting">
      {profile.reasons.length === 0 ? (
        <p className="credit-muted">{t('credit.hurting.empty')}</p>
      ) : (
        <ol className="credit-factor-list">
          {profile.reasons.map((r) => (
            <Reason key={r.code} reason={r} name={names.get(r.feature) ?? r.feature} />
          ))}
        </ol>
      )}
    </Card>
  );
}

export function HelpingCard({ profile }: { profile: CreditProfile }) {
  const { t } = useTranslation();
  const f = useCreditFormat();
  const helping = profile.factors.filter((x) => x.effect === 'helps').slice(0, HELPING_SHOWN);
  return (
    <Card title={t('credit.helping.title')} description={t('credit.helping.description')} testId="credit-helping">
      {helping.length === 0 ? (
        <p className="credit-muted">{t('credit.helping.empty')}</p>
      ) : (
        <ul className="credit-factor-list">
          {helping.map((x) => (
            <li key={x.feature} className="credit-factor" data-testid="credit-helping-factor">
              <div className="credit-factor-head">
                <strong>{asHeading(x.name[currentLanguage()])}</strong>
                <span className="credit-points is-positive">{t('credit.helping.points', { points: f.points(x.points) })}</span>
              </div>
              <p className="credit-muted">{t('credit.yours', { value: f.ratio(x, x.unit) })}</p>
              <ReferenceLine reference={x.reference} unit={x.unit} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** Every ratio the model reads, what it did to the score, and the reference median; folded away by default. */
export function AllFactorsCard({ profile }: { profile: CreditProfile }) {
  const { t } = useTranslation();
  const f = useCreditFormat();
  const [open, setOpen] = useState(false);
  return (
    <Card
      title={t('credit.factors.title')}
      description={t('credit.factors.description')}
      testId="credit-factors"
      actions={
        <Button variant="ghost" size="sm" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="credit-factors-toggle">
          {open ? t('credit.factors.hide') : t('credit.factors.show')}
        </Button>
      }
    >
      {open && (
        <div className="table-wrap">
          <table className="table" data-testid="credit-factors-table">
            <thead>
              <tr>
                <th scope="col">{t('credit.factors.ratio')}</th>
                <th scope="col" className="num">
                  {t('credit.factors.yours')}
                </th>
                <th scope="col" className="num">
                  {t('credit.factors.median')}
                </th>
                <th scope="col">{t('credit.factors.effect')}</th>
              </tr>
            </thead>
            <tbody>
              {profile.factors.map((x) => (
                <tr key={x.feature}>
                  <td>{asHeading(x.name[currentLanguage()])}</td>
                  <td className="num" data-label={t('credit.factors.yours')}>
                    {f.ratio(x, x.unit)}
                  </td>
                  <td className="num" data-label={t('credit.factors.median')}>
                    {x.reference ? f.number(x.reference.median, x.unit) : '—'}
                  </td>
                  <td data-label={t('credit.factors.effect')}>
                    <span className={`credit-effect is-${x.effect}`}>
                      {t(`credit.factors.effects.${x.effect}`)}
                      {x.effect !== 'neutral' && ` (${x.points > 0 ? '+' : '−'}${f.points(x.points)})`}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

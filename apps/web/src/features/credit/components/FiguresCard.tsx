import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { useMoneyFormat } from '../../../lib/money';
import type { CreditFeatures } from '../api/get-credit-profile';
import { useCreditFormat } from './credit-format';

/** The operating figures the profile computed (growth, margin, days outstanding, customers, returns). */
export function FiguresCard({ features, asOf }: { features: CreditFeatures; asOf: string }) {
  const { t } = useTranslation();
  const f = useCreditFormat();
  const money = useMoneyFormat();
  const none = t('credit.figures.none');
  const days = (v: number | null) => (v === null ? none : t('credit.figures.daysValue', { value: f.whole(v) }));
  const signed = (v: number | null) => (v === null ? none : `${v > 0 ? '+' : ''}${f.share(v)}`);
  const rows: [string, string, string][] = [
    ['sales', t('credit.figures.sales'), money.minor(BigInt(features.sales12mMinor), features.currency)],
    ['net-profit', t('credit.figures.netProfit'), money.minor(BigInt(features.netProfit12mMinor), features.currency)],
    ['growth-yoy', t('credit.figures.growthYoY'), signed(features.growthYoY)],
    ['growth-3m', t('credit.figures.growth3m'), signed(features.growth3m)],
    ['gross-margin', t('credit.figures.grossMargin'), f.share(features.grossMargin)],
    ['dso', t('credit.figures.dso'), days(features.daysSalesOutstanding)],
    ['dpo', t('credit.figures.dpo'), days(features.daysPayablesOutstanding)],
    ['dio', t('credit.figures.dio'), days(features.daysInventory)],
    ['customers', t('credit.figures.customers'), t('credit.figures.customersValue', { count: features.activeCustomers })],
    [
      'repeat',
      t('credit.figures.repeat'),
      features.repeatCustomerShare === null ? none : t('credit.figures.repeatValue', { count: features.repeatCustomers, share: f.share(features.repeatCustomerShare) }),
    ],
    ['credit-notes', t('credit.figures.creditNotes'), f.share(features.creditNoteRatio)],
    ['refunds', t('credit.figures.refunds'), f.share(features.refundRatio)],
    ['history', t('credit.figures.history'), t('credit.figures.monthsValue', { count: features.monthsOfHistory })],
  ];
  return (
    <Card title={t('credit.figures.title')} description={t('credit.figures.description', { date: f.day(asOf) })} testId="credit-figures">
      <dl className="credit-figures">
        {rows.map(([key, label, value]) => (
          <div key={key} data-testid={`credit-figure-${key}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { Icon } from '../../../components/Icon';
import { ListToolbar } from '../../../components/ListToolbar';
import { TableSkeleton } from '../../../components/Skeleton';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { valuationCsvUrl } from '../api/export-stock';
import { useValuation } from '../api/get-valuation';
import { LocationSelect } from '../components/LocationSelect';
import { ProductCell } from '../components/ProductCell';
import { useQuantityFormat } from '../quantity';

/** Stock value per product as of a day, checked against the inventory account of the books. */
export function ValuationPage({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('inventory.valuation.title'));
  const money = useMoneyFormat();
  const qty = useQuantityFormat();
  const format = useFormatters();
  const [asOf, setAsOf] = useState('');
  const [locationId, setLocationId] = useState('');
  const valuation = useValuation(businessId, asOf, locationId);

  let body;
  if (valuation.isPending) body = <TableSkeleton columns={4} />;
  else if (valuation.isError) body = <ErrorState error={valuation.error} onRetry={() => void valuation.refetch()} retrying={valuation.isFetching} />;
  else {
    const v = valuation.data;
    const matches = v.total.amountMinor === v.ledgerBalance.amountMinor;
    body = (
      <>
        {v.location ? (
          <p className="alert alert-info" data-testid="valuation-check" data-matches="location">
            <Icon name="alert" />
            <span>{t('inventory.valuation.locationNote', { ledger: money.json(v.ledgerBalance) })}</span>
          </p>
        ) : matches ? (
          <p className="alert alert-success" data-testid="valuation-check" data-matches="true">
            <Icon name="check" />
            <span>{t('inventory.valuation.matches', { amount: money.json(v.ledgerBalance) })}</span>
          </p>
        ) : (
          <p className="alert alert-warning" data-testid="valuation-check" data-matches="false">
            <Icon name="alert" />
            <span>
              {t('inventory.valuation.differs', { stock: money.json(v.total), ledger: money.json(v.ledgerBalance) })}{' '}
              <Link to="/b/$businessId/reports/journal" params={{ businessId }}>
                {t('inventory.valuation.openJournal')}
              </Link>
            </span>
          </p>
        )}
        {v.rows.length === 0 ? (
          <EmptyState icon="inventory" title={t('inventory.valuation.emptyTitle')} testId="valuation-empty">
            {t('inventory.valuation.emptyBody', { date: format.date(`${v.asOf}T00:00:00`) })}
          </EmptyState>
        ) : (
          <div className={`table-wrap${valuation.isPlaceholderData ? ' is-stale' : ''}`}>
            <table className="table report-table" data-testid="valuation-table">
              <thead>
                <tr>
                  <th scope="col">{t('inventory.columns.product')}</th>
                  <th scope="col" className="align-end">{t('inventory.columns.quantity')}</th>
                  <th scope="col" className="align-end">{t('inventory.columns.unitCost')}</th>
                  <th scope="col" className="align-end">{t('inventory.columns.value')}</th>
                </tr>
              </thead>
              <tbody>
                {v.rows.map((r) => (
                  <tr key={r.product.id}>
                    <td>
                      <ProductCell businessId={businessId} product={r.product} locationId={locationId || undefined} />
                    </td>
                    <td data-label={t('inventory.columns.quantity')} className="align-end num">
                      <span>
                        {qty(r.quantity)} <span className="muted small">{r.product.unit}</span>
                      </span>
                    </td>
                    <td data-label={t('inventory.columns.unitCost')} className="align-end num">
                      {money.json(r.unitCost)}
                    </td>
                    <td data-label={t('inventory.columns.value')} className="align-end num">
                      {money.json(r.value)}
                    </td>
                  </tr>
                ))}
                <tr className="report-total-row" data-testid="valuation-total">
                  <td>{t('inventory.valuation.total')}</td>
                  <td />
                  <td />
                  <td data-label={t('inventory.valuation.total')} className="align-end num">
                    {money.json(v.total)}
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
        )}
      </>
    );
  }

  return (
    <Card
      title={t('inventory.valuation.title')}
      description={
        valuation.data
          ? t('inventory.valuation.descriptionOf', {
              date: format.date(`${valuation.data.asOf}T00:00:00`),
              method: t(`inventory.settings.methods.${valuation.data.method}`),
            })
          : t('inventory.valuation.description')
      }
      testId="valuation-section"
      actions={
        <a className="btn btn-ghost btn-sm" href={valuationCsvUrl(businessId, asOf, locationId)} download data-testid="valuation-csv">
          {t('common.exportCsv')}
        </a>
      }
    >
      <ListToolbar>
        <label className="inline-field">
          <span className="field-label">{t('inventory.valuation.asOf')}</span>
          <input className="input input-sm" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} data-testid="valuation-as-of" />
        </label>
        <LocationSelect
          businessId={businessId}
          value={locationId}
          onChange={setLocationId}
          allLabel={t('inventory.locations.all')}
          label={t('inventory.fields.location')}
          testId="valuation-location"
        />
      </ListToolbar>
      {body}
    </Card>
  );
}

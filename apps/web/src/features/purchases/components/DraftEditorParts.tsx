import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { TextAreaField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { useFormErrors } from '../../../lib/error-message';
import { InvoiceLinesEditor } from '../../invoices/components/InvoiceLinesEditor';
import { InvoiceTotals } from '../../invoices/components/InvoiceTotals';
import type { TaxRate } from '../../taxes/api/get-tax-rates';
import type { SpendAccount } from '../api/get-spend-accounts';
import { ExchangeRateField } from './ExchangeRateField';
import { accountOptions, costOf, type usePurchaseLines } from './purchase-lines';

/** The lines of a purchase draft (order or bill): the grid, its field errors, notes and live totals. */
export function PurchaseLinesCard({
  title,
  description,
  businessId,
  currency,
  grid,
  taxRates,
  accounts,
  notes,
}: {
  title: string;
  description: string;
  businessId: string;
  currency: string;
  grid: ReturnType<typeof usePurchaseLines>;
  taxRates: readonly TaxRate[];
  accounts: readonly SpendAccount[];
  notes: { label: string; value: string; onChange: (value: string) => void };
}) {
  const { t } = useTranslation();
  const totals = grid.live.totals;
  return (
    <Card title={title} description={description}>
      <InvoiceLinesEditor
        businessId={businessId}
        currency={currency}
        pricesIncludeTax={false}
        lines={grid.lines}
        onChange={grid.setLines}
        taxRates={taxRates}
        defaultTaxRateId={grid.defaultTaxRateId}
        live={grid.live}
        lineError={grid.lineError}
        priceOf={costOf}
        discount={false}
        accounts={accountOptions(accounts)}
      />
      {grid.errors.field('lines') && (
        <p className="field-error" data-testid="field-error-lines">
          {grid.errors.field('lines')}
        </p>
      )}
      <div className="editor-bottom">
        <div className="form editor-notes">
          <TextAreaField label={notes.label} name="notes" value={notes.value} onChange={(e) => notes.onChange(e.target.value)} error={grid.errors.field('notes')} />
        </div>
        {totals ? (
          <InvoiceTotals
            pricesIncludeTax={false}
            view={{ currency, discountMinor: 0n, subtotalMinor: totals.subtotalMinor, taxes: totals.taxes, totalMinor: totals.totalMinor }}
            footer={grid.live.unreadable.size > 0 && <p className="field-error">{t('invoices.unreadableLines')}</p>}
          />
        ) : (
          <p className="muted">{t('invoices.noTotals')}</p>
        )}
      </div>
    </Card>
  );
}

type Action = { isPending: boolean; error: unknown; reset: () => void };

/**
 * The foot of a purchase draft: delete (asking first), save, and the step that makes it real
 * (placing an order, posting a bill), which asks for the exchange rate when the currency is foreign.
 * `onSubmit` saves and submits; it answers false when saving failed (the form shows why).
 */
export function DraftActions({
  kind,
  saved,
  canSubmit,
  submit,
  submitting,
  saving,
  saveError,
  removing,
  currency,
  baseCurrency,
  onSubmit,
  onDelete,
}: {
  kind: 'purchaseOrders' | 'bills';
  saved: boolean;
  canSubmit: boolean;
  submit: { label: string; title: string; body: string; testId: string };
  submitting: Action;
  saving: boolean;
  saveError: unknown;
  removing: Action;
  currency: string;
  baseCurrency: string;
  onSubmit: (exchangeRate: string | undefined) => Promise<boolean>;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const [confirm, setConfirm] = useState<'submit' | 'delete' | null>(null);
  const [exchangeRate, setExchangeRate] = useState('');
  const submitErrors = useFormErrors(submitting.error, ['exchangeRate']);
  const needsRate = currency !== baseCurrency;
  return (
    <>
      <div className="form-actions editor-actions">
        {saved && (
          <Button
            variant="ghost"
            className="text-danger"
            onClick={() => {
              removing.reset();
              setConfirm('delete');
            }}
            data-testid="delete-draft"
          >
            {t(`${kind}.deleteDraft`)}
          </Button>
        )}
        <span className="spacer" />
        <Button type="submit" variant="secondary" pending={saving && confirm === null} pendingLabel={t('common.saving')} data-testid="save-draft">
          {t(`${kind}.saveDraft`)}
        </Button>
        {canSubmit && (
          <Button
            onClick={() => {
              submitting.reset();
              setConfirm('submit');
            }}
            data-testid={submit.testId}
          >
            {submit.label}
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={confirm === 'submit'}
        title={submit.title}
        confirmLabel={submit.label}
        confirmVariant="primary"
        confirmDisabled={needsRate && !exchangeRate.trim()}
        autoFocusConfirm={!needsRate}
        pending={saving || submitting.isPending}
        error={submitErrors.general ?? saveError}
        onCancel={() => setConfirm(null)}
        onConfirm={() => void onSubmit(needsRate ? exchangeRate.trim() : undefined).then((ok) => !ok && setConfirm(null))}
      >
        <p>{submit.body}</p>
        {needsRate && (
          <ExchangeRateField currency={currency} baseCurrency={baseCurrency} value={exchangeRate} onChange={setExchangeRate} error={submitErrors.field('exchangeRate')} autoFocus />
        )}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'delete'}
        title={t(`${kind}.deleteTitle`)}
        confirmLabel={t(`${kind}.deleteDraft`)}
        pending={removing.isPending}
        error={removing.error}
        onCancel={() => setConfirm(null)}
        onConfirm={onDelete}
      >
        {t(`${kind}.deleteBody`)}
      </ConfirmDialog>
    </>
  );
}

export function DraftErrors({ grid }: { grid: ReturnType<typeof usePurchaseLines> }) {
  return <FormError error={grid.errors.general} extra={grid.errors.unplacedFieldMessages} />;
}

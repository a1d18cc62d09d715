import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { TextAreaField } from '../../../components/Field';
import { InvoiceLinesEditor } from '../../invoices/components/InvoiceLinesEditor';
import { InvoiceTotals } from '../../invoices/components/InvoiceTotals';
import type { EditorContext } from './DocumentEditorFrame';
import type { DocumentDraft } from './document-draft';

/** The lines grid (the invoice editor's, keyboard-first), notes, terms and live totals. */
export function DocumentLinesCard({ businessId, draft, ctx }: { businessId: string; draft: DocumentDraft; ctx: EditorContext }) {
  const { t } = useTranslation();
  const totals = draft.live.totals;
  return (
    <Card title={t('invoices.lines.title')} description={ctx.pricesIncludeTax ? t('invoices.pricesInclusive') : t('invoices.pricesExclusive')}>
      <InvoiceLinesEditor
        businessId={businessId}
        currency={draft.currency}
        pricesIncludeTax={ctx.pricesIncludeTax}
        lines={draft.lines}
        onChange={draft.setLines}
        taxRates={ctx.taxRates}
        defaultTaxRateId={draft.defaultTaxRateId}
        live={draft.live}
        lineError={draft.lineError}
      />
      {draft.errors.field('lines') && (
        <p className="field-error" data-testid="field-error-lines">
          {draft.errors.field('lines')}
        </p>
      )}
      <div className="editor-bottom">
        <div className="form editor-notes">
          <TextAreaField label={t('invoices.fields.notes')} name="notes" value={draft.notes} onChange={(e) => draft.setNotes(e.target.value)} error={draft.errors.field('notes')} />
          <TextAreaField label={t('invoices.fields.terms')} name="terms" value={draft.terms} onChange={(e) => draft.setTerms(e.target.value)} error={draft.errors.field('terms')} />
        </div>
        {totals ? (
          <InvoiceTotals
            pricesIncludeTax={ctx.pricesIncludeTax}
            view={{
              currency: draft.currency,
              discountMinor: totals.discountMinor,
              subtotalMinor: totals.subtotalMinor,
              taxes: totals.taxes,
              totalMinor: totals.totalMinor,
            }}
            footer={draft.live.unreadable.size > 0 ? <p className="field-error">{t('invoices.unreadableLines')}</p> : undefined}
          />
        ) : (
          <p className="muted">{t('invoices.noTotals')}</p>
        )}
      </div>
    </Card>
  );
}

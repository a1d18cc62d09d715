import type { ComponentProps, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { TextAreaField } from '../../../components/Field';
import { InvoiceLinesEditor } from './InvoiceLinesEditor';
import { InvoiceTotals } from './InvoiceTotals';

type TextInput = { value: string; onChange: (value: string) => void; error?: string };

/**
 * What a document bills, as it is being written: the lines grid, notes and terms, and the totals
 * computed live (shared by the invoice and the recurring invoice editors).
 */
export function InvoiceLinesCard({
  title,
  description,
  editor,
  linesError,
  notes,
  terms,
  totalsFooter,
}: {
  title: string;
  description: string;
  editor: ComponentProps<typeof InvoiceLinesEditor>;
  linesError?: string;
  notes: TextInput;
  terms: TextInput;
  totalsFooter?: ReactNode;
}) {
  const { t } = useTranslation();
  const totals = editor.live.totals;
  return (
    <Card title={title} description={description}>
      <InvoiceLinesEditor {...editor} />
      {linesError && (
        <p className="field-error" data-testid="field-error-lines">
          {linesError}
        </p>
      )}
      <div className="editor-bottom">
        <div className="form editor-notes">
          <TextAreaField label={t('invoices.fields.notes')} name="notes" value={notes.value} onChange={(e) => notes.onChange(e.target.value)} error={notes.error} />
          <TextAreaField label={t('invoices.fields.terms')} name="terms" value={terms.value} onChange={(e) => terms.onChange(e.target.value)} error={terms.error} />
        </div>
        {totals ? (
          <InvoiceTotals
            pricesIncludeTax={editor.pricesIncludeTax}
            view={{
              currency: editor.currency,
              discountMinor: totals.discountMinor,
              subtotalMinor: totals.subtotalMinor,
              taxes: totals.taxes,
              totalMinor: totals.totalMinor,
            }}
            footer={
              <>
                {editor.live.unreadable.size > 0 && <p className="field-error">{t('invoices.unreadableLines')}</p>}
                {totalsFooter}
              </>
            }
          />
        ) : (
          <p className="muted">{t('invoices.noTotals')}</p>
        )}
      </div>
    </Card>
  );
}

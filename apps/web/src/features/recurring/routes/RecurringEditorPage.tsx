import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ErrorState } from '../../../components/ErrorState';
import { SelectField, TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { Icon } from '../../../components/Icon';
import { PageSpinner } from '../../../components/Spinner';
import type { Permissions } from '../../../lib/permissions';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { contactQueryOptions } from '../../contacts/api/get-contact';
import { invoiceQueryOptions, type Invoice } from '../../invoices/api/get-invoice';
import { CustomerPicker } from '../../invoices/components/CustomerPicker';
import {
  blankLine,
  editorLinesFrom,
  isBlankLine,
  linesToSend,
  newLineKey,
  todayIso,
  useLinesFormErrors,
  useLiveTotals,
  type EditorLine,
} from '../../invoices/components/editor-lines';
import { InvoiceLinesCard } from '../../invoices/components/InvoiceLinesCard';
import { useCurrencyChoices } from '../../invoices/components/use-currency-choices';
import { WithTaxSettings } from '../../invoices/components/WithTaxSettings';
import type { TaxRate } from '../../taxes/api/get-tax-rates';
import { useCreateRecurringInvoice, type RecurringInvoiceInput } from '../api/create-recurring-invoice';
import { useRecurringInvoice, type RecurringInvoice } from '../api/get-recurring-invoice';
import { useUpdateRecurringInvoice } from '../api/update-recurring-invoice';
import { addMonths, daysBetween } from '../components/schedule';

type Props = { businessId: string; permissions: Permissions; baseCurrency: string };
type Frequency = RecurringInvoiceInput['frequency'];
type Ends = 'never' | 'date' | 'count';
type Mode = 'draft' | 'issue' | 'send';

const FREQUENCIES: readonly Frequency[] = ['weekly', 'monthly', 'quarterly', 'yearly'];
const HEAD_FIELDS = ['contactId', 'currency', 'frequency', 'startDate', 'endDate', 'count', 'dueDays', 'autoIssue', 'autoSend', 'notes', 'terms', 'lines'];
const WHOLE = /^\d+$/;

/** A new recurring invoice, blank or (from an invoice's "Make recurring") filled in from that invoice. */
export function NewRecurringInvoicePage({ fromInvoice, ...props }: Props & { fromInvoice?: string }) {
  const source = useQuery({ ...invoiceQueryOptions(props.businessId, fromInvoice ?? ''), enabled: !!fromInvoice });
  if (fromInvoice && source.isPending) return <PageSpinner />;
  if (fromInvoice && source.isError) return <ErrorState error={source.error} onRetry={() => void source.refetch()} retrying={source.isFetching} />;
  return <EditorFrame {...props} source={fromInvoice ? source.data : undefined} />;
}

export function EditRecurringInvoicePage({ templateId, ...props }: Props & { templateId: string }) {
  const template = useRecurringInvoice(props.businessId, templateId);
  if (template.isPending) return <PageSpinner />;
  if (template.isError) return <ErrorState error={template.error} onRetry={() => void template.refetch()} retrying={template.isFetching} />;
  return <EditorFrame {...props} template={template.data} />;
}

function EditorFrame(props: Props & { template?: RecurringInvoice; source?: Invoice }) {
  return (
    <WithTaxSettings businessId={props.businessId}>
      {(settings) => <RecurringEditor key={props.template?.id ?? props.source?.id ?? 'new'} {...props} {...settings} />}
    </WithTaxSettings>
  );
}

type Head = {
  currency: string;
  frequency: Frequency;
  startDate: string;
  ends: Ends;
  endDate: string;
  count: string;
  dueDays: string;
  mode: Mode;
  notes: string;
  terms: string;
};

function initialHead(baseCurrency: string, template?: RecurringInvoice, source?: Invoice): Head {
  const today = todayIso();
  if (template) {
    return {
      currency: template.currency,
      frequency: template.frequency,
      startDate: template.startDate,
      ends: template.count !== null ? 'count' : template.endDate !== null ? 'date' : 'never',
      endDate: template.endDate ?? '',
      count: template.count === null ? '' : String(template.count),
      dueDays: template.dueDays === null ? '' : String(template.dueDays),
      mode: template.autoSend ? 'send' : template.autoIssue ? 'issue' : 'draft',
      notes: template.notes,
      terms: template.terms,
    };
  }
  // From an invoice: the same day next month (or today, if that has passed) and the same terms.
  const next = source ? addMonths(source.issueDate, 1) : today;
  return {
    currency: source?.currency ?? baseCurrency,
    frequency: 'monthly',
    startDate: next < today ? today : next,
    ends: 'never',
    endDate: '',
    count: '',
    dueDays: source ? String(Math.max(0, daysBetween(source.issueDate, source.dueDate))) : '',
    mode: 'draft',
    notes: source?.notes ?? '',
    terms: source?.terms ?? '',
  };
}

function linesOfTemplate(template: RecurringInvoice): EditorLine[] {
  return template.lines.map((l) => ({
    key: newLineKey(),
    productId: l.productId ?? null,
    description: l.description ?? '',
    quantity: l.quantity,
    unitPrice: l.unitPrice ?? '',
    discountPercent: !l.discountPercent || l.discountPercent === '0' ? '' : l.discountPercent,
    taxRateId: l.taxRateId ?? '',
  }));
}

function RecurringEditor({
  businessId,
  baseCurrency,
  template,
  source,
  taxRates,
  pricesIncludeTax,
  taxRounding,
}: Props & {
  template?: RecurringInvoice;
  source?: Invoice;
  taxRates: TaxRate[];
  pricesIncludeTax: boolean;
  taxRounding: 'line' | 'document';
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(template ? t('recurring.editTitle') : t('recurring.newTitle'));
  const defaultTaxRateId = taxRates.find((r) => r.isDefault && r.active)?.id ?? '';
  const create = useCreateRecurringInvoice(businessId);
  const update = useUpdateRecurringInvoice(businessId);

  const initialContact = template?.contact ?? source?.contact ?? null;
  const [contact, setContact] = useState<{ id: string; name: string } | null>(initialContact);
  // The chosen customer's terms, for the "days until due" hint; loaded when the form starts with a customer.
  const [pickedTerms, setPickedTerms] = useState<number | null>(null);
  const knownContact = useQuery({ ...contactQueryOptions(businessId, initialContact?.id ?? ''), enabled: !!initialContact });
  const customerTerms = pickedTerms ?? (contact?.id === initialContact?.id ? knownContact.data?.paymentTermsDays : undefined) ?? null;

  const [head, setHead] = useState<Head>(() => initialHead(baseCurrency, template, source));
  const set = (patch: Partial<Head>) => setHead((h) => ({ ...h, ...patch }));
  const [lines, setLines] = useState<EditorLine[]>(() =>
    template ? linesOfTemplate(template) : source?.lines.length ? editorLinesFrom(source.lines) : [blankLine(defaultTaxRateId)],
  );
  const [sentKeys, setSentKeys] = useState<string[]>([]);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const saving = create.isPending || update.isPending;
  const saveError = create.error ?? update.error;
  const errors = useLinesFormErrors(saveError, HEAD_FIELDS, sentKeys);
  const fieldError = (name: string) => localErrors[name] ?? errors.field(name);

  const foreign = head.currency !== baseCurrency;
  const mode: Mode = foreign ? 'draft' : head.mode;
  const live = useLiveTotals({ currency: head.currency, pricesIncludeTax, taxRounding, lines, taxRates });
  const currencies = useCurrencyChoices(head.currency);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!contact) local.contactId = t('invoices.chooseCustomer');
    if (head.ends === 'count' && !(WHOLE.test(head.count.trim()) && Number(head.count) > 0)) local.count = t('recurring.wholeNumber');
    if (head.dueDays.trim() && !WHOLE.test(head.dueDays.trim())) local.dueDays = t('recurring.wholeNumber');
    setLocalErrors(local);
    if (Object.keys(local).length || !contact) return;
    const sent = linesToSend(lines);
    setSentKeys(sent.keys);
    const body: RecurringInvoiceInput = {
      contactId: contact.id,
      currency: head.currency,
      frequency: head.frequency,
      startDate: head.startDate,
      ...(head.ends === 'date' ? { endDate: head.endDate } : {}),
      ...(head.ends === 'count' ? { count: Number(head.count) } : {}),
      dueDays: head.dueDays.trim() ? Number(head.dueDays) : null,
      autoIssue: mode !== 'draft',
      autoSend: mode === 'send',
      notes: head.notes,
      terms: head.terms,
      lines: sent.lines,
    };
    try {
      const saved = template ? await update.mutateAsync({ templateId: template.id, body }) : await create.mutateAsync(body);
      void navigate({ to: '/b/$businessId/sales/recurring/$templateId', params: { businessId, templateId: saved.id } });
    } catch {
      // Shown through the mutation's error.
    }
  };

  const termsHint =
    customerTerms === null
      ? t('recurring.dueDaysHintNoCustomer')
      : t('recurring.dueDaysHint', { terms: customerTerms === 0 ? t('customers.onReceipt') : t('customers.days', { count: customerTerms }) });
  const dueDaysField = (
    <TextField
      label={t('recurring.fields.dueDays')}
      name="dueDays"
      inputMode="numeric"
      value={head.dueDays}
      placeholder={customerTerms === null ? '' : String(customerTerms)}
      onChange={(e) => set({ dueDays: e.target.value })}
      error={fieldError('dueDays')}
      hint={termsHint}
    />
  );
  const modes: { value: Mode; label: string; hint: string }[] = [
    { value: 'draft', label: t('recurring.mode.draft'), hint: t('recurring.mode.draftHint') },
    { value: 'issue', label: t('recurring.mode.issue'), hint: t('recurring.mode.issueHint') },
    { value: 'send', label: t('recurring.mode.issueAndSend'), hint: t('recurring.mode.issueAndSendHint') },
  ];

  return (
    <form className="subpage invoice-editor" onSubmit={(e) => void submit(e)} noValidate data-testid="recurring-editor">
      {template ? (
        <Link className="back-link" to="/b/$businessId/sales/recurring/$templateId" params={{ businessId, templateId: template.id }}>
          ← {t('recurring.backToTemplate')}
        </Link>
      ) : (
        <Link className="back-link" to="/b/$businessId/sales/recurring" params={{ businessId }}>
          ← {t('recurring.back')}
        </Link>
      )}
      <div className="subpage-head">
        <h2 className="subpage-title">{template ? t('recurring.editTitle') : t('recurring.newTitle')}</h2>
      </div>
      {source && (
        <p className="alert alert-info" data-testid="recurring-from-invoice">
          <Icon name="refresh" />
          <span>{t('recurring.fromInvoice', { number: source.number ?? t('invoices.draftNumber') })}</span>
        </p>
      )}
      <Card title={t('recurring.scheduleTitle')}>
        <div className="form">
          <div className="form-row">
            <CustomerPicker
              businessId={businessId}
              selectedName={contact?.name ?? ''}
              autoFocus={!contact}
              error={fieldError('contactId')}
              onSelect={(c) => {
                setContact({ id: c.id, name: c.name });
                setPickedTerms(c.paymentTermsDays);
                // The customer's currency, unless lines are already priced in another one.
                if (lines.every(isBlankLine)) set({ currency: c.currency });
              }}
            />
            <SelectField
              label={t('invoices.fields.currency')}
              name="currency"
              value={head.currency}
              options={currencies}
              onChange={(e) => set({ currency: e.target.value })}
              error={fieldError('currency')}
            />
          </div>
          <div className="form-row">
            <SelectField
              label={t('recurring.fields.frequency')}
              name="frequency"
              value={head.frequency}
              options={FREQUENCIES.map((f) => ({ value: f, label: t(`recurring.frequency.${f}`) }))}
              onChange={(e) => set({ frequency: e.target.value as Frequency })}
              error={fieldError('frequency')}
            />
            <TextField
              label={t('recurring.fields.startDate')}
              name="startDate"
              type="date"
              value={head.startDate}
              onChange={(e) => set({ startDate: e.target.value })}
              error={fieldError('startDate')}
              hint={!template && head.startDate && head.startDate < todayIso() ? t('recurring.pastStart') : t('recurring.startHint')}
            />
          </div>
          <div className="form-row">
            <SelectField
              label={t('recurring.fields.ends')}
              name="ends"
              value={head.ends}
              options={[
                { value: 'never', label: t('recurring.ends.never') },
                { value: 'date', label: t('recurring.ends.onDate') },
                { value: 'count', label: t('recurring.ends.afterCount') },
              ]}
              onChange={(e) => set({ ends: e.target.value as Ends })}
            />
            {head.ends === 'date' && (
              <TextField
                label={t('recurring.fields.endDate')}
                name="endDate"
                type="date"
                value={head.endDate}
                min={head.startDate}
                onChange={(e) => set({ endDate: e.target.value })}
                error={fieldError('endDate')}
              />
            )}
            {head.ends === 'count' && (
              <TextField
                label={t('recurring.fields.count')}
                name="count"
                inputMode="numeric"
                value={head.count}
                onChange={(e) => set({ count: e.target.value })}
                error={fieldError('count')}
                hint={template && template.generatedCount > 0 ? t('recurring.progress', { generated: template.generatedCount, count: head.count || '?' }) : undefined}
              />
            )}
            {head.ends === 'never' && dueDaysField}
          </div>
          {head.ends !== 'never' && (
            <div className="form-row">
              {dueDaysField}
              <span aria-hidden="true" />
            </div>
          )}
        </div>
      </Card>
      <InvoiceLinesCard
        title={t('recurring.linesTitle')}
        description={`${pricesIncludeTax ? t('invoices.pricesInclusive') : t('invoices.pricesExclusive')} ${t('recurring.linesFixed')}`}
        editor={{
          businessId,
          currency: head.currency,
          pricesIncludeTax,
          lines,
          onChange: setLines,
          taxRates,
          defaultTaxRateId,
          live,
          lineError: errors.lineError,
        }}
        linesError={fieldError('lines')}
        notes={{ value: head.notes, onChange: (notes) => set({ notes }), error: fieldError('notes') }}
        terms={{ value: head.terms, onChange: (terms) => set({ terms }), error: fieldError('terms') }}
      />
      <Card title={t('recurring.fields.mode')}>
        <fieldset className="choice-group recurring-modes" data-testid="recurring-mode">
          <legend className="sr-only">{t('recurring.fields.mode')}</legend>
          {modes.map((m) => (
            <label key={m.value} className={`choice${foreign && m.value !== 'draft' ? ' is-disabled' : ''}`}>
              <input
                type="radio"
                name="mode"
                value={m.value}
                checked={mode === m.value}
                disabled={foreign && m.value !== 'draft'}
                onChange={() => set({ mode: m.value })}
                data-testid={`mode-${m.value}`}
              />
              <span>
                <span className="choice-label">{m.label}</span>
                <span className="choice-hint">{m.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {foreign && (
          <p className="alert alert-info" data-testid="recurring-foreign-note">
            <Icon name="globe" />
            <span>{t('recurring.foreignNote', { currency: head.currency, base: baseCurrency })}</span>
          </p>
        )}
        {(fieldError('autoIssue') || fieldError('autoSend')) && (
          <p className="field-error" data-testid="field-error-mode">
            {fieldError('autoIssue') ?? fieldError('autoSend')}
          </p>
        )}
      </Card>
      <FormError error={errors.general} extra={errors.unplacedFieldMessages} />
      <div className="form-actions editor-actions">
        <span className="spacer" />
        {template ? (
          <Link className="btn btn-ghost btn-md" to="/b/$businessId/sales/recurring/$templateId" params={{ businessId, templateId: template.id }}>
            {t('recurring.cancel')}
          </Link>
        ) : (
          <Link className="btn btn-ghost btn-md" to="/b/$businessId/sales/recurring" params={{ businessId }}>
            {t('recurring.cancel')}
          </Link>
        )}
        <Button type="submit" pending={saving} pendingLabel={t('common.saving')} data-testid="save-recurring">
          {template ? t('recurring.save') : t('recurring.create')}
        </Button>
      </div>
    </form>
  );
}

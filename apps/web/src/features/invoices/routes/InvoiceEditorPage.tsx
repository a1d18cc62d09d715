import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { SelectField, TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { Icon } from '../../../components/Icon';
import { PageSpinner } from '../../../components/Spinner';
import { useFormErrors } from '../../../lib/error-message';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useContact } from '../../contacts/api/get-contact';
import type { TaxRate } from '../../taxes/api/get-tax-rates';
import { useCreateInvoice, type InvoiceDraftInput } from '../api/create-invoice';
import { useDeleteInvoice } from '../api/delete-invoice';
import { useInvoice, type Invoice } from '../api/get-invoice';
import { useIssueInvoice } from '../api/issue-invoice';
import { useUpdateInvoice } from '../api/update-invoice';
import { CustomerPicker } from '../components/CustomerPicker';
import {
  addDays,
  blankLine,
  editorLinesFrom,
  isBlankLine,
  linesToSend,
  todayIso,
  useLinesFormErrors,
  useLiveTotals,
  type EditorLine,
} from '../components/editor-lines';
import { InvoiceLinesCard } from '../components/InvoiceLinesCard';
import { useCurrencyChoices } from '../components/use-currency-choices';
import { WithTaxSettings } from '../components/WithTaxSettings';

type Props = { businessId: string; permissions: Permissions; baseCurrency: string };

export function NewInvoicePage({ contactId, ...props }: Props & { contactId?: string }) {
  const contact = useContact(props.businessId, contactId ?? '');
  if (contactId && contact.isPending) return <PageSpinner />;
  const c = contactId ? contact.data : undefined;
  return <EditorFrame {...props} initialContact={c ? { id: c.id, name: c.name, currency: c.currency, terms: c.paymentTermsDays } : undefined} />;
}

export function EditInvoicePage({ invoiceId, ...props }: Props & { invoiceId: string }) {
  const { t } = useTranslation();
  const invoice = useInvoice(props.businessId, invoiceId);
  if (invoice.isPending) return <PageSpinner />;
  if (invoice.isError) return <ErrorState error={invoice.error} onRetry={() => void invoice.refetch()} retrying={invoice.isFetching} />;
  if (invoice.data.status !== 'draft') {
    return (
      <EmptyState
        icon="sales"
        title={t('invoices.notDraftTitle')}
        action={
          <Link className="btn btn-secondary btn-md" to="/b/$businessId/sales/invoices/$invoiceId" params={{ businessId: props.businessId, invoiceId }}>
            {t('invoices.viewInvoice')}
          </Link>
        }
      >
        {t('invoices.notDraftBody')}
      </EmptyState>
    );
  }
  return <EditorFrame {...props} invoice={invoice.data} />;
}

type InitialContact = { id: string; name: string; currency: string; terms: number };

function EditorFrame(props: Props & { invoice?: Invoice; initialContact?: InitialContact }) {
  return (
    <WithTaxSettings businessId={props.businessId}>
      {(settings) => (
        <InvoiceEditor
          key={props.invoice?.id ?? 'new'}
          {...props}
          taxRates={settings.taxRates}
          // A draft keeps the rules it was created with; a new one takes the business's current rules.
          pricesIncludeTax={props.invoice?.pricesIncludeTax ?? settings.pricesIncludeTax}
          taxRounding={props.invoice?.taxRounding ?? settings.taxRounding}
        />
      )}
    </WithTaxSettings>
  );
}

const HEAD_FIELDS = ['contactId', 'currency', 'issueDate', 'dueDate', 'notes', 'terms', 'lines'];

type Verification = { matches: boolean; server: bigint; browser: bigint } | null;

// Saving a new draft moves to its edit page, which mounts a fresh editor; the check of the
// server's totals made on that save is handed over here so it is still shown.
const verificationOnSave = new Map<string, Verification>();

function InvoiceEditor({
  businessId,
  permissions,
  baseCurrency,
  invoice,
  initialContact,
  taxRates,
  pricesIncludeTax,
  taxRounding,
}: Props & {
  invoice?: Invoice;
  initialContact?: InitialContact;
  taxRates: TaxRate[];
  pricesIncludeTax: boolean;
  taxRounding: 'line' | 'document';
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(invoice ? t('invoices.editTitle') : t('invoices.new'));
  const defaultTaxRateId = taxRates.find((r) => r.isDefault && r.active)?.id ?? '';
  const create = useCreateInvoice(businessId);
  const update = useUpdateInvoice(businessId);
  const issue = useIssueInvoice(businessId);
  const remove = useDeleteInvoice(businessId);

  const [contact, setContact] = useState<{ id: string; name: string } | null>(
    invoice ? invoice.contact : initialContact ? { id: initialContact.id, name: initialContact.name } : null,
  );
  const today = todayIso();
  const [head, setHead] = useState({
    currency: invoice?.currency ?? initialContact?.currency ?? baseCurrency,
    issueDate: invoice?.issueDate ?? today,
    dueDate: invoice?.dueDate ?? addDays(today, initialContact?.terms ?? 0),
    notes: invoice?.notes ?? '',
    terms: invoice?.terms ?? '',
  });
  const [terms, setTermsDays] = useState<number>(initialContact?.terms ?? 0);
  const [lines, setLines] = useState<EditorLine[]>(() => (invoice?.lines.length ? editorLinesFrom(invoice.lines) : [blankLine(defaultTaxRateId)]));
  const [sentKeys, setSentKeys] = useState<string[]>([]);
  const [verification, setVerification] = useState<Verification>(() => (invoice && verificationOnSave.get(invoice.id)) || null);
  const [confirm, setConfirm] = useState<'issue' | 'delete' | null>(null);
  const [exchangeRate, setExchangeRate] = useState('');

  const canIssue = allows(permissions, 'invoices.issue');
  const saving = create.isPending || update.isPending;
  const saveError = create.error ?? update.error;
  const errors = useLinesFormErrors(saveError, HEAD_FIELDS, sentKeys);
  const lineError = errors.lineError;

  const live = useLiveTotals({ currency: head.currency, pricesIncludeTax, taxRounding, lines, taxRates });
  const currencies = useCurrencyChoices(head.currency);

  const body = (): { body: InvoiceDraftInput; keys: string[] } | null => {
    if (!contact) return null;
    const sent = linesToSend(lines);
    return {
      keys: sent.keys,
      body: {
        contactId: contact.id,
        currency: head.currency,
        issueDate: head.issueDate,
        dueDate: head.dueDate,
        notes: head.notes,
        terms: head.terms,
        lines: sent.lines,
      },
    };
  };

  const [missingCustomer, setMissingCustomer] = useState(false);

  /** Saves the draft and checks the server's totals against the ones shown while typing. */
  const save = async (): Promise<Invoice | null> => {
    const draft = body();
    if (!draft) {
      setMissingCustomer(true);
      return null;
    }
    setSentKeys(draft.keys);
    const expected = live.totals;
    try {
      const saved = invoice
        ? await update.mutateAsync({ invoiceId: invoice.id, body: draft.body })
        : await create.mutateAsync(draft.body);
      if (expected && live.unreadable.size === 0) {
        const server = BigInt(saved.total.amountMinor);
        const matches =
          server === expected.totalMinor &&
          BigInt(saved.subtotal.amountMinor) === expected.subtotalMinor &&
          BigInt(saved.tax.amountMinor) === expected.taxMinor;
        const result = { matches, server, browser: expected.totalMinor };
        setVerification(result);
        verificationOnSave.set(saved.id, result);
      } else {
        setVerification(null);
      }
      return saved;
    } catch {
      return null;
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save();
    if (saved && !invoice) {
      void navigate({ to: '/b/$businessId/sales/invoices/$invoiceId/edit', params: { businessId, invoiceId: saved.id }, replace: true });
    }
  };

  const needsRate = head.currency !== baseCurrency;
  const issueNow = async () => {
    const saved = await save();
    if (!saved) {
      setConfirm(null);
      return;
    }
    issue.mutate(
      { invoiceId: saved.id, ...(needsRate ? { exchangeRate: exchangeRate.trim() } : {}) },
      {
        onSuccess: () => {
          setConfirm(null);
          void navigate({ to: '/b/$businessId/sales/invoices/$invoiceId', params: { businessId, invoiceId: saved.id } });
        },
      },
    );
  };

  const issueFields = useFormErrors(issue.error, ['exchangeRate']);

  return (
    <form className="subpage invoice-editor" onSubmit={(e) => void submit(e)} noValidate data-testid="invoice-editor">
      <Link className="back-link" to="/b/$businessId/sales/invoices" params={{ businessId }}>
        ← {t('invoices.back')}
      </Link>
      <div className="subpage-head">
        <h2 className="subpage-title">
          {invoice ? t('invoices.editTitle') : t('invoices.new')} <span className="badge">{t('invoices.status.draft')}</span>
        </h2>
      </div>
      <Card>
        <div className="form">
          <div className="form-row">
            <CustomerPicker
              businessId={businessId}
              selectedName={contact?.name ?? ''}
              autoFocus={!contact}
              error={errors.field('contactId') ?? (missingCustomer && !contact ? t('invoices.chooseCustomer') : undefined)}
              onSelect={(c) => {
                setContact({ id: c.id, name: c.name });
                setTermsDays(c.paymentTermsDays);
                setHead((h) => ({
                  ...h,
                  // The customer's currency, unless lines are already priced in another one.
                  currency: lines.every(isBlankLine) ? c.currency : h.currency,
                  dueDate: addDays(h.issueDate, c.paymentTermsDays),
                }));
              }}
            />
            <SelectField
              label={t('invoices.fields.currency')}
              name="currency"
              value={head.currency}
              options={currencies}
              onChange={(e) => setHead({ ...head, currency: e.target.value })}
              error={errors.field('currency')}
              hint={head.currency !== baseCurrency ? t('invoices.foreignCurrencyHint', { base: baseCurrency }) : undefined}
            />
          </div>
          <div className="form-row">
            <TextField
              label={t('invoices.fields.issueDate')}
              name="issueDate"
              type="date"
              value={head.issueDate}
              onChange={(e) => setHead({ ...head, issueDate: e.target.value, dueDate: addDays(e.target.value, terms) })}
              error={errors.field('issueDate')}
            />
            <TextField
              label={t('invoices.fields.dueDate')}
              name="dueDate"
              type="date"
              value={head.dueDate}
              onChange={(e) => setHead({ ...head, dueDate: e.target.value })}
              error={errors.field('dueDate')}
            />
          </div>
        </div>
      </Card>
      <InvoiceLinesCard
        title={t('invoices.lines.title')}
        description={pricesIncludeTax ? t('invoices.pricesInclusive') : t('invoices.pricesExclusive')}
        editor={{
          businessId,
          currency: head.currency,
          pricesIncludeTax,
          lines,
          onChange: (next) => {
            setLines(next);
            setVerification(null);
          },
          taxRates,
          defaultTaxRateId,
          live,
          lineError,
        }}
        linesError={errors.field('lines')}
        notes={{ value: head.notes, onChange: (notes) => setHead({ ...head, notes }), error: errors.field('notes') }}
        terms={{ value: head.terms, onChange: (terms) => setHead({ ...head, terms }), error: errors.field('terms') }}
        totalsFooter={
          verification && (
            <p className={verification.matches ? 'verify verify-ok' : 'verify verify-bad'} data-testid="totals-verification" role="status">
              <Icon name={verification.matches ? 'check' : 'alert'} size={16} />
              {verification.matches ? t('invoices.verified') : t('invoices.verifyMismatch')}
            </p>
          )
        }
      />
      <FormError error={errors.general} extra={errors.unplacedFieldMessages} />
      <div className="form-actions editor-actions">
        {invoice && (
          <Button variant="ghost" className="text-danger" onClick={() => { remove.reset(); setConfirm('delete'); }} data-testid="delete-draft">
            {t('invoices.deleteDraft')}
          </Button>
        )}
        <span className="spacer" />
        <Button type="submit" variant="secondary" pending={saving && confirm === null} pendingLabel={t('common.saving')} data-testid="save-draft">
          {t('invoices.saveDraft')}
        </Button>
        {canIssue && (
          <Button
            onClick={() => {
              issue.reset();
              setConfirm('issue');
            }}
            data-testid="issue-invoice"
          >
            {t('invoices.issue')}
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={confirm === 'issue'}
        title={t('invoices.issueTitle')}
        confirmLabel={t('invoices.issue')}
        confirmVariant="primary"
        confirmDisabled={needsRate && !exchangeRate.trim()}
        autoFocusConfirm={!needsRate}
        pending={saving || issue.isPending}
        error={issueFields.general ?? (saveError ? saveError : null)}
        errorDetails={issueFields.unplacedFieldMessages}
        onCancel={() => setConfirm(null)}
        onConfirm={() => void issueNow()}
      >
        <p>{t('invoices.issueBody')}</p>
        {needsRate && (
          <TextField
            label={t('invoices.exchangeRate', { from: head.currency, to: baseCurrency })}
            name="exchangeRate"
            inputMode="decimal"
            value={exchangeRate}
            onChange={(e) => setExchangeRate(e.target.value)}
            error={issueFields.field('exchangeRate')}
            hint={t('invoices.exchangeRateHint', { from: head.currency, to: baseCurrency })}
            autoFocus
          />
        )}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'delete'}
        title={t('invoices.deleteTitle')}
        confirmLabel={t('invoices.deleteDraft')}
        pending={remove.isPending}
        error={remove.error}
        onCancel={() => setConfirm(null)}
        onConfirm={() =>
          invoice &&
          remove.mutate(invoice.id, {
            onSuccess: () => void navigate({ to: '/b/$businessId/sales/invoices', params: { businessId } }),
          })
        }
      >
        {t('invoices.deleteBody')}
      </ConfirmDialog>
    </form>
  );
}

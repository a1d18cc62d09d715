import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { CURRENCIES } from '@keeper/money';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { Icon } from '../../../components/Icon';
import { ApiError } from '../../../lib/api';
import { useFieldErrorMessage } from '../../../lib/error-message';
import { useMoneyFormat } from '../../../lib/money';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCreateJournalEntry } from '../api/create-journal-entry';
import { useAccounts } from '../api/get-accounts';
import { emptyLine, entryTotals, toRequestLines, type EntryLine } from '../components/entry-lines';

const pad = (n: number) => String(n).padStart(2, '0');
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

export function NewJournalEntryPage({ businessId, baseCurrency }: { businessId: string; baseCurrency: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('books.entry.title'));
  const navigate = useNavigate();
  const money = useMoneyFormat();
  const accounts = useAccounts(businessId);
  const create = useCreateJournalEntry(businessId);
  const [date, setDate] = useState(today);
  const [description, setDescription] = useState('');
  const [lines, setLines] = useState<EntryLine[]>(() => [emptyLine(baseCurrency), emptyLine(baseCurrency)]);
  // Where each submitted line sat in the form, so the API's lines.N.field errors land under the right cell.
  const [submittedIndex, setSubmittedIndex] = useState<number[]>([]);
  const totals = entryTotals(lines, baseCurrency);
  const hasForeign = lines.some((l) => l.currency !== baseCurrency);

  const apiError = create.error instanceof ApiError ? create.error : null;
  const fieldMessage = useFieldErrorMessage();
  const messageOf = (field: string) => {
    const found = apiError?.fields.find((f) => f.field === field);
    return found ? fieldMessage(found) : undefined;
  };
  const lineError = (formIndex: number, field: string) => {
    const apiIndex = submittedIndex.indexOf(formIndex);
    return apiIndex < 0 ? undefined : messageOf(`lines.${apiIndex}.${field}`);
  };
  const shownFields = new Set(['date', 'description', 'lines', ...submittedIndex.flatMap((_, i) => ['accountId', 'amount', 'side', 'currency', 'exchangeRate', 'baseAmount', 'description'].map((f) => `lines.${i}.${f}`))]);
  const otherErrors = apiError?.fields.filter((f) => !shownFields.has(f.field)).map((f) => fieldMessage(f)) ?? [];

  const update = (index: number, patch: Partial<EntryLine>) => setLines((ls) => ls.map((l, i) => (i === index ? { ...l, ...patch } : l)));

  const submit = () => {
    const { body, indexOf } = toRequestLines(lines, baseCurrency);
    setSubmittedIndex(indexOf);
    create.mutate(
      { date, description: description.trim(), lines: body },
      { onSuccess: () => void navigate({ to: '/b/$businessId/reports/journal', params: { businessId } }) },
    );
  };

  const activeAccounts = accounts.data?.items.filter((a) => a.isActive) ?? [];
  const difference = totals.debit > totals.credit ? totals.debit - totals.credit : totals.credit - totals.debit;

  return (
    <Card
      title={t('books.entry.title')}
      testId="journal-entry-form"
      actions={
        <Link className="btn btn-ghost btn-sm" to="/b/$businessId/reports/journal" params={{ businessId }}>
          ← {t('books.entry.back')}
        </Link>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <FormError error={apiError && apiError.fields.length > 0 && otherErrors.length === 0 ? null : create.error} extra={otherErrors} />
        <div className="form-grid">
          <TextField label={t('books.entry.date')} name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} error={messageOf('date')} required />
          <TextField
            label={t('books.entry.description')}
            name="description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            error={messageOf('description')}
            required
          />
        </div>
        {hasForeign && <p className="muted small">{t('books.entry.foreignHint', { base: baseCurrency })}</p>}
        <div className="table-wrap">
          <table className="table entry-table" data-testid="entry-lines">
            <thead>
              <tr>
                <th scope="col">{t('books.entry.account')}</th>
                <th scope="col" className="align-end">
                  {t('books.entry.debit')}
                </th>
                <th scope="col" className="align-end">
                  {t('books.entry.credit')}
                </th>
                <th scope="col">{t('books.entry.currency')}</th>
                <th scope="col">{t('books.entry.lineDescription')}</th>
                <th scope="col">
                  <span className="sr-only">{t('common.delete')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line, i) => {
                const err = (f: string) => lineError(i, f);
                const cellError = (f: string) => err(f) && <span className="field-error" data-testid={`line-${i}-error-${f}`}>{err(f)}</span>;
                return (
                  <tr key={line.key} data-testid={`entry-line-${i}`}>
                    <td data-label={t('books.entry.account')}>
                      <select
                        className="input select input-sm"
                        aria-label={t('books.entry.account')}
                        value={line.accountId}
                        aria-invalid={!!err('accountId')}
                        onChange={(e) => update(i, { accountId: e.target.value })}
                        data-testid={`line-${i}-account`}
                      >
                        <option value="">{t('books.entry.chooseAccount')}</option>
                        {activeAccounts.map((a) => (
                          <option key={a.id} value={a.id}>
                            {a.code} {a.name}
                          </option>
                        ))}
                      </select>
                      {cellError('accountId')}
                    </td>
                    <td data-label={t('books.entry.debit')} className="align-end">
                      <input
                        className="input input-sm num"
                        inputMode="decimal"
                        aria-label={`${t('books.entry.debit')} ${i + 1}`}
                        value={line.debit}
                        aria-invalid={!!err('amount') && !!line.debit}
                        onChange={(e) => update(i, { debit: e.target.value, ...(e.target.value ? { credit: '' } : {}) })}
                        data-testid={`line-${i}-debit`}
                      />
                      {line.debit && cellError('amount')}
                    </td>
                    <td data-label={t('books.entry.credit')} className="align-end">
                      <input
                        className="input input-sm num"
                        inputMode="decimal"
                        aria-label={`${t('books.entry.credit')} ${i + 1}`}
                        value={line.credit}
                        aria-invalid={!!err('amount') && !line.debit}
                        onChange={(e) => update(i, { credit: e.target.value, ...(e.target.value ? { debit: '' } : {}) })}
                        data-testid={`line-${i}-credit`}
                      />
                      {!line.debit && cellError('amount')}
                      {cellError('side')}
                    </td>
                    <td data-label={t('books.entry.currency')}>
                      <div className="entry-currency">
                        <select
                          className="input select input-sm"
                          aria-label={t('books.entry.currency')}
                          value={line.currency}
                          onChange={(e) => update(i, { currency: e.target.value })}
                          data-testid={`line-${i}-currency`}
                        >
                          {CURRENCIES.map((c) => (
                            <option key={c} value={c}>
                              {c}
                            </option>
                          ))}
                        </select>
                        {line.currency !== baseCurrency && (
                          <input
                            className="input input-sm num"
                            inputMode="decimal"
                            placeholder={t('books.entry.exchangeRate', { base: baseCurrency })}
                            aria-label={t('books.entry.exchangeRate', { base: baseCurrency })}
                            value={line.exchangeRate}
                            aria-invalid={!!err('exchangeRate')}
                            onChange={(e) => update(i, { exchangeRate: e.target.value })}
                            data-testid={`line-${i}-rate`}
                          />
                        )}
                      </div>
                      {cellError('currency')}
                      {cellError('exchangeRate')}
                    </td>
                    <td data-label={t('books.entry.lineDescription')}>
                      <input
                        className="input input-sm"
                        aria-label={t('books.entry.lineDescription')}
                        value={line.description}
                        onChange={(e) => update(i, { description: e.target.value })}
                      />
                      {cellError('description')}
                    </td>
                    <td className="align-end">
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={t('books.entry.removeLine', { number: i + 1 })}
                        disabled={lines.length <= 2}
                        onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
                      >
                        <Icon name="close" size={16} />
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr className="report-grand-row">
                <td>
                  {t('books.entry.totals')} ({baseCurrency})
                </td>
                <td className="align-end num" data-label={t('books.entry.debit')} data-testid="entry-total-debit">
                  {money.minor(totals.debit, baseCurrency)}
                </td>
                <td className="align-end num" data-label={t('books.entry.credit')} data-testid="entry-total-credit">
                  {money.minor(totals.credit, baseCurrency)}
                </td>
                <td colSpan={3}>
                  <span
                    className={`badge ${totals.balanced ? 'badge-status-accepted' : difference === 0n ? 'badge-muted' : 'badge-invoice-overdue'}`}
                    role="status"
                    data-testid="entry-balance"
                  >
                    {totals.balanced
                      ? t('books.entry.balanced')
                      : difference === 0n
                        ? t('books.entry.needTwoLines')
                        : t('books.entry.difference', { amount: money.minor(difference, baseCurrency) })}
                  </span>
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
        {messageOf('lines') && <p className="field-error">{messageOf('lines')}</p>}
        <div className="form-actions">
          <Button variant="secondary" onClick={() => setLines((ls) => [...ls, emptyLine(baseCurrency)])} data-testid="entry-add-line">
            <Icon name="plus" size={16} />
            <span>{t('books.entry.addLine')}</span>
          </Button>
          <Button type="submit" pending={create.isPending} disabled={!totals.balanced} data-testid="entry-submit">
            {t('books.entry.post')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

import { useTranslation } from 'react-i18next';
import type { RecurringInvoice } from '../api/get-recurring-invoice';

type Template = Pick<RecurringInvoice, 'frequency' | 'endDate' | 'count' | 'dueDays' | 'autoIssue' | 'autoSend'>;

/** How a template's schedule and behaviour read in the reader's language. */
export function useRecurringLabels() {
  const { t } = useTranslation();
  return {
    frequency: (f: Template['frequency']) => t(`recurring.frequency.${f}`),
    ends: (r: Pick<Template, 'endDate' | 'count'>, date: (iso: string) => string) =>
      r.count !== null
        ? t('recurring.endsAfter', { count: r.count })
        : r.endDate !== null
          ? t('recurring.endsOn', { date: date(r.endDate) })
          : t('recurring.endsNever'),
    due: (dueDays: number | null) =>
      dueDays === null ? t('recurring.dueCustomerTerms') : dueDays === 0 ? t('recurring.dueOnReceipt') : t('recurring.dueAfter', { count: dueDays }),
    mode: (r: Pick<Template, 'autoIssue' | 'autoSend'>) =>
      r.autoSend ? t('recurring.modeIssueAndSend') : r.autoIssue ? t('recurring.modeIssue') : t('recurring.modeDraft'),
  };
}

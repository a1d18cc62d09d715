import { useTranslation } from 'react-i18next';
import type { QuoteStatus } from '../api/get-quotes';

export function QuoteStatusBadge({ status }: { status: QuoteStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-quote-${status}`} data-status={status} data-testid="quote-status">
      {t(`quotes.status.${status}`)}
    </span>
  );
}

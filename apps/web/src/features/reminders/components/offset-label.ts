import { useTranslation } from 'react-i18next';

/** "3 days before due", "On the due date", "7 days after due". */
export function useOffsetLabel() {
  const { t } = useTranslation();
  return (offset: number) =>
    offset < 0 ? t('reminders.offsetBefore', { count: -offset }) : offset === 0 ? t('reminders.offsetOn') : t('reminders.offsetAfter', { count: offset });
}

import { useTranslation } from 'react-i18next';

export function Spinner({ size = 'md', label }: { size?: 'sm' | 'md' | 'lg'; label?: string }) {
  return <span className={`spinner spinner-${size}`} role={label ? 'status' : undefined} aria-label={label} />;
}

/** A centred spinner for a whole page or panel that is still loading. */
export function PageSpinner() {
  const { t } = useTranslation();
  return (
    <div className="page-spinner" data-testid="loading">
      <Spinner size="lg" label={t('common.loading')} />
    </div>
  );
}

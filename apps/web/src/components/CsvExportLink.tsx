import { useTranslation } from 'react-i18next';

/** "Export CSV" for a list: a plain download link (same origin, the session cookie goes along) to the API's export of what the list shows. */
export function CsvExportLink({ href, testId }: { href: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <a className="btn btn-ghost btn-sm" href={href} download data-testid={testId}>
      {t('common.exportCsv')}
    </a>
  );
}

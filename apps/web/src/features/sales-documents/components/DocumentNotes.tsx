import { useTranslation } from 'react-i18next';

/** Notes and terms of a saved document, when there are any. */
export function DocumentNotes({ notes, terms }: { notes: string; terms: string }) {
  const { t } = useTranslation();
  return (
    <div className="editor-notes">
      {notes && (
        <>
          <h3 className="field-label">{t('invoices.fields.notes')}</h3>
          <p className="pre-wrap">{notes}</p>
        </>
      )}
      {terms && (
        <>
          <h3 className="field-label">{t('invoices.fields.terms')}</h3>
          <p className="pre-wrap">{terms}</p>
        </>
      )}
    </div>
  );
}

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { FormError } from './FormError';
import { Icon } from './Icon';

export type ImportMode = 'all-or-nothing' | 'valid-only';

type ImportRowError = { row: number; field: string; code: string; message: string };
export type CsvPreview = {
  columns: string[];
  ignoredColumns: string[];
  rows: { row: number; values: Record<string, string>; valid: boolean; errors: ImportRowError[] }[];
  counts: { total: number; valid: number; invalid: number };
};
export type CsvImportResult = { mode: ImportMode; counts: { total: number; imported: number; skipped: number }; errors: ImportRowError[] };

type Step = { csv: string; fileName: string; preview: CsvPreview } | null;

// Only this many rows are drawn; the counts above the table cover the whole file.
const PREVIEW_ROWS = 200;

/**
 * Upload a CSV → see every row the server would import with its errors → choose to import nothing
 * when a row fails or only the valid rows. The server checks the file twice (preview and import),
 * so nothing here decides validity.
 */
export function CsvImportDialog({
  open,
  title,
  columnsHint,
  onClose,
  preview,
  runImport,
  testId = 'csv-import',
}: {
  open: boolean;
  title: ReactNode;
  columnsHint: ReactNode;
  onClose: () => void;
  preview: { run: (csv: string) => Promise<CsvPreview>; pending: boolean; error: unknown; reset: () => void };
  runImport: {
    run: (input: { csv: string; mode: ImportMode }) => Promise<CsvImportResult>;
    pending: boolean;
    error: unknown;
    reset: () => void;
  };
  testId?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [step, setStep] = useState<Step>(null);
  const [mode, setMode] = useState<ImportMode>('all-or-nothing');
  const [result, setResult] = useState<CsvImportResult | null>(null);
  const busy = preview.pending || runImport.pending;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const close = () => {
    if (busy) return;
    setStep(null);
    setResult(null);
    setMode('all-or-nothing');
    preview.reset();
    runImport.reset();
    onClose();
  };

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    setResult(null);
    runImport.reset();
    const csv = await file.text();
    try {
      setStep({ csv, fileName: file.name, preview: await preview.run(csv) });
    } catch {
      setStep(null);
    }
  };

  const start = async () => {
    if (!step) return;
    try {
      setResult(await runImport.run({ csv: step.csv, mode }));
    } catch {
      // Shown by FormError below.
    }
  };

  const counts = step?.preview.counts;
  const blocked = !!counts && (counts.valid === 0 || (mode === 'all-or-nothing' && counts.invalid > 0));

  return (
    <dialog
      ref={ref}
      className="dialog dialog-wide"
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      {open && (
        <div className="dialog-body">
          <h2 className="dialog-title">{title}</h2>
          {result ? (
            <div className="alert alert-success" role="status" data-testid="import-result">
              <Icon name="check" />
              <div>
                <p>{t('csvImport.imported', { count: result.counts.imported })}</p>
                {result.counts.skipped > 0 && <p className="alert-detail">{t('csvImport.skipped', { count: result.counts.skipped })}</p>}
              </div>
            </div>
          ) : (
            <>
              <p className="dialog-text">{columnsHint}</p>
              <label className="file-drop">
                <input
                  type="file"
                  accept=".csv,text/csv"
                  data-testid="import-file"
                  disabled={busy}
                  onChange={(e) => void chooseFile(e.target.files?.[0])}
                />
                <span>{step ? t('csvImport.chosen', { name: step.fileName }) : t('csvImport.choose')}</span>
              </label>
              {preview.pending && <p className="muted small">{t('csvImport.checking')}</p>}
              <FormError error={preview.error} />
              {step && counts && (
                <>
                  <p className="import-counts" data-testid="import-counts">
                    {t('csvImport.counts', { total: counts.total, valid: counts.valid, invalid: counts.invalid })}
                  </p>
                  {step.preview.ignoredColumns.length > 0 && (
                    <p className="muted small">{t('csvImport.ignored', { columns: step.preview.ignoredColumns.join(', ') })}</p>
                  )}
                  <div className="import-preview">
                    <table className="table table-compact" data-testid="import-preview">
                      <thead>
                        <tr>
                          <th scope="col">{t('csvImport.row')}</th>
                          {step.preview.columns.map((c) => (
                            <th scope="col" key={c}>
                              {c}
                            </th>
                          ))}
                          <th scope="col">{t('csvImport.problems')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {step.preview.rows.slice(0, PREVIEW_ROWS).map((row) => (
                          <tr key={row.row} className={row.valid ? undefined : 'row-invalid'}>
                            <td>{row.row}</td>
                            {step.preview.columns.map((c) => (
                              <td key={c} className={row.errors.some((e) => e.field === c) ? 'cell-invalid' : undefined}>
                                {row.values[c] ?? ''}
                              </td>
                            ))}
                            <td className="import-errors">
                              {row.errors.length === 0 ? (
                                <span className="muted">{t('csvImport.ok')}</span>
                              ) : (
                                row.errors.map((e) => (
                                  <span key={`${e.field}-${e.code}`} className="text-danger">
                                    {e.field}: {e.message}
                                  </span>
                                ))
                              )}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  {counts.total > PREVIEW_ROWS && <p className="muted small">{t('csvImport.truncated', { shown: PREVIEW_ROWS })}</p>}
                  <fieldset className="choice-group">
                    <legend className="field-label">{t('csvImport.modeLabel')}</legend>
                    <label className="check">
                      <input
                        type="radio"
                        name="import-mode"
                        checked={mode === 'all-or-nothing'}
                        onChange={() => setMode('all-or-nothing')}
                        data-testid="import-mode-all"
                      />
                      <span>{t('csvImport.allOrNothing')}</span>
                    </label>
                    <label className="check">
                      <input
                        type="radio"
                        name="import-mode"
                        checked={mode === 'valid-only'}
                        onChange={() => setMode('valid-only')}
                        data-testid="import-mode-valid"
                      />
                      <span>{t('csvImport.validOnly', { count: counts.valid })}</span>
                    </label>
                  </fieldset>
                  {blocked && counts.valid > 0 && <p className="field-error">{t('csvImport.blocked')}</p>}
                </>
              )}
              <FormError error={runImport.error} />
            </>
          )}
          <div className="dialog-actions">
            <Button variant="secondary" onClick={close} disabled={busy} data-testid="import-close">
              {result ? t('common.close') : t('common.cancel')}
            </Button>
            {!result && (
              <Button
                onClick={() => void start()}
                disabled={!step || blocked}
                pending={runImport.pending}
                pendingLabel={t('csvImport.importing')}
                data-testid="import-submit"
              >
                {t('csvImport.submit', { count: mode === 'valid-only' ? (counts?.valid ?? 0) : (counts?.total ?? 0) })}
              </Button>
            )}
          </div>
        </div>
      )}
    </dialog>
  );
}

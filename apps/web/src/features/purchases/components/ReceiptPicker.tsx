import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Icon } from '../../../components/Icon';
import { RECEIPT_MAX_BYTES, RECEIPT_TYPES } from '../api/expense-receipt';

/** A preview of a receipt: the image itself, or the PDF's name with a link to open it. */
export function ReceiptPreview({ url, contentType, fileName, alt }: { url: string; contentType: string; fileName: string; alt: string }) {
  const { t } = useTranslation();
  if (contentType.startsWith('image/')) {
    return (
      <a href={url} target="_blank" rel="noreferrer" className="receipt-preview" data-testid="receipt-preview">
        <img src={url} alt={alt} />
      </a>
    );
  }
  return (
    <a href={url} target="_blank" rel="noreferrer" className="receipt-file" data-testid="receipt-preview">
      <Icon name="copy" size={20} />
      <span>{fileName}</span>
      <span className="muted small">{t('expenses.receipt.open')}</span>
    </a>
  );
}

/**
 * Chooses a receipt file and shows it before it is sent; refuses (with a message) what the API
 * would refuse: another type, or more than 5 MB.
 */
export function ReceiptPicker({
  file,
  onChange,
  label,
  buttonLabel,
  error,
}: {
  file: File | null;
  onChange: (file: File | null) => void;
  /** The field's label; none where the card already says what it is. */
  label?: string;
  buttonLabel?: string;
  error?: string;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) {
      setUrl(null);
      return;
    }
    const objectUrl = URL.createObjectURL(file);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [file]);

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    if (!RECEIPT_TYPES.includes(chosen.type)) setProblem(t('expenses.receipt.wrongType'));
    else if (chosen.size > RECEIPT_MAX_BYTES) setProblem(t('expenses.receipt.tooLarge'));
    else {
      setProblem(null);
      onChange(chosen);
      return;
    }
    onChange(null);
  };
  const message = problem ?? error;
  return (
    <div className={`field${message ? ' field-invalid' : ''}`}>
      {label && <span className="field-label">{label}</span>}
      <div className="receipt-picker">
        {file && url && <ReceiptPreview url={url} contentType={file.type} fileName={file.name} alt={file.name} />}
        <div className="receipt-picker-actions">
          <input
            ref={input}
            type="file"
            accept={RECEIPT_TYPES.join(',')}
            className="sr-only"
            onChange={(e) => {
              choose(e.target.files?.[0]);
              e.target.value = '';
            }}
            data-testid="receipt-file"
          />
          <Button variant="secondary" size="sm" onClick={() => input.current?.click()}>
            {buttonLabel ?? (file ? t('expenses.receipt.replace') : t('expenses.receipt.choose'))}
          </Button>
          {file && (
            <Button variant="ghost" size="sm" onClick={() => onChange(null)}>
              {t('expenses.receipt.remove')}
            </Button>
          )}
          <span className="muted small">{t('expenses.receipt.hint')}</span>
        </div>
      </div>
      {message && (
        <p className="field-error" data-testid="field-error-receipt">
          {message}
        </p>
      )}
    </div>
  );
}

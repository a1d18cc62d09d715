import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const MAX_ATTEMPTS = 10;

/**
 * Downloads an invoice PDF. The PDF may still be rendering (202 PDF_NOT_READY): say so and retry
 * after the server's Retry-After, then save the file. The plain link still works without script.
 * `credentials` is 'omit' on the public page (no session) and 'same-origin' inside the app.
 */
export function PdfDownload({
  href,
  fileName,
  credentials,
  variant = 'primary',
  size = 'md',
  testId,
}: {
  href: string;
  fileName: string;
  credentials: RequestCredentials;
  variant?: 'primary' | 'secondary';
  size?: 'sm' | 'md';
  testId: string;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'preparing' | 'failed'>('idle');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const attempt = async (n: number) => {
    try {
      const response = await fetch(href, { credentials });
      if (response.status === 202 && n < MAX_ATTEMPTS) {
        setState('preparing');
        const seconds = Number(response.headers.get('Retry-After')) || 2;
        timer.current = window.setTimeout(() => void attempt(n + 1), Math.min(seconds, 10) * 1000);
        return;
      }
      if (!response.ok || response.status === 202) throw new Error(String(response.status));
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState('idle');
    } catch {
      setState('failed');
    }
  };

  return (
    <div className="pdf-download">
      <a
        className={`btn btn-${variant} btn-${size}`}
        href={href}
        download={fileName}
        data-testid={testId}
        aria-disabled={state === 'preparing'}
        onClick={(event) => {
          event.preventDefault();
          if (state !== 'preparing') void attempt(1);
        }}
      >
        {t('pdf.download')}
      </a>
      {state === 'preparing' && (
        <p className="muted small" role="status" data-testid={`${testId}-preparing`}>
          {t('pdf.preparing')}
        </p>
      )}
      {state === 'failed' && (
        <p className="text-danger small" role="alert">
          {t('pdf.failed')}
        </p>
      )}
    </div>
  );
}

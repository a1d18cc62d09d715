import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';
import { useErrorMessage } from '../lib/error-message';
import { Button } from './Button';
import { Icon } from './Icon';

/** A failed load, with what went wrong and a way to try again. */
export function ErrorState({ error, onRetry, retrying }: { error: unknown; onRetry?: () => void; retrying?: boolean }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <div className="error-state" role="alert" data-testid="error-state">
      <div className="error-state-icon">
        <Icon name="alert" size={24} />
      </div>
      <div className="error-state-text">
        <h2>{t('errors.loadFailed')}</h2>
        <p>{message(error)}</p>
        {requestId && <p className="muted small">{t('errors.reference', { id: requestId })}</p>}
      </div>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry} pending={retrying} data-testid="retry">
          <Icon name="refresh" size={16} /> {t('common.retry')}
        </Button>
      )}
    </div>
  );
}

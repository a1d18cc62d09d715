import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';
import { useErrorMessage } from '../lib/error-message';
import { Icon } from './Icon';

/** Seconds left before a rate-limited action may be retried; counts down to 0. */
export function useRetryCountdown(error: unknown): number {
  const retryAfter = error instanceof ApiError && error.status === 429 ? error.retryAfterSeconds : null;
  const [left, setLeft] = useState(retryAfter ?? 0);
  useEffect(() => {
    if (retryAfter === null) {
      setLeft(0);
      return;
    }
    const until = Date.now() + retryAfter * 1000;
    setLeft(retryAfter);
    const timer = window.setInterval(() => {
      const remaining = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [error, retryAfter]);
  return left;
}

function useRelativeSeconds() {
  const { i18n } = useTranslation();
  return (seconds: number) => {
    const format = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' });
    return seconds >= 90 ? format.format(Math.ceil(seconds / 60), 'minute') : format.format(seconds, 'second');
  };
}

/** The general (not per-field) error of a form or action, including 429 retry timing. */
export function FormError({ error, extra = [] }: { error: unknown; extra?: readonly string[] }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const secondsLeft = useRetryCountdown(error);
  const relative = useRelativeSeconds();
  if (error == null) return null;
  const rateLimited = error instanceof ApiError && error.status === 429;
  return (
    <div className="alert alert-error" role="alert" data-testid="form-error">
      <Icon name="alert" />
      <div>
        <p>{message(error)}</p>
        {rateLimited && (
          <p className="alert-detail" data-testid="retry-after">
            {secondsLeft > 0 ? t('errors.retryIn', { when: relative(secondsLeft) }) : t('errors.retryNow')}
          </p>
        )}
        {extra.map((line) => (
          <p className="alert-detail" key={line}>
            {line}
          </p>
        ))}
      </div>
    </div>
  );
}

import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DomainError } from '../../common/errors';
import { Tx } from '../../db/db';

/**
 * Sign-in limits, counted from security_events so they hold across API replicas and restarts:
 * too many failures for one account (wrong passwords at sign-in or when re-entered to confirm an
 * act) locks that account's sign-in and confirmations for the window; too many
 * attempts from one IP blocks that IP. Both answer 429 with Retry-After.
 */
@Injectable()
export class SignInThrottle {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async check(tx: Tx, email: string, ip: string | null): Promise<void> {
    const windowMinutes = this.config.SIGN_IN_WINDOW_MINUTES;
    const [row] = await tx.query(
      `SELECT
         (SELECT count(*)::int FROM security_events
            WHERE kind IN ('sign_in_failed', 'password_confirm_failed') AND email = $1 AND created_at > now() - make_interval(mins => $3)) AS account_failures,
         (SELECT min(created_at) FROM (SELECT created_at FROM security_events
            WHERE kind IN ('sign_in_failed', 'password_confirm_failed') AND email = $1 AND created_at > now() - make_interval(mins => $3)
            ORDER BY created_at DESC LIMIT $4) f) AS account_oldest,
         (SELECT count(*)::int FROM security_events
            WHERE kind IN ('sign_in', 'sign_in_failed') AND ip = $2 AND created_at > now() - make_interval(mins => $3)) AS ip_attempts,
         (SELECT min(created_at) FROM (SELECT created_at FROM security_events
            WHERE kind IN ('sign_in', 'sign_in_failed') AND ip = $2 AND created_at > now() - make_interval(mins => $3)
            ORDER BY created_at DESC LIMIT $5) a) AS ip_oldest`,
      [email, ip, windowMinutes, this.config.SIGN_IN_MAX_FAILURES_PER_ACCOUNT, this.config.SIGN_IN_MAX_ATTEMPTS_PER_IP],
    );
    const retryAfter = (oldest: Date) =>
      Math.max(1, Math.ceil((new Date(oldest).getTime() + windowMinutes * 60_000 - Date.now()) / 1000));
    if (row.account_failures >= this.config.SIGN_IN_MAX_FAILURES_PER_ACCOUNT) {
      throw new DomainError('RATE_LIMITED', 'Too many failed sign-ins for this account; try again later', {
        retryAfterSeconds: retryAfter(row.account_oldest),
      });
    }
    if (ip && row.ip_attempts >= this.config.SIGN_IN_MAX_ATTEMPTS_PER_IP) {
      throw new DomainError('RATE_LIMITED', 'Too many sign-in attempts from your network; try again later', {
        retryAfterSeconds: retryAfter(row.ip_oldest),
      });
    }
  }
}

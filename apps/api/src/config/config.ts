import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const url = (protocols: string[]) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `must be a URL starting with ${protocols.join(' or ')}//`);

const DEV_SECRET = 'keeper-development-secret-not-for-production-use';

const boolean = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

// Defaults work on a machine where PostgreSQL and Redis run locally with the roles created by
// `scripts/up.sh` (trust auth); every deployment overrides the URLs.
const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: port.default(3000),
    DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://keeper_app@127.0.0.1:5432/keeper'),
    MIGRATION_DATABASE_URL: url(['postgres:', 'postgresql:']).default(
      'postgres://keeper_owner@127.0.0.1:5432/keeper',
    ),
    DATABASE_ADMIN_URL: url(['postgres:', 'postgresql:']).default('postgres://postgres@127.0.0.1:5432/postgres'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
    QUEUE_PREFIX: z.string().regex(/^[a-zA-Z0-9_{}:-]+$/, 'letters, digits, _ - : { } only').default('keeper'),
    WEB_ORIGIN: url(['http:', 'https:']).default('http://127.0.0.1:5173'),
    COOKIE_SECURE: boolean.optional(),
    TRUST_PROXY: z.string().default('loopback'),
    SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
    SIGN_IN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
    SIGN_IN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).default(30),
    SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
    INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(60).default(7),
    MAIL_TRANSPORT: z.enum(['file', 'smtp']).default('file'),
    MAIL_DIR: z.string().min(1).default('.keeper/mail'),
    SMTP_URL: url(['smtp:', 'smtps:']).optional(),
    MAIL_FROM: z.string().min(3).default('Keeper <no-reply@keeper.local>'),
    OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60000).default(500),
    OUTBOX_REDISPATCH_AFTER_SECONDS: z.coerce.number().int().min(5).default(60),
    // How often the worker scans for due recurring invoices and payment reminders.
    SCHEDULER_SCAN_EVERY_SECONDS: z.coerce.number().int().min(5).max(86400).default(300),
    // Keys invitation links (and later other signed values). Must be set in production.
    APP_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_SECRET),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === 'production' && c.APP_SECRET === DEV_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['APP_SECRET'], message: 'must be set to a private random value in production' });
    }
    if (c.MAIL_TRANSPORT === 'smtp' && !c.SMTP_URL) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'is required when MAIL_TRANSPORT=smtp' });
    }
  });

type Parsed = z.infer<typeof schema>;
export type AppConfig = Omit<Parsed, 'COOKIE_SECURE'> & { COOKIE_SECURE: boolean };

export class ConfigError extends Error {}

/** Reads and validates the environment once; a bad or missing value names the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // Empty strings count as unset so `FOO= node …` falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = result.data;
  return { ...c, COOKIE_SECURE: c.COOKIE_SECURE ?? c.WEB_ORIGIN.startsWith('https:') };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';

/** The calm, centred frame of pages used before (or outside) a business: sign in, invitations. */
export function AuthLayout({ title, subtitle, children, wide = false }: {
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="auth-layout">
      <header className="auth-topbar">
        <Link to="/" className="auth-brand" aria-label={t('app.name')}>
          <Logo />
        </Link>
        <LanguageSwitch />
      </header>
      <main className="auth-main">
        <div className={`auth-card${wide ? ' auth-card-wide' : ''}`}>
          <h1 className="auth-title">{title}</h1>
          {subtitle && <p className="auth-subtitle">{subtitle}</p>}
          {children}
        </div>
        <p className="auth-tagline">{t('app.tagline')}</p>
      </main>
    </div>
  );
}

import { useEffect, useState } from 'react';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Logo } from '../../components/Logo';
import { PageSpinner } from '../../components/Spinner';
import { BusinessSwitcher } from '../../features/businesses/components/BusinessSwitcher';
import { NotificationBell } from '../../features/notifications/components/NotificationBell';
import { allows } from '../../lib/permissions';
import { preferences } from '../../lib/storage';
import { useCurrentBusiness } from '../current-business';
import { NAV_ITEMS } from './nav-items';
import { UserMenu } from './UserMenu';

/**
 * The frame around every business page: a sidebar on wide screens, a top bar with a
 * slide-in drawer on phones.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const { businessId, business, me } = useCurrentBusiness();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const pathname = useRouterState({ select: (state) => state.location.pathname });

  useEffect(() => {
    if (businessId) preferences.setLastBusinessId(businessId);
  }, [businessId]);

  useEffect(() => setDrawerOpen(false), [pathname]);

  useEffect(() => {
    if (!drawerOpen) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setDrawerOpen(false);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [drawerOpen]);

  if (!me || !business) return <PageSpinner />;

  return (
    <div className={`app-shell${drawerOpen ? ' drawer-open' : ''}`}>
      <header className="topbar">
        <button
          type="button"
          className="icon-button"
          aria-label={t('shell.openNavigation')}
          aria-expanded={drawerOpen}
          aria-controls="app-sidebar"
          data-testid="open-navigation"
          onClick={() => setDrawerOpen(true)}
        >
          <Icon name="menu" size={22} />
        </button>
        <Link to="/b/$businessId/dashboard" params={{ businessId }} className="topbar-brand">
          <Logo compact />
          <span className="topbar-business">{business.name}</span>
        </Link>
        <span className="topbar-end">
          <NotificationBell businessId={businessId} align="end" />
        </span>
      </header>

      <div className="drawer-backdrop" onClick={() => setDrawerOpen(false)} aria-hidden="true" />

      <aside id="app-sidebar" className="sidebar" aria-label={t('shell.sidebar')}>
        <div className="sidebar-head">
          <Link to="/b/$businessId/dashboard" params={{ businessId }} className="sidebar-brand">
            <Logo />
          </Link>
          <span className="sidebar-bell">
            <NotificationBell businessId={businessId} align="start" />
          </span>
          <button
            type="button"
            className="icon-button sidebar-close"
            aria-label={t('shell.closeNavigation')}
            onClick={() => setDrawerOpen(false)}
          >
            <Icon name="close" size={20} />
          </button>
        </div>
        <BusinessSwitcher businesses={me.businesses} currentId={businessId} />
        <nav className="nav" aria-label={t('shell.mainNavigation')}>
          {NAV_ITEMS.filter((item) => !item.needs || item.needs.some((p) => allows(business.permissions, p))).map((item) => (
            <Link
              key={item.key}
              to={`/b/$businessId/${item.key}`}
              params={{ businessId }}
              className="nav-link"
              activeProps={{ className: 'is-active', 'aria-current': 'page' }}
              data-testid={`nav-${item.key}`}
            >
              <Icon name={item.icon} size={18} />
              <span>{t(`nav.${item.key}`)}</span>
            </Link>
          ))}
        </nav>
        <div className="sidebar-foot">
          <LanguageSwitch className="sidebar-language" />
          <UserMenu me={me} />
        </div>
      </aside>

      <main className="app-main" id="main">
        <Outlet />
      </main>
    </div>
  );
}

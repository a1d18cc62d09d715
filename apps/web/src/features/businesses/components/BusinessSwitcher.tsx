import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Dropdown } from '../../../components/Dropdown';
import { Icon } from '../../../components/Icon';
import { useRoleLabel } from '../../../components/RoleBadge';
import type { MyBusiness } from '../../../lib/me';

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? words[0]![0]! + words[1]![0]! : (words[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

export function BusinessAvatar({ name }: { name: string }) {
  return (
    <span className="business-avatar" aria-hidden="true">
      {initials(name)}
    </span>
  );
}

/** Lists the person's businesses (from /api/me) and offers to create another. */
export function BusinessSwitcher({ businesses, currentId }: { businesses: readonly MyBusiness[]; currentId: string }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const current = businesses.find((b) => b.id === currentId);
  return (
    <Dropdown
      className="business-switcher"
      testId="business-switcher"
      triggerLabel={t('shell.switchBusiness', { name: current?.name ?? '' })}
      trigger={
        <>
          <BusinessAvatar name={current?.name ?? '?'} />
          <span className="business-switcher-text">
            <span className="business-switcher-name" data-testid="current-business-name">
              {current?.name}
            </span>
            {current && <span className="business-switcher-role">{roleLabel(current.role)}</span>}
          </span>
          <Icon name="chevronDown" size={16} />
        </>
      }
    >
      {(close) => (
        <div role="menu" aria-label={t('shell.yourBusinesses')}>
          <p className="dropdown-heading">{t('shell.yourBusinesses')}</p>
          {businesses.map((business) => (
            <Link
              key={business.id}
              role="menuitem"
              className={`dropdown-item${business.id === currentId ? ' is-current' : ''}`}
              to="/b/$businessId/dashboard"
              params={{ businessId: business.id }}
              onClick={close}
              data-testid={`business-option-${business.id}`}
            >
              <BusinessAvatar name={business.name} />
              <span className="dropdown-item-text">
                <span>{business.name}</span>
                <span className="muted small">
                  {roleLabel(business.role)} · {business.baseCurrency}
                </span>
              </span>
              {business.id === currentId && <Icon name="check" size={16} />}
            </Link>
          ))}
          <div className="dropdown-separator" />
          <Link role="menuitem" className="dropdown-item" to="/businesses/new" onClick={close} data-testid="create-business-link">
            <span className="dropdown-item-icon">
              <Icon name="plus" size={16} />
            </span>
            <span>{t('shell.createBusiness')}</span>
          </Link>
        </div>
      )}
    </Dropdown>
  );
}

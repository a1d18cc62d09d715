import { Link, useNavigate, useRouterState } from '@tanstack/react-router';
import type { LinkProps } from '@tanstack/react-router';

export type SectionTab = {
  key: string;
  /** A route under /b/$businessId. */
  to: NonNullable<LinkProps['to']>;
  label: string;
  /** Active only on this exact path (a section's index tab), not on pages below it. */
  exact?: boolean;
  /** Other routes under /b/$businessId whose pages belong to this tab (e.g. an index tab's detail pages). */
  also?: readonly string[];
};

const pathOf = (to: string, businessId: string) => to.replace('$businessId', businessId);

/**
 * A section's tabs. On a phone, where a row of tabs would run off the screen, the same choices
 * are a select (CSS swaps them at the breakpoint), so every page of the section stays reachable.
 */
export function SectionTabs({ label, businessId, tabs, testIdPrefix }: { label: string; businessId: string; tabs: readonly SectionTab[]; testIdPrefix: string }) {
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const isActive = (tab: SectionTab) => {
    const under = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
    const path = pathOf(tab.to, businessId);
    if ((tab.also ?? []).some((p) => under(pathOf(p, businessId)))) return true;
    return tab.exact ? pathname === path || pathname === `${path}/` : under(path);
  };
  const active = tabs.find(isActive);
  return (
    <>
      <nav className="tabs section-tabs-links" aria-label={label}>
        {tabs.map((tab) => (
          <Link
            key={tab.key}
            to={tab.to}
            params={{ businessId } as never}
            className={`tab${tab === active ? ' is-active' : ''}`}
            aria-current={tab === active ? 'page' : undefined}
            data-testid={`${testIdPrefix}-${tab.key}`}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      <div className="section-tabs-select">
        <select
          className="input select"
          aria-label={label}
          value={active?.key ?? ''}
          onChange={(e) => {
            const tab = tabs.find((x) => x.key === e.target.value);
            if (tab) void navigate({ to: tab.to, params: { businessId } as never });
          }}
          data-testid={`${testIdPrefix}-select`}
        >
          {!active && <option value="">{label}</option>}
          {tabs.map((tab) => (
            <option key={tab.key} value={tab.key}>
              {tab.label}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

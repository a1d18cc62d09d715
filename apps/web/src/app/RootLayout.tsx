import { useEffect } from 'react';
import { Outlet } from '@tanstack/react-router';
import { changeLanguage, currentLanguage, hasStoredLanguage, isLanguage } from '../i18n';
import { useMe } from '../lib/me';

/**
 * Until someone picks a language in this browser, follow the one saved on their account.
 */
function useAccountLanguage() {
  const me = useMe();
  const locale = me.data?.user.locale;
  useEffect(() => {
    if (locale && isLanguage(locale) && !hasStoredLanguage() && locale !== currentLanguage()) {
      void changeLanguage(locale, { remember: false });
    }
  }, [locale]);
}

export function RootLayout() {
  useAccountLanguage();
  return <Outlet />;
}

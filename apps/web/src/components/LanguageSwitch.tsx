import { useTranslation } from 'react-i18next';
import { LANGUAGES, changeLanguage, currentLanguage, isLanguage } from '../i18n';
import { useMe, useUpdateMe } from '../lib/me';
import { Icon } from './Icon';

/** English / 简体中文, remembered in this browser and, when signed in, on the account. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const updateMe = useUpdateMe();
  return (
    <label className={`language-switch ${className ?? ''}`}>
      <Icon name="globe" size={16} />
      <select
        className="language-select"
        aria-label={t('language.label')}
        data-testid="language-switch"
        value={currentLanguage()}
        onChange={(event) => {
          const language = event.target.value;
          if (!isLanguage(language)) return;
          void changeLanguage(language, { remember: true });
          // Best effort: the browser already remembers the choice if this fails.
          if (me.data && me.data.user.locale !== language) updateMe.mutate({ locale: language });
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.label}
          </option>
        ))}
      </select>
    </label>
  );
}

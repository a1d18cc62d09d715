import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { preferences } from '../lib/storage';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((language) => language.code === value);
}

function browserLanguage(): Language {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
  return preferred.some((tag) => tag.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

/** A choice the person made in this browser wins over their account's locale. */
export function hasStoredLanguage(): boolean {
  return isLanguage(preferences.language());
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: hasStoredLanguage() ? (preferences.language() as Language) : browserLanguage(),
  fallbackLng: 'en',
  supportedLngs: LANGUAGES.map((language) => language.code),
  interpolation: { escapeValue: false },
  initAsync: false,
});

function applyToDocument(language: string) {
  document.documentElement.lang = language;
}

applyToDocument(i18n.language);
i18n.on('languageChanged', applyToDocument);

export async function changeLanguage(language: Language, { remember }: { remember: boolean }) {
  if (remember) preferences.setLanguage(language);
  await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

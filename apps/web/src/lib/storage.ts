// Preferences kept in the browser; reading never throws (private mode, quota, disabled storage).
const LANGUAGE_KEY = 'keeper.language';
const LAST_BUSINESS_KEY = 'keeper.lastBusinessId';

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Storage unavailable: the preference lasts for this page only.
  }
}

export const preferences = {
  language: () => read(LANGUAGE_KEY),
  setLanguage: (language: string) => write(LANGUAGE_KEY, language),
  lastBusinessId: () => read(LAST_BUSINESS_KEY),
  setLastBusinessId: (businessId: string | null) => write(LAST_BUSINESS_KEY, businessId),
};

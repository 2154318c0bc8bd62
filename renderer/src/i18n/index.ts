import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { i18nOptions } from '../../../shared/i18n/translate';
import type { Locale } from '../../../shared/errors';

export function initI18n(locale: Locale): typeof i18next {
  void i18next.use(initReactI18next).init({ ...i18nOptions(locale), returnNull: false });
  document.documentElement.lang = locale;
  return i18next;
}

export async function switchLocale(locale: Locale): Promise<void> {
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}

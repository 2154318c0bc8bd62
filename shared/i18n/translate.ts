import i18next, { type InitOptions, type TFunction } from 'i18next';
import type { Locale } from '../errors';
import { resources, NAMESPACES } from './resources';

/**
 * One i18next set-up for the renderer and for code outside React: every catalogue loaded up front
 * (synchronous, offline), Chinese as the fallback, no HTML escaping (React and the report HTML escape).
 */
export function i18nOptions(locale: Locale): InitOptions {
  return {
    lng: locale,
    fallbackLng: 'zh-CN',
    resources,
    ns: NAMESPACES,
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
  };
}

/** A translator for code outside React (reports, CLI). Keys are 'namespace:path.to.key'. */
export function createTranslator(locale: Locale): TFunction {
  const instance = i18next.createInstance();
  void instance.init(i18nOptions(locale));
  return instance.t;
}

import i18next, { type TFunction } from 'i18next';
import type { Locale } from '../errors';
import { resources, NAMESPACES } from './resources';

/** A translator for code outside React (reports, CLI). Keys are 'namespace:path.to.key'. */
export function createTranslator(locale: Locale): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: 'zh-CN',
    resources,
    ns: NAMESPACES,
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

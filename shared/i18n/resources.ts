import type { Locale } from '../errors';
import zhCommon from './locales/zh-CN/common.json';
import enCommon from './locales/en/common.json';

// Every catalogue, one namespace per domain. Both the renderer (UI) and the backend (reports, CLI)
// read these, so a label is written once. A test checks each locale file is registered here and
// that zh-CN and en have the same keys.
export const resources = {
  'zh-CN': { common: zhCommon },
  en: { common: enCommon },
} satisfies Record<Locale, Record<string, unknown>>;

export type Namespace = keyof (typeof resources)['zh-CN'];
export const NAMESPACES = Object.keys(resources['zh-CN']) as Namespace[];

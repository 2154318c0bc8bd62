import en from '../i18n/locales/en/reports.json';
import zh from '../i18n/locales/zh-CN/reports.json';
import type { Locale } from '../errors';

// The report writers run in the backend without i18next; a direct lookup in the same catalogue the
// renderer loads keeps one source of truth for every label printed in a report.

type Catalogue = typeof zh;
const CATALOGUES: Record<Locale, Catalogue> = { 'zh-CN': zh, en };

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type ReportMessageKey = Leaves<Catalogue>;

export function reportText(locale: Locale, key: ReportMessageKey, params: Record<string, string | number> = {}): string {
  let node: unknown = CATALOGUES[locale];
  for (const part of key.split('.')) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  }
  const template = typeof node === 'string' ? node : key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

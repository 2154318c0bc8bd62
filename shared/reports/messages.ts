import en from '../i18n/locales/en/reports.json';
import zh from '../i18n/locales/zh-CN/reports.json';
import type { Locale } from '../errors';

// The report writers run in the backend without i18next; a direct lookup in the same catalogue the
// renderer loads keeps one source of truth for every label printed in a report.

type Catalogue = typeof zh;
const CATALOGUES: Record<Locale, Catalogue> = { 'zh-CN': zh, en };

// Two levels of nesting spelled out: the general recursive form lost keys under some check orders.
type Level2<T> = { [K in keyof T & string]: T[K] extends string ? K : never }[keyof T & string];
type Level1<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Level2<T[K]>}` | `${K}.${Level1Inner<T[K]>}`;
}[keyof T & string];
type Level1Inner<T> = {
  [K in keyof T & string]: T[K] extends string ? never : `${K}.${Level2<T[K]>}`;
}[keyof T & string];
export type ReportMessageKey = Level1<Catalogue>;

export function reportText(locale: Locale, key: ReportMessageKey, params: Record<string, string | number> = {}): string {
  let node: unknown = CATALOGUES[locale];
  for (const part of key.split('.')) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  }
  const template = typeof node === 'string' ? node : key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

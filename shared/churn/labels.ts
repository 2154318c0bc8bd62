// Features and reasons in words, the same in the CLI, the UI and reports. A FeatureRef names its
// catalogue key; attribute columns are named through churn:columns.<column>.

import type { ChurnReason, FeatureRef } from './types';

/** A translator narrowed to what naming needs (an i18next TFunction is adapted with plainTranslator). */
export type T = (key: string, params?: Record<string, string | number>) => string;

export function featureLabel(ref: Pick<FeatureRef, 'key' | 'params'>, t: T): string {
  const p = ref.params ?? {};
  const column = p.column !== undefined ? columnLabel(String(p.column), t) : '';
  switch (ref.key) {
    case 'churn:features.attribute':
    case 'churn:features.rareLevel':
      return t(ref.key, { column });
    case 'churn:features.level':
      return t(ref.key, { column, level: String(p.level ?? '') });
    case 'churn:features.missing': {
      // Every parameter but the inner key goes to the inner label: an imported column's feature is
      // named by { name } (Telco's TotalCharges, blank for new customers), a list field's by { column }.
      const { featureKey, ...innerParams } = p;
      const inner: Pick<FeatureRef, 'key' | 'params'> = { key: String(featureKey ?? ''), params: innerParams };
      return t(ref.key, { feature: featureLabel(inner, t) });
    }
    default:
      return t(ref.key, p);
  }
}

// A level of an imported column (feature id custom:<header>, design.ts names the column by the id)
// reads as the client's own header; the list's fields have catalogue names.
function columnLabel(column: string, t: T): string {
  return column.startsWith('custom:') ? column.slice('custom:'.length) : t(`churn:columns.${column}`);
}

/** "Days since last order: 210" (numbers rounded to what a reader needs), or the label alone for a flag or level. */
export function reasonText(r: ChurnReason, t: T, locale: string): string {
  const label = featureLabel(r, t);
  if (r.value === null || r.id.startsWith('signal:')) return label;
  const digits = Math.abs(r.value) >= 100 ? 0 : Math.abs(r.value) >= 10 ? 1 : 2;
  return `${label}: ${r.value.toLocaleString(locale, { maximumFractionDigits: digits })}`;
}

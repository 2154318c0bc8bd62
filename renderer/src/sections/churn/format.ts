// Number formats and the catalogue adapter the churn views share.
import { useTranslation } from 'react-i18next';
import type { T } from '../../../../shared/churn/labels';
import type { ChurnStatus, Interval } from '../../../../shared/churn/types';

export const pct = (v: number | null | undefined, digits = 1): string => (v === null || v === undefined ? '–' : `${(v * 100).toFixed(digits)}%`);
export const f3 = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : v.toFixed(3));
export const intervalText = (i: Interval | null): string => (i ? `${f3(i.value)} [${f3(i.low)}, ${f3(i.high)}]` : '–');

/** featureLabel()/reasonText() take namespaced keys (churn:…, health:…): an i18next t narrowed to that. */
export function useNamespacedT(): { t: T; locale: string } {
  const { i18n } = useTranslation();
  const t: T = (key, params) => String(i18n.t(key, params ?? {}));
  return { t, locale: i18n.language };
}

/** Too little data: there is no model to read, so its drivers and scores are not shown at all. */
export const withheld = (status: ChurnStatus): boolean => status === 'too-small' || status === 'too-few-churned';

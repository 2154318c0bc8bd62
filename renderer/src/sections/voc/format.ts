// Number formats the voice-of-the-customer and churn-review screens share.
import type { NpsFigure } from '../../../../shared/voc/nps';

export const f1 = (v: number | null | undefined): string => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(1));
export const signed1 = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : `${v >= 0 ? '+' : ''}${v.toFixed(1)}`);
export const interval = (n: NpsFigure): string => (n.low === null || n.high === null ? '' : `[${f1(n.low)}, ${f1(n.high)}]`);

/** The label of a dimension id ('attr:城市' → 属性：城市). */
export function dimensionLabel(id: string, t: (key: string, params?: Record<string, string>) => string): string {
  return id.startsWith('attr:') ? t('dimension.attr', { name: id.slice(5) }) : t(`dimension.${id}`);
}

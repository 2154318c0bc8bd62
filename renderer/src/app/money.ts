import { useCallback } from 'react';
import { formatMoney } from '../format';
import { useWorkbench } from './context';
import { useNumberScale } from './number-scale';

/**
 * The engagement's money formatter for a component: its currency (workspace meta) and number scale
 * (full or 万/亿), following the overview's setting as it changes. `currency` overrides the
 * engagement's for amounts that carry their own (a contract's fee terms).
 */
export function useMoney(currency?: string | null): (value: number | null | undefined) => string {
  const wb = useWorkbench();
  const scale = useNumberScale();
  const code = currency ?? wb.workspace?.meta.currency ?? 'CNY';
  return useCallback((value: number | null | undefined) => formatMoney(value, { locale: wb.locale, currency: code, scale }), [wb.locale, code, scale]);
}

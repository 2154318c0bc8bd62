import { useCallback } from 'react';
import type { ClvCustomerRow } from '../../../../shared/clv/types';
import { useWorkbench } from '../../app/context';
import { useRunLookup, type RunLookup } from '../../hooks/useRunLookup';

export type ClvLookup = RunLookup<ClvCustomerRow>;

/** Figures of the latest CLV run for the rows a paged table shows, one clv.lookup call per burst. Null when no CLV run exists. */
export function useClvLookup(): ClvLookup | null {
  const wb = useWorkbench();
  const latest = useCallback(async () => (await wb.api['clv.runs']({}))[0]?.id ?? null, [wb.api]);
  const fetchRows = useCallback(
    async (customerKeys: string[], runId: number) => {
      const found = await wb.api['clv.lookup']({ customerKeys, runId });
      return new Map((found?.rows ?? []).map((r) => [r.customerId, r]));
    },
    [wb.api],
  );
  return useRunLookup(latest, fetchRows);
}

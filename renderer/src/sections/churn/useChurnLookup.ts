import { useCallback } from 'react';
import type { ChurnScoreRow } from '../../../../shared/churn/types';
import { useWorkbench } from '../../app/context';
import { useRunLookup, type RunLookup } from '../../hooks/useRunLookup';

export type ChurnLookup = RunLookup<ChurnScoreRow>;

/** Scores of the latest churn run for the rows a paged table shows, looked up by the keys in view. Null when no churn run exists. */
export function useChurnLookup(): ChurnLookup | null {
  const wb = useWorkbench();
  const latest = useCallback(async () => (await wb.api['churn.runs']({}))[0]?.id ?? null, [wb.api]);
  const fetchRows = useCallback(
    async (customerKeys: string[], runId: number) => {
      const rows = await Promise.all(customerKeys.map((customerKey) => wb.api['churn.customer']({ customerKey, runId }).catch(() => null)));
      return new Map(customerKeys.flatMap((k, i): [string, ChurnScoreRow][] => (rows[i] ? [[k, rows[i]]] : [])));
    },
    [wb.api],
  );
  return useRunLookup(latest, fetchRows);
}

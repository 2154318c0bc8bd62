import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChurnScoreRow } from '../../../../shared/churn/types';
import { useWorkbench } from '../../app/context';

/** Rows asked for within this long are fetched together, so a scroll costs one burst of calls. */
const BATCH_MS = 40;

export interface ChurnLookup {
  runId: number;
  /** The customer's score in the latest run: undefined while it loads, null when not scored. */
  get(customerKey: string): ChurnScoreRow | null | undefined;
}

/**
 * Scores of the latest churn run for the rows a virtual table shows, fetched as rows appear (the
 * table pages its customers, so the scores are looked up by the keys in view, never all at once).
 * Null when no churn run exists.
 */
export function useChurnLookup(): ChurnLookup | null {
  const wb = useWorkbench();
  const [runId, setRunId] = useState<number | null>(null);
  const [, setVersion] = useState(0);
  const cache = useRef(new Map<string, ChurnScoreRow | null>());
  const pending = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    wb.api['churn.runs']({})
      .then((runs) => {
        cache.current.clear();
        setRunId(runs[0]?.id ?? null);
      })
      .catch(wb.reportError);
  }, [wb.api, wb.reportError, wb.workspace?.path]);

  const flush = useCallback(async () => {
    timer.current = null;
    if (runId === null) return;
    const keys = [...pending.current];
    pending.current.clear();
    const rows = await Promise.all(keys.map((customerKey) => wb.api['churn.customer']({ customerKey, runId }).catch(() => null)));
    keys.forEach((k, i) => cache.current.set(k, rows[i] ?? null));
    setVersion((v) => v + 1);
  }, [wb.api, runId]);

  const get = useCallback(
    (customerKey: string) => {
      if (cache.current.has(customerKey)) return cache.current.get(customerKey);
      if (!pending.current.has(customerKey)) {
        pending.current.add(customerKey);
        timer.current ??= setTimeout(() => void flush(), BATCH_MS);
      }
      return undefined;
    },
    [flush],
  );

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return runId === null ? null : { runId, get };
}

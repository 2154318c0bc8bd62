import { useCallback, useEffect, useRef, useState } from 'react';
import { useWorkbench } from '../../app/context';

/**
 * Load on mount and whenever `key` changes (and on reload()); errors go to the app's banner. The
 * workbench object changes on every route change, so it is read through a ref, not a dependency.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): { data: T | null; reload: () => Promise<void> } {
  const wb = useWorkbench();
  const [data, setData] = useState<T | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const report = useRef(wb.reportError);
  report.current = wb.reportError;
  const reload = useCallback(async () => {
    try {
      setData(await loadRef.current());
    } catch (err) {
      report.current(err);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload, key]);
  return { data, reload };
}

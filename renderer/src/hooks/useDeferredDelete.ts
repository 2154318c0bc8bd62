import { useCallback, useEffect, useRef, useState } from 'react';

/** How long a deletion can be undone before it is carried out. */
export const UNDO_MS = 10_000;

export interface DeferredDelete<T> {
  /** The item waiting to be deleted (shown with an undo button), or null. */
  pending: T | null;
  /** Hides the item now and deletes it after UNDO_MS; a deletion already waiting is carried out first. */
  schedule(item: T): void;
  /** Takes the item back; returns it (null when nothing was waiting). */
  undo(): T | null;
}

/**
 * Undo for a destructive step that is not an import: the item goes from the screen at once and is
 * deleted in the engine only when the undo window closes, the page is left, or another deletion
 * starts. Closing the window inside those seconds keeps the item (the safe side).
 */
export function useDeferredDelete<T>(commit: (item: T) => Promise<void>, onError: (err: unknown) => void): DeferredDelete<T> {
  const [pending, setPending] = useState<T | null>(null);
  const item = useRef<T | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commitRef = useRef(commit);
  commitRef.current = commit;
  const errorRef = useRef(onError);
  errorRef.current = onError;

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const it = item.current;
    item.current = null;
    setPending(null);
    if (it !== null) commitRef.current(it).catch((err: unknown) => errorRef.current(err));
  }, []);

  const schedule = useCallback(
    (next: T) => {
      flush();
      item.current = next;
      setPending(next);
      timer.current = setTimeout(flush, UNDO_MS);
    },
    [flush],
  );

  const undo = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const it = item.current;
    item.current = null;
    setPending(null);
    return it;
  }, []);

  // Leaving the page carries out the deletion the user asked for.
  useEffect(() => flush, [flush]);
  return { pending, schedule, undo };
}

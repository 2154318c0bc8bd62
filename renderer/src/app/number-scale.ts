import { useEffect, useState } from 'react';
import type { NumberScale } from '../../../shared/display/numbers';
import { useWorkbench } from './context';

/** Listeners told when the scale changes (the overview's setting), so every open figure follows. */
const listeners = new Set<(s: NumberScale) => void>();

export function announceNumberScale(scale: NumberScale): void {
  for (const l of listeners) l(scale);
}

/** The engagement's number scale (full figures or 万/亿), read once per workspace and kept current. */
export function useNumberScale(): NumberScale {
  const wb = useWorkbench();
  const [scale, setScale] = useState<NumberScale>('full');
  useEffect(() => {
    let live = true;
    wb.api['display.get']({}).then((d) => live && setScale(d.numberScale), wb.reportError);
    listeners.add(setScale);
    return () => {
      live = false;
      listeners.delete(setScale);
    };
  }, [wb.api, wb.reportError, wb.workspace?.path]);
  return scale;
}

import { findChromium } from '../../../electron/backend/reports/chromium';

/** Path of a usable Chromium, or null: tests that need one are skipped with this reason. */
export function chromiumPath(): string | null {
  try {
    return findChromium();
  } catch {
    return null;
  }
}

export const NO_CHROMIUM_REASON = 'no Chromium found (set RWB_CHROMIUM or install Debian chromium): PDF/PNG checks skipped';

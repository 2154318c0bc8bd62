// The CDNOW sample (tests/fixtures/clv, MIT licence beside it) as the tests read it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OrderLine } from '../../../shared/clv/summary';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'clv');

export interface CdnowRow {
  id: string;
  x: number;
  tx: number;
  T: number;
  zbar: number;
}

/** The published 39-week calibration summary (t_x and T in weeks, rounded to 2 decimals). */
export function cdnowSummary(): CdnowRow[] {
  return readFileSync(join(dir, 'cdnow_customers_summary_with_transactions.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const [id, x, tx, T, zbar] = line.split(',');
      return { id: String(Number(id)), x: Number(x), tx: Number(tx), T: Number(T), zbar: Number(zbar) };
    });
}

/** The 6,919 purchase lines: master id, sample id, YYYYMMDD, CDs, dollars. */
export function cdnowLines(): OrderLine[] {
  return readFileSync(join(dir, 'CDNOW_sample.txt'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((line) => {
      const f = line.trim().split(/\s+/);
      const d = f[2] as string;
      return {
        customerId: String(Number(f[1])),
        date: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`,
        amount: Number(f[4]),
      };
    });
}

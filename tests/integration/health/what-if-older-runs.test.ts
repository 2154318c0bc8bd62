// Metrics are only ever appended to HEALTH_METRICS, so a run stored before the newer ones has shorter
// metric rows: the what-if keeps their first metrics in place and reads the rest as "no data".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';
import type { Workspace } from '../../../electron/backend/workspace/workspace';
import { runHealth } from '../../../electron/backend/health/run';
import { whatIfData } from '../../../electron/backend/health/queries';
import { RELATIONSHIP_MODEL } from '../../../shared/health/presets';
import { defaultSignalRules } from '../../../shared/health/signal-rules';
import { METRIC_COUNT, metricIndex } from '../../../shared/health/metrics';
import { AS_OF, insertFixture } from './fixture';

let ws: Workspace;
const dir = tempDir();
const OLD_COUNT = 19; // the metrics a run stored before purchaseOverdueRatio and the rest were added

beforeAll(async () => {
  ws = await newWorkspace(dir);
  insertFixture(ws);
  await runHealth(ws.sqlite, { model: RELATIONSHIP_MODEL, rules: defaultSignalRules(), asOf: AS_OF, now: '2026-07-01T09:00:00' });
});
afterAll(async () => ws?.close());

describe('the what-if on a run stored with fewer metrics', () => {
  it('keeps the stored metrics in place and reads the newer ones as no data', () => {
    const before = whatIfData(ws.sqlite)!;
    const row = (d: typeof before, key: string) => {
      const c = d.customerKeys.indexOf(key);
      return d.metrics.slice(c * METRIC_COUNT, (c + 1) * METRIC_COUNT);
    };
    expect(row(before, 'VOL')[metricIndex('heavySignals')]).toBe(0);
    // Cut every stored row back to the old length, as an older version wrote them.
    const rows = ws.sqlite.prepare('select run_id, customer_key, metrics from health_score').all() as {
      run_id: number;
      customer_key: string;
      metrics: Buffer;
    }[];
    const update = ws.sqlite.prepare('update health_score set metrics = ? where run_id = ? and customer_key = ?');
    for (const r of rows) update.run(r.metrics.subarray(0, OLD_COUNT * 8), r.run_id, r.customer_key);
    const after = whatIfData(ws.sqlite)!;
    expect(row(after, 'VOL').slice(0, OLD_COUNT)).toEqual(row(before, 'VOL').slice(0, OLD_COUNT));
    expect(
      row(after, 'VOL')
        .slice(OLD_COUNT)
        .every((v) => v === null),
    ).toBe(true);
    expect(row(before, 'VOL')[metricIndex('purchaseVolumeChangePct')]).toBe(-30);
  });
});

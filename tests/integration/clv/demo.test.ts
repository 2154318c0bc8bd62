// CLV runs on the demo engagement through the contract's channels (dispatch + handlers, as the UI and
// CLI call them): a run is stored with its fits and evaluation, its customers page by each sort, and a
// cancelled fit stores nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { createHandlers, type Handlers } from '../../../electron/backend/handlers';
import { createDemoWorkspace } from '../../../electron/backend/demo/create-demo';
import { runClvModel } from '../../../electron/backend/clv/run';
import { ClvParamsSchema } from '../../../shared/clv/types';
import type { ArgsOf, ChannelName, ResultOf } from '../../../shared/contract';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
let b: Backend;
let handlers: Handlers;

async function call<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const env = await dispatch(b, handlers, name, args);
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value as ResultOf<K>;
}

beforeAll(async () => {
  b = new Backend({ host: 'cli', version: 'test', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs') });
  handlers = createHandlers(b);
  const ws = await createDemoWorkspace(join(dir, 'demo.rwb'), 'zh-CN');
  await ws.close();
  await b.open(join(dir, 'demo.rwb'));
}, 120_000);
afterAll(async () => b?.shutdown());

describe('clv on the demo engagement', () => {
  it('fits BG/NBD and Gamma-Gamma, stores the run with its evaluation, pages its customers', async () => {
    const run = await call('clv.fit', { params: { model: 'bgnbd', holdoutDays: 180 } });
    const r = run.result;
    console.log(
      'demo clv',
      run.status,
      run.verdict,
      r.countFit.parameters.map((p) => `${p.name}=${p.value.toFixed(4)}±${p.se?.toFixed(4)}`).join(' '),
      'LL',
      r.countFit.logLikelihood,
      'GG',
      r.spendFit?.status,
      r.spendFit?.parameters.map((p) => p.value.toFixed(3)).join(' '),
      'hold-out',
      r.evaluation.holdoutActual,
      r.evaluation.holdoutPredicted,
      r.evaluation.reasons.map((x) => x.key).join(','),
    );
    expect(['converged', 'flat', 'boundary']).toContain(run.status);
    expect(r.countFit.parameters.map((p) => p.name)).toEqual(['r', 'alpha', 'a', 'b']);
    expect(r.evaluation.calibrationFit).not.toBeNull();
    expect(r.evaluation.tracking.length).toBeGreaterThan(10);
    expect(run.customers).toBe(r.customers);
    expect((await call('clv.runs', {}))[0]?.id).toBe(run.id);
    expect((await call('clv.get', {}))?.id).toBe(run.id);

    const page = await call('clv.customers', { runId: run.id, limit: 20 });
    expect(page.total).toBe(run.customers);
    expect(page.rows).toHaveLength(20);
    for (let i = 1; i < page.rows.length; i += 1) expect(page.rows[i - 1]?.clv ?? 0).toBeGreaterThanOrEqual(page.rows[i]?.clv ?? 0);
    expect(page.rows[0]?.name).toBeTruthy();
    const byAlive = await call('clv.customers', { runId: run.id, sort: 'pAlive', descending: false, limit: 5 });
    for (let i = 1; i < byAlive.rows.length; i += 1) expect(byAlive.rows[i]?.pAlive).toBeGreaterThanOrEqual(byAlive.rows[i - 1]?.pAlive as number);
    const key = page.rows[0]?.customerId as string;
    const searched = await call('clv.customers', { runId: run.id, search: key });
    expect(searched.rows.map((x) => x.customerId)).toContain(key);
  }, 60_000);

  it('Pareto/NBD by week', async () => {
    const run = await call('clv.fit', { params: { model: 'pnbd', unit: 'week', holdoutDays: 0 } });
    expect(run.result.countFit.parameters.map((p) => p.name)).toEqual(['r', 'alpha', 's', 'beta']);
    expect(run.result.evaluation.reasons.map((x) => x.key)).toContain('no-holdout');
    expect(await call('clv.delete', { runId: run.id })).toEqual({ deleted: true });
  }, 60_000);

  it('a cancelled fit stores nothing', async () => {
    const ws = b.requireWorkspace();
    const before = (await call('clv.runs', {})).length;
    const cancel = new AbortController();
    cancel.abort();
    expect(() => runClvModel(ws.sqlite, { params: ClvParamsSchema.parse({}), label: null, now: '2026-12-04T10:00:00', signal: cancel.signal })).toThrow(
      /CANCELLED|cancel/i,
    );
    expect((await call('clv.runs', {})).length).toBe(before);
  });
});

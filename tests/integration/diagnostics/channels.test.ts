import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { createHandlers, type Handlers } from '../../../electron/backend/handlers';
import { createWorkspace } from '../../../electron/backend/workspace/workspace';
import type { ArgsOf, ChannelName, ResultOf } from '../../../shared/contract';
import type { JobProgress } from '../../../shared/contract';
import { tempDir } from '../../helpers/temp';
import { AS_OF, fillFixture } from './fixture';

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
  const ws = await createWorkspace(
    join(dir, 'fixture.rwb'),
    {
      clientName: '测试',
      industry: null,
      currency: 'CNY',
      locale: 'zh-CN',
      consultant: null,
      startDate: null,
      endDate: null,
      notes: null,
    },
    async (w) => fillFixture(w.sqlite),
  );
  await ws.close();
  await b.open(join(dir, 'fixture.rwb'));
});
afterAll(async () => b?.shutdown());

const params = { periodCount: 3, cohortCount: 3, activity: { windowDays: 31 }, tiers: { strategicShare: 0.4 } };

describe('diagnostics channels', () => {
  it('offers the latest order date as the default as-of date', async () => {
    const d = await call('diagnostics.defaults', {});
    expect(d.asOf).toBe('2024-03-10');
    expect(d.data).toMatchObject({ customers: 7, orderLines: 11, contracts: 4, hasContracts: true });
    expect(await call('diagnostics.get', {})).toBeNull();
  });

  it('runs as a job with progress, stores the run and returns it', async () => {
    const phases: string[] = [];
    const off = b.events.subscribe((name, p) => {
      if (name === 'job.progress') phases.push((p as JobProgress).phase);
    });
    const run = await call('diagnostics.run', { jobId: 'j1', params: { ...params, asOf: AS_OF }, label: '基线' });
    off();
    expect(run.label).toBe('基线');
    expect(run.results.kpis.retentionRate.value).toBe(1);
    expect(phases[0]).toBe('diagnostics.load');
    // Progress is throttled, so only the first phase is sure to be sent.
    expect(phases.every((p) => p.startsWith('diagnostics.'))).toBe(true);
    expect((await call('diagnostics.get', {}))?.id).toBe(run.id);
    expect((await call('diagnostics.runs', {})).map((r) => r.id)).toContain(run.id);
  });

  it('refuses invalid parameters with the schema message', async () => {
    const env = await dispatch(b, handlers, 'diagnostics.run', { params: { asOf: '2024-02-30' } });
    expect(env.ok).toBe(false);
    const env2 = await dispatch(b, handlers, 'diagnostics.run', { params: { grain: 'week' } });
    expect(env2.ok).toBe(false);
  });

  it('drills into the members of a cohort cell, a period status, a segment, a tier, a stage and a group', async () => {
    const run = (await call('diagnostics.get', {}))!;
    const keys = async (target: ArgsOf<'diagnostics.drill'>['target']) => (await call('diagnostics.drill', { runId: run.id, target })).keys;
    expect(await keys({ kind: 'cohort', cohort: '2024-01', offset: 0, measure: 'on' })).toEqual(['C']);
    expect(await keys({ kind: 'cohort', cohort: '2024-01', offset: 1, measure: 'on' })).toEqual([]);
    expect(await keys({ kind: 'cohort', cohort: '2024-01', offset: 1, measure: 'size' })).toEqual(['C']);
    expect(await keys({ kind: 'cohort', cohort: '2024-03', offset: 0, measure: 'onOrAfter' })).toEqual(['E']);
    expect(await keys({ kind: 'status', period: 1, status: 'reactivated' })).toEqual(['B']);
    expect(await keys({ kind: 'status', period: 1, status: 'lost' })).toEqual(['C']);
    expect(await keys({ kind: 'status', period: 2, status: 'start' })).toEqual(['A', 'B']);
    expect(await keys({ kind: 'status', period: 2, status: 'end' })).toEqual(['A', 'B', 'E']);
    expect(await keys({ kind: 'segment', scheme: 'valueGroups', segment: 'dormantReactivate' })).toEqual(['B', 'C']);
    expect(await keys({ kind: 'segment', scheme: 'classic', segment: 'unscored' })).toEqual(['D', 'F', 'G']);
    expect(await keys({ kind: 'movement', scheme: 'valueGroups', from: 'unscored', to: 'potentialNurture' })).toEqual(['E']);
    expect(await keys({ kind: 'movement', scheme: 'valueGroups', from: 'unscored', to: 'unscored' })).toEqual([]);
    expect(await keys({ kind: 'tier', tier: 'strategic' })).toEqual(['A']);
    expect(await keys({ kind: 'stage', stage: 'churned' })).toEqual(['C']);
    expect(await keys({ kind: 'attribute', attribute: 'region', value: null })).toEqual(['D', 'E', 'F', 'G']);
    expect(await keys({ kind: 'attribute', attribute: 'tier', value: 'potential' })).toEqual(['B', 'C', 'E']);
    // Every drill matches the stored count it came from.
    const cell = run.results.cohorts.rows[0]!.cells[0]!;
    expect(cell.on).toBe(1);
    const seg = run.results.rfm.valueGroups.find((s) => s.segment === 'dormantReactivate')!;
    const d = await call('diagnostics.drill', { runId: run.id, target: { kind: 'segment', scheme: 'valueGroups', segment: 'dormantReactivate' }, limit: 1 });
    expect(d.total).toBe(seg.count);
    expect(d.rows).toHaveLength(1);
    expect(d.rows[0]).toMatchObject({ customerKey: 'B', name: '乙公司' });
  });

  it('pages, searches and sorts customer rows', async () => {
    const run = (await call('diagnostics.get', {}))!;
    const page = await call('diagnostics.customers', { runId: run.id, sort: 'revenue12m', descending: true, limit: 2 });
    expect(page.total).toBe(7);
    expect(page.rows.map((r) => r.customerKey)).toEqual(['A', 'B']);
    const found = await call('diagnostics.customers', { runId: run.id, search: '戊' });
    expect(found.rows.map((r) => r.customerKey)).toEqual(['E']);
    const narrowed = await call('diagnostics.customers', { runId: run.id, target: { kind: 'tier', tier: 'potential' }, sort: 'recencyDays' });
    expect(narrowed.rows.map((r) => r.customerKey)).toEqual(['E', 'B', 'C']);
    const all = await call('diagnostics.customers', { runId: run.id });
    expect(all.rows.map((r) => r.customerKey)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
    expect(all.rows[0]).toMatchObject({ tier: 'strategic', monetary: 750 });
    expect(all.rows[3]?.tier).toBeNull();
  });

  it('compares two runs side by side and deletes a run', async () => {
    const base = (await call('diagnostics.get', {}))!;
    const now = await call('diagnostics.run', { params: { ...params, asOf: AS_OF, activity: { basis: 'contractual' } } });
    const c = await call('diagnostics.compare', { baseRunId: base.id, runId: now.id });
    expect(c.paramsChanged).toEqual(['activity']);
    const active = c.kpis.find((k) => k.id === 'activeCustomers')!;
    expect(active).toMatchObject({ base: 3, now: 2, delta: -1 });
    expect(c.kpis.find((k) => k.id === 'retentionRate')).toMatchObject({ base: 1, now: 1, delta: 0 });
    // Same orders, so the same RFM groups; tiers differ because the contract basis dates tenure from contracts.
    expect(c.valueGroups.every((s) => s.delta === 0)).toBe(true);
    const st = c.valueGroupTransitions;
    expect(st.counts[st.categories.indexOf('dormantReactivate')]![st.categories.indexOf('dormantReactivate')]).toBe(2);
    const renamed = await call('diagnostics.label', { runId: now.id, label: '合同口径' });
    expect(renamed.label).toBe('合同口径');
    expect(await call('diagnostics.delete', { runId: now.id })).toEqual({ deleted: true });
    expect(await call('diagnostics.delete', { runId: now.id })).toEqual({ deleted: false });
    const env = await dispatch(b, handlers, 'diagnostics.get', { runId: now.id });
    expect(env.ok).toBe(false);
  });
});

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverviewSummary } from '../../../shared/overview/summary';
import { rwb } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { engagementWithHealthRun, type Engagement } from '../reports/report-fixture';

// The overview: the latest diagnostic run's headline figures against the run before it, what the
// data enables (no contracts: GRR/NRR missing, with the import step), the last imports, runs and exports.

const dir = tempDir();
let e: Engagement;

beforeAll(async () => {
  e = await engagementWithHealthRun(dir);
}, 120_000);
afterAll(async () => e?.backend.shutdown());

describe('overview.summary', () => {
  it('before any diagnostic run: no headline, and the run is the missing step', async () => {
    const s = await e.call('overview.summary', {});
    expect(s.diagnostics).toBeNull();
    expect(s.enablement.find((x) => x.id === 'diagnosticRun')).toMatchObject({ enabled: false, step: { section: 'diagnostics' } });
    expect(s.health?.customers).toBe(24);
  });

  it('compares the latest run (by as-of date) with the one before, figure by figure', async () => {
    const older = await e.call('diagnostics.run', { params: { asOf: '2026-03-31', grain: 'month' } });
    const latest = await e.call('diagnostics.run', { params: { asOf: '2026-06-30', grain: 'month' } });
    const s = await e.call('overview.summary', {});
    expect(s.diagnostics?.run.id).toBe(latest.id);
    expect(s.diagnostics?.previous?.id).toBe(older.id);
    const retention = s.diagnostics!.figures.find((f) => f.id === 'retentionRate')!;
    expect(retention.value).toBe(latest.results.kpis.retentionRate.value);
    expect(retention.previous).toBe(older.results.kpis.retentionRate.value);
    expect(retention.change).toBeCloseTo(latest.results.kpis.retentionRate.value! - older.results.kpis.retentionRate.value!, 12);
    // No contracts: GRR and NRR are absent with their reason, and the overview says to import contracts.
    const grr = s.diagnostics!.figures.find((f) => f.id === 'grr')!;
    expect(grr.value).toBeNull();
    expect(grr.reason).not.toBeNull();
    expect(s.enablement.find((x) => x.id === 'revenueRetention')).toMatchObject({ enabled: false, count: 0, step: { section: 'import', entity: 'contracts' } });
    expect(s.enablement.find((x) => x.id === 'retention')).toMatchObject({ enabled: true });
    expect(s.recent.runs.map((r) => r.kind)).toContain('diagnosticRun');
  });

  it('a run repeated at the same as-of date is not the trend: the previous run is the latest of an earlier date', async () => {
    const again = await e.call('diagnostics.run', { params: { asOf: '2026-06-30', grain: 'quarter' } });
    const s = await e.call('overview.summary', {});
    expect(s.diagnostics?.run.id).toBe(again.id);
    expect(s.diagnostics?.previous?.asOf).toBe('2026-03-31');
  });

  it('lists table exports among the last exports', async () => {
    const run = await e.call('diagnostics.get', {});
    await e.call('table.export', { table: 'diagnostics.tiers', filters: { runId: run!.id }, format: 'csv', path: join(dir, 'tiers.csv') });
    const s = await e.call('overview.summary', {});
    expect(s.recent.exports[0]).toMatchObject({ kind: 'tableExport', rows: run!.results.tiers.length });
  });

  it('rwb overview prints the same, in words or as JSON', async () => {
    const path = e.ws.path;
    await e.backend.shutdown();
    const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs') };
    const text = rwb(['overview', path], env);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('导入合同以启用 GRR/NRR');
    expect(text.stdout).toContain('客户留存率');
    const json = rwb(['overview', path, '--json'], env).json<OverviewSummary>();
    expect(json.enablement.find((x) => x.id === 'revenueRetention')?.enabled).toBe(false);
  }, 120_000);
});

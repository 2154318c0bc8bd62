import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { DiagnosticRun } from '../../../shared/analytics';
import { createWorkspace } from '../../../electron/backend/workspace/workspace';
import { rwb } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { AS_OF, fillFixture } from './fixture';

const dir = tempDir();
const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs'), LANG: 'en_US.UTF-8' };

async function fixtureFile(name: string): Promise<string> {
  const path = join(dir, name);
  const ws = await createWorkspace(
    path,
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
  return path;
}

describe('rwb diagnose', () => {
  it('prints the run as JSON with formula fields and definitions', async () => {
    const file = await fixtureFile('a.rwb');
    const r = rwb(['diagnose', file, '--as-of', AS_OF, '--periods', '3', '--window', '31', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    const run = r.json<DiagnosticRun & { formulas: Record<string, { formula: string; denominator: string | null }> }>();
    expect(run.asOf).toBe(AS_OF);
    expect(run.results.retention.map((p) => [p.start, p.end, p.gained, p.retentionRate.value])).toEqual([
      [2, 2, 1, null], // January starts 22 days after the first order: shorter than the 31-day window
      [2, 2, 1, 0.5],
      [2, 3, 1, 1],
    ]);
    expect(run.results.revenueRetention?.[1]?.grr.value).toBeCloseTo(100 / 350, 12);
    expect(run.results.cohorts.rows.length).toBeGreaterThan(0);
    expect(run.results.rfm.valueGroups.map((s) => s.segment)).toEqual(['dormantReactivate', 'highValueLoyal', 'potentialNurture']);
    expect(run.formulas.retentionRate?.formula).toContain('(E − N)');
    expect(run.formulas.retentionRate?.denominator).toContain('S');
  });

  it('prints readable tables in Chinese, with quarter grain and the contract basis', async () => {
    const file = await fixtureFile('b.rwb');
    const r = rwb(['diagnose', file, '--as-of', AS_OF, '--grain', 'quarter', '--basis', 'contract', '--lang', 'zh-CN'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('逐期客户留存');
    expect(r.stdout).toContain('2024-Q1');
    expect(r.stdout).toContain('按合同');
    expect(r.stdout).toContain('收入留存');
  });

  it('refuses an unknown basis and a workspace that does not exist', async () => {
    const file = await fixtureFile('c.rwb');
    const bad = rwb(['diagnose', file, '--basis', 'weekly'], env);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('--basis');
    const missing = rwb(['diagnose', join(dir, 'nope.rwb')], env);
    expect(missing.status).not.toBe(0);
  });
});

import { existsSync, mkdirSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, NO_CHROMIUM_REASON } from '../reports/chromium-available';
import { tempDir } from '../../helpers/temp';
import { jobsHarness } from './harness';

// Every long job, through dispatch as the UI calls it, cancelled mid-way by job.cancel: the call
// answers CANCELLED and the workspace is exactly as it was (every table's rows, hashed, and the
// schema); the same job then runs to the end and writes, reporting its phases in order.

const dir = tempDir('rwb-jobs-cancel-');
let h: Awaited<ReturnType<typeof jobsHarness>>;

beforeAll(async () => {
  h = await jobsHarness(dir);
}, 120_000);
afterAll(async () => h?.close());

/** Files this process holds open under `dir` (Linux: /proc/self/fd); elsewhere nothing is checked. */
function openFilesUnder(dir: string): string[] {
  if (!existsSync('/proc/self/fd')) return [];
  const open: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith(dir)) open.push(target);
    } catch {
      // closed between the listing and the read
    }
  }
  return open;
}

const DIAGNOSTIC_PHASES = ['load', 'activity', 'retention', 'cohorts', 'rfm', 'tiers', 'breakdowns', 'save'].map((p) => `diagnostics.${p}`);

describe('diagnostics.run', () => {
  it('cancelled in the middle of its phases leaves the workspace unchanged', async () => {
    const before = h.digest();
    const r = await h.runCancelled('diagnostics.run', { jobId: 'diag-1', params: {} }, 'diagnostics.rfm');
    expect(r.error.code).toBe('CANCELLED');
    expect(r.cancelled).toBe(true);
    // It stopped at the checkpoint after the phase it was cancelled in.
    expect(r.phases).toEqual(DIAGNOSTIC_PHASES.slice(0, DIAGNOSTIC_PHASES.indexOf('diagnostics.rfm') + 1));
    expect(h.digest()).toEqual(before);
    expect(h.inTransaction()).toBe(false);
  });

  it('cancelled as it starts leaves the workspace unchanged', async () => {
    const before = h.digest();
    const r = await h.runCancelled('diagnostics.run', { jobId: 'diag-2', params: {} }, 'diagnostics.load');
    expect(r.error.code).toBe('CANCELLED');
    expect(r.phases).toEqual(['diagnostics.load']);
    expect(h.digest()).toEqual(before);
  });

  it('runs to the end without a cancel, reporting every phase in order, and stores the run with its audit entry', async () => {
    const runs = h.count('diagnostic_run');
    const audit = h.count(`audit_log where action = 'diagnostics.run'`);
    const { value, phases } = await h.runWithPhases('diagnostics.run', { jobId: 'diag-3', params: {} });
    expect(phases).toEqual(DIAGNOSTIC_PHASES);
    expect(h.count('diagnostic_run')).toBe(runs + 1);
    expect(h.count(`diagnostic_customer where run_id = ${value.id}`)).toBe(value.customers);
    expect(value.customers).toBeGreaterThan(100);
    expect(h.count(`audit_log where action = 'diagnostics.run'`)).toBe(audit + 1);
  });
});

describe('health.run', () => {
  it('cancelled after scoring, before anything is stored, leaves the workspace unchanged', async () => {
    const before = h.digest();
    const r = await h.runCancelled('health.run', { jobId: 'health-1' }, 'health.scoring');
    expect(r.error.code).toBe('CANCELLED');
    expect(r.cancelled).toBe(true);
    expect(r.phases).toEqual(['health.facts', 'health.scoring']);
    expect(h.digest()).toEqual(before);
    expect(h.inTransaction()).toBe(false);
  });

  it('runs to the end without a cancel: scores, signals, actions and the audit entry', async () => {
    const { value, phases } = await h.runWithPhases('health.run', { jobId: 'health-2' });
    expect(phases).toEqual(['health.facts', 'health.scoring', 'health.saving']);
    expect(value.customers).toBeGreaterThan(100);
    expect(h.count(`health_score where run_id = ${value.id}`)).toBe(value.customers);
    expect(h.count(`health_signal where first_run_id = ${value.id}`)).toBeGreaterThan(0);
    expect(h.count(`health_action where source_run_id = ${value.id}`)).toBeGreaterThan(0);
    expect(h.count(`audit_log where action = 'health.run'`)).toBe(1);
  });

  it("a second run cancelled mid-way leaves the first run's signals and actions as they were", async () => {
    // The open signals a second run would refresh or resolve are untouched by a cancelled one.
    const before = h.digest();
    const r = await h.runCancelled('health.run', { jobId: 'health-3' }, 'health.scoring');
    expect(r.error.code).toBe('CANCELLED');
    expect(h.digest()).toEqual(before);
  });
});

describe('report export', () => {
  const out = join(dir, 'exports');

  it('XLSX cancelled with its workbook under way leaves no file and records nothing, pseudonym map included', async () => {
    const definition = { ...(await h.call('report.definition', {})), pseudonymise: true };
    const before = h.digest();
    // By the sections phase the workbook's temporary file is open and the pseudonyms are assigned.
    const r = await h.runCancelled('report.exportXlsx', { jobId: 'xlsx-1', path: join(out, 'report.xlsx'), definition }, 'reports.phase.sections');
    expect(r.error.code).toBe('CANCELLED');
    expect(r.cancelled).toBe(true);
    expect(r.phases).toEqual(['reports.phase.collect', 'reports.phase.sections']);
    expect(h.digest()).toEqual(before);
    // Neither the file nor its temporary part is left behind, nor a descriptor open on the part.
    expect(readdirSync(out)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(openFilesUnder(out)).toEqual([]);
  });

  it('XLSX runs to the end without a cancel: the file, its history row, its audit entry and the pseudonym map', async () => {
    const definition = { ...(await h.call('report.definition', {})), pseudonymise: true };
    const { value, phases } = await h.runWithPhases('report.exportXlsx', { jobId: 'xlsx-2', path: join(out, 'report.xlsx'), definition });
    expect(phases).toEqual([
      'reports.phase.collect',
      'reports.phase.sections',
      'reports.phase.customers',
      'reports.phase.signals',
      'reports.phase.actions',
      'reports.phase.write',
    ]);
    expect(readdirSync(out)).toEqual(['report.xlsx']);
    expect(value.bytes).toBeGreaterThan(10_000);
    expect(h.count('report_export')).toBe(1);
    expect(h.count(`audit_log where action = 'report.export'`)).toBe(1);
    expect(h.count('report_pseudonym')).toBeGreaterThan(100);
    // Each chart is drawn in Chromium: 27-68 s on a loaded 2-core machine.
  }, 180_000);

  it.skipIf(chromiumPath() === null)(
    'PDF cancelled while Chromium starts leaves no file and records nothing',
    async () => {
      const before = h.digest();
      const r = await h.runCancelled('report.exportPdf', { jobId: 'pdf-1', path: join(out, 'report.pdf') }, 'reports.phase.print');
      expect(r.error.code).toBe('CANCELLED');
      expect(h.digest()).toEqual(before);
      expect(readdirSync(out)).toEqual(['report.xlsx']);
    },
    120_000,
  );
  // Without Chromium the PDF case cannot print; the skip names the missing browser in the report.
  if (chromiumPath() === null) it.skip(NO_CHROMIUM_REASON, () => {});
});

describe('import.run', () => {
  it('cancelled after its first chunk leaves the workspace unchanged, and imports in full without a cancel', async () => {
    const file = join(dir, 'orders.csv');
    const keys = h.backend.requireWorkspace().sqlite.prepare('select customer_key from customers order by customer_key limit 50').pluck().all() as string[];
    const lines = ['订单编号,客户编号,下单日期,数量,单价'];
    for (let i = 0; i < 30_000; i++) lines.push(`JOB${i >> 1},${keys[i % keys.length]},2026-0${1 + (i % 9)}-1${i % 10},${1 + (i % 5)},12.5`);
    writeFileSync(file, lines.join('\n') + '\n');
    const before = h.digest();
    const r = await h.runCancelled('import.run', { jobId: 'import-1', path: file, entity: 'orders' }, 'import.phase.reading', (p) => p.done > 0);
    expect(r.error.code).toBe('CANCELLED');
    expect(r.cancelled).toBe(true);
    expect(h.digest()).toEqual(before);
    expect(h.inTransaction()).toBe(false);

    const { value } = await h.runWithPhases('import.run', { jobId: 'import-2', path: file, entity: 'orders' });
    expect(value.batch.rowsRead).toBe(30_000);
    expect(h.count(`orders where batch_id = ${value.batch.id}`)).toBe(value.batch.rowsAccepted);
  });
});

describe('engagement.createDemo', () => {
  it('cancelled while it loads leaves no file behind and the open workspace as it was', async () => {
    const target = join(dir, 'second-demo');
    mkdirSync(target);
    const open = h.backend.requireWorkspace().path;
    const before = h.digest();
    const r = await h.runCancelled('engagement.createDemo', { jobId: 'demo-1', path: join(target, 'demo.rwb') }, 'demo.loading');
    expect(r.error.code).toBe('CANCELLED');
    expect(r.cancelled).toBe(true);
    // Neither the workspace nor its temporary build (and its -wal/-shm) is left.
    expect(readdirSync(target)).toEqual([]);
    expect(h.backend.requireWorkspace().path).toBe(open);
    expect(h.digest()).toEqual(before);
  });
});

describe('churn', () => {
  it('churn.fit cancelled while it fits leaves the workspace unchanged, and stores a run without a cancel', async () => {
    const before = h.digest();
    const r = await h.runCancelled('churn.fit', { jobId: 'churn-1', params: {} }, 'churn.fit');
    expect(r.error.code).toBe('CANCELLED');
    expect(r.cancelled).toBe(true);
    expect(h.digest()).toEqual(before);
    expect(h.inTransaction()).toBe(false);

    const { value, phases } = await h.runWithPhases('churn.fit', { jobId: 'churn-2', params: {} });
    expect(phases[0]).toBe('churn.features');
    expect(h.count(`churn_run where id = ${value.id}`)).toBe(1);
    expect(h.count(`audit_log where action = 'churn.fit'`)).toBe(1);
  }, 180_000);

  it('churn.backtest cancelled between its dates leaves the workspace unchanged', async () => {
    const before = h.digest();
    const r = await h.runCancelled('churn.backtest', { jobId: 'backtest-1' }, 'churn.backtest');
    expect(r.error.code).toBe('CANCELLED');
    expect(r.cancelled).toBe(true);
    expect(h.digest()).toEqual(before);
  }, 120_000);
});

import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importPlanSchema, type ImportPlan } from '../../../shared/import/plan';
import { readFileStamp } from '../../../electron/backend/import/file-stamp';
import { guessEntity } from '../../../shared/import/guess-entity';
import { suggestMapping } from '../../../shared/import/suggest-mapping';
import { readCsvHead } from '../../../electron/backend/import/read-csv';
import { readHead, sniffText } from '../../../electron/backend/import/sniff';
import { tempDir } from '../../helpers/temp';
import { fixture, importHarness } from './harness';

// The run takes back the plan its preview made: nothing is sniffed, sampled, guessed or suggested
// again while the file is unchanged; a file changed since is planned again, and the result says so.
// The spies wrap the real functions: they count calls and change nothing.

vi.mock('../../../electron/backend/import/sniff', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../electron/backend/import/sniff')>();
  return { ...m, sniffText: vi.fn(m.sniffText), readHead: vi.fn(m.readHead) };
});
vi.mock('../../../electron/backend/import/read-csv', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../electron/backend/import/read-csv')>();
  return { ...m, readCsvHead: vi.fn(m.readCsvHead) };
});
vi.mock('../../../shared/import/guess-entity', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../shared/import/guess-entity')>();
  return { ...m, guessEntity: vi.fn(m.guessEntity) };
});
vi.mock('../../../shared/import/suggest-mapping', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../shared/import/suggest-mapping')>();
  return { ...m, suggestMapping: vi.fn(m.suggestMapping) };
});

const planning = [sniffText, readHead, readCsvHead, guessEntity, suggestMapping].map((f) => vi.mocked(f));
const planningCalls = (): number => planning.reduce((n, f) => n + f.mock.calls.length, 0);

const dir = tempDir('rwb-plan-');
let h: ReturnType<typeof importHarness>;
let file: string;
let n = 0;
beforeEach(async () => {
  h = importHarness(dir);
  await h.newEngagement();
  n += 1;
  file = join(dir, `customers-${n}.csv`);
  copyFileSync(fixture('customers-utf8-bom.csv'), file);
});
afterEach(async () => {
  await h.close();
});

const sql = <T>(q: string): T[] => h.backend.requireWorkspace().sqlite.prepare(q).all() as T[];

describe('the preview makes a plan', () => {
  it('as plain data the schema accepts, stamped with the file as it is', async () => {
    const p = await h.call('import.preview', { path: file });
    expect(importPlanSchema.parse(p.plan)).toEqual(p.plan);
    expect(JSON.parse(JSON.stringify(p.plan))).toEqual(p.plan);
    expect(p.plan.path).toBe(file);
    expect(p.plan.file).toEqual(await readFileStamp(file));
    expect(p.plan.entity).toBe('customers');
    expect(p.plan.read).toEqual({ format: 'csv', encoding: 'UTF-8', delimiter: ',', newline: '\n', headerRow: 1 });
    expect(p.plan.headers).toEqual(p.headers);
    // The plan's mapping is the preview's suggestion in its confirmed form.
    expect(p.plan.mapping.map((m) => [m.field, m.column])).toEqual(p.mapping.assignments.map((a) => [a.field, a.column]));
    expect(p.plan.overrides).toEqual({});
  });

  it('keeps the read settings the user chose, for a re-plan to ask for again', async () => {
    const p = await h.call('import.preview', { path: file, encoding: 'GB18030', headerRow: 1 });
    expect(p.plan.overrides).toEqual({ encoding: 'GB18030', headerRow: 1 });
    expect(p.plan.read).toMatchObject({ encoding: 'GB18030', headerRow: 1 });
  });
});

describe('the run takes the plan back', () => {
  it('reads the file as planned without sniffing, sampling, guessing or suggesting again', async () => {
    const p = await h.call('import.preview', { path: file });
    for (const f of planning) f.mockClear();
    const r = await h.call('import.run', { plan: p.plan });
    expect(planningCalls()).toBe(0);
    expect(r.replanned).toBe(false);
    expect([r.batch.rowsRead, r.batch.rowsAccepted, r.batch.entity]).toEqual([3, 3, 'customers']);
    expect(sql('select customer_key, industry from customers order by 1')).toEqual([
      { customer_key: 'C001', industry: 'Manufacturing' },
      { customer_key: 'C002', industry: 'Electronics' },
      { customer_key: 'C003', industry: 'Manufacturing' },
    ]);
  });

  it('a path and an entity instead of a plan still plan first (the demo and old callers)', async () => {
    for (const f of planning) f.mockClear();
    const r = await h.call('import.run', { path: file, entity: 'customers' });
    expect(vi.mocked(sniffText)).toHaveBeenCalledTimes(1);
    expect(r.batch.rowsAccepted).toBe(3);
  });

  it("the user's edited mapping overrides the plan's", async () => {
    const p = await h.call('import.preview', { path: file });
    expect(p.plan.mapping.some((m) => m.field === 'industry')).toBe(true);
    const edited = p.plan.mapping.filter((m) => m.field !== 'industry');
    const r = await h.call('import.run', { plan: p.plan, mapping: edited });
    expect(r.batch.mapping.map((m) => m.field)).not.toContain('industry');
    expect(sql('select industry from customers')).toEqual([{ industry: null }, { industry: null }, { industry: null }]);
  });

  it('runs the saved mapping the plan carries and records its use', async () => {
    const first = await h.call('import.preview', { path: file });
    await h.call('import.run', { plan: first.plan, saveMappingAs: 'CRM' });
    const p = await h.call('import.preview', { path: file });
    expect(p.savedMapping?.system).toBe('CRM');
    expect(p.plan.savedMappingId).toBe(p.savedMapping?.id);
    await h.call('import.run', { plan: p.plan });
    const [saved] = await h.call('import.mappings', { entity: 'customers' });
    expect(saved?.usedAt).not.toBeNull();
  });

  it('plans again when the file changed since the preview, and says so', async () => {
    const p = await h.call('import.preview', { path: file });
    writeFileSync(file, readFileSync(file, 'utf8') + 'C004,Ningbo Port Tools,Manufacturing,East,Li Wei,2023-01-05,active,N,\n');
    for (const f of planning) f.mockClear();
    const r = await h.call('import.run', { plan: p.plan, mapping: p.plan.mapping });
    expect(r.replanned).toBe(true);
    expect(vi.mocked(sniffText)).toHaveBeenCalledTimes(1);
    expect([r.batch.rowsRead, r.batch.rowsAccepted]).toEqual([4, 4]);
  });

  it('refuses, changing nothing, when the columns the user mapped moved in the changed file', async () => {
    const p = await h.call('import.preview', { path: file });
    // Industry and Region swap places.
    const swapped = readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => {
        const cells = line.split(',');
        if (cells.length < 4) return line;
        [cells[2], cells[3]] = [cells[3]!, cells[2]!];
        return cells.join(',');
      })
      .join('\n');
    writeFileSync(file, swapped);
    const before = h.snapshot();
    const err = await h.fail('import.run', { plan: p.plan, mapping: p.plan.mapping });
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.params.importCode).toBe('file_changed');
    expect(String(err.params.headers)).toContain('Industry');
    expect(h.snapshot()).toEqual(before);
  });

  it('refuses a plan that is not one, before anything runs', async () => {
    const p = await h.call('import.preview', { path: file });
    const bad = { ...p.plan, file: { ...p.plan.file, headSha256: 'not a hash' } } as ImportPlan;
    expect((await h.fail('import.run', { plan: bad })).code).toBe('INVALID_ARGUMENTS');
    const unknownEntity = { ...p.plan, entity: 'leads' } as unknown as ImportPlan;
    expect((await h.fail('import.run', { plan: unknownEntity })).code).toBe('INVALID_ARGUMENTS');
    expect((await h.fail('import.run', {})).code).toBe('INVALID_ARGUMENTS');
  });

  it('refuses a plan given with another entity or read settings of its own', async () => {
    const p = await h.call('import.preview', { path: file });
    const other = await h.fail('import.run', { plan: p.plan, entity: 'orders' });
    expect([other.code, other.params.importCode]).toEqual(['VALIDATION_FAILED', 'plan_mismatch']);
    const settings = await h.fail('import.run', { plan: p.plan, headerRow: 2 });
    expect([settings.code, settings.params.importCode]).toEqual(['VALIDATION_FAILED', 'plan_mismatch']);
    expect(h.snapshot().import_batch).toBe(0);
  });
});

// rwb clv on data where nobody seems to drop out (the Superstore shape that QA met: BG/NBD r ≈ 34,000,
// P(alive) ≈ 1 for all, every customer in one value band): the count fit runs to a boundary, so the
// verdict says the model could not be identified and the per-customer list, win-back list and
// breakdowns are withheld, in the text and in --json.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rwb } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import type { ClvCustomerRow, ClvRun } from '../../../shared/clv/types';

const dir = tempDir();
const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs') };
const file = join(dir, 'steady.rwb');
const csv = join(dir, 'orders.csv');

function day(offset: number): string {
  return new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(() => {
  // 60 customers each buying every 5–23 days right up to the last order date.
  const rows = ['订单编号,下单日期,客户编号,订单金额'];
  let n = 0;
  for (let c = 0; c < 60; c++) {
    const gap = 5 + (c % 7) * 3;
    for (let d = c % 5; d <= 360; d += gap) rows.push(`SO${String(++n).padStart(6, '0')},${day(d)},C${String(c).padStart(3, '0')},${10 + (c % 4)}.00`);
  }
  writeFileSync(csv, rows.join('\n') + '\n');
  expect(rwb(['new', file, '--client', 'Steady Co'], env).status).toBe(0);
  const imported = rwb(['import', file, csv, '--entity', 'orders', '--unknown-customers', 'create'], env);
  expect(imported.status, imported.stderr).toBe(0);
}, 120_000);

describe('rwb clv when the count model is not identified', () => {
  it('--json: status boundary, verdict unsuitable with not-identified, no customers, no breakdown', () => {
    const r = rwb(['clv', file, '--holdout-days', '0', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    const out = r.json<{ run: ClvRun; figuresWithheld: string | null; customers: ClvCustomerRow[]; atRisk: { total: number }; breakdown: unknown }>();
    expect(out.run.result.countFit.status).toBe('boundary');
    expect(out.run.verdict).toBe('unsuitable');
    expect(out.run.result.evaluation.reasons.map((x) => x.key)).toContain('not-identified');
    expect(out.figuresWithheld).toBe('not-identified');
    expect(out.customers).toEqual([]);
    expect(out.atRisk.total).toBe(0);
    expect(out.breakdown).toBeNull();
  });

  it('text, in both languages: says plainly it could not be identified and lists no customer', () => {
    const en = rwb(['clv', file, '--holdout-days', '0', '--lang', 'en'], env);
    expect(en.status, en.stderr).toBe(0);
    expect(en.stdout).toContain('could not be identified on this data');
    expect(en.stdout).toContain('withheld');
    expect(en.stdout).not.toContain('C000');
    const zh = rwb(['clv', file, '--holdout-days', '0', '--lang', 'zh-CN'], env);
    expect(zh.stdout).toContain('无法识别');
    expect(zh.stdout).toContain('已隐去');
  });
});

// rwb experiment / indicators / fee on a hand-built engagement, as a user runs them (child processes).
import { describe, expect, it, beforeAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';
import { rwb } from '../../helpers/cli';
import type { Experiment, ExperimentResult } from '../../../shared/impact/experiment';
import type { FeeStatement, IndicatorsReport } from '../../../shared/impact/views';
import type { PlanResult } from '../../../shared/contract/impact';
import { sampleSizeProportions } from '../../../shared/impact/power';

const dir = tempDir();
const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs'), LANG: 'en_US.UTF-8' };
let file = '';

// 100 treatment customers T000..T099 (80 buy in the window) and 100 control C000..C099 (50 buy); all
// bought once in 2025. Ten NPS answers in Q1 2026: 6 promoters, 2 passives, 2 detractors → NPS +40.
beforeAll(async () => {
  const ws = await newWorkspace(dir);
  file = ws.path;
  const c = ws.sqlite.prepare(`insert into customers (customer_key, name, row_key) values (?, ?, ?)`);
  const o = ws.sqlite.prepare(`insert into orders (order_key, customer_key, order_date, amount, category, row_key) values (?, ?, ?, ?, 'A', ?)`);
  const s = ws.sqlite.prepare(`insert into surveys (customer_key, date, nps, row_key) values (?, ?, ?, ?)`);
  let n = 0;
  const order = (key: string, date: string, amount: number) => o.run(`O${(n += 1)}`, key, date, amount, `o${n}`);
  for (const [prefix, buyers] of [
    ['T', 80],
    ['C', 50],
  ] as const) {
    for (let i = 0; i < 100; i += 1) {
      const key = `${prefix}${String(i).padStart(3, '0')}`;
      c.run(key, key, `c-${key}`);
      order(key, '2025-06-15', 1000);
      if (i < buyers) order(key, '2026-03-10', 1200);
    }
  }
  order('T000', '2026-06-30', 10); // the data reach past the window's end
  [9, 9, 9, 10, 10, 9, 8, 8, 3, 3].forEach((score, i) => s.run(`T${String(i).padStart(3, '0')}`, '2026-02-01', score, `s${i}`));
  await ws.close();
}, 60_000);

describe('rwb experiment', () => {
  it('creates an experiment from imported lists and reads its result: the planted 30-point lift worked', () => {
    writeFileSync(join(dir, 'treatment.txt'), Array.from({ length: 100 }, (_v, i) => `T${String(i).padStart(3, '0')}`).join('\n'));
    writeFileSync(join(dir, 'control.csv'), Array.from({ length: 100 }, (_v, i) => `C${String(i).padStart(3, '0')},x`).join('\r\n'));
    const created = rwb(
      [
        'experiment',
        'create',
        file,
        '--name',
        'Spring offer',
        '--action',
        'retentionOffer',
        '--outcome',
        'converted',
        '--start',
        '2026-03-01',
        '--window',
        '60',
        '--select',
        'list',
        '--treatment-list',
        join(dir, 'treatment.txt'),
        '--control-list',
        join(dir, 'control.csv'),
        '--json',
      ],
      env,
    );
    expect(created.status, created.stderr).toBe(0);
    const e = created.json<Experiment>();
    expect([e.treatment, e.control]).toEqual([100, 100]);
    const r = rwb(['experiment', 'result', file, String(e.id), '--json'], env).json<ExperimentResult>();
    expect(r.windowOver).toBe(true);
    expect(r.treatment.mean).toBeCloseTo(0.8, 10);
    expect(r.control.mean).toBeCloseTo(0.5, 10);
    const p = r.primary as NonNullable<ExperimentResult['primary']>;
    expect(p.method).toBe('twoProportion');
    expect(p.difference).toBeCloseTo(0.3, 10);
    expect(p.pValue).toBeLessThan(0.001);
    expect(r.verdict).toBe('worked');
    // Lists are not random: the result says so.
    expect(r.caveats.map((c) => c.key)).toContain('notRandom');
    const text = rwb(['experiment', 'result', file, String(e.id)], env).stdout;
    expect(text).toContain('It worked');
  });

  it('random assignment records its seed and draws the same groups again', () => {
    const args = [
      'experiment',
      'create',
      file,
      '--name',
      'Random',
      '--action',
      'winBack',
      '--outcome',
      'retained',
      '--start',
      '2026-03-01',
      '--seed',
      '99',
      '--json',
    ];
    const a = rwb(args, env).json<Experiment>();
    expect(a.seed).toBe(99);
    expect(a.treatment + a.control).toBe(200);
    const again = rwb(['experiment', 'assign', file, String(a.id), '--json'], env).json<Experiment>();
    expect([again.seed, again.treatment, again.control]).toEqual([99, a.treatment, a.control]);
    const r = rwb(['experiment', 'result', file, String(a.id), '--json'], env).json<ExperimentResult>();
    expect(r.srm?.mismatch).toBe(false);
  });

  it('refuses a list with an unknown customer, with a coded error', () => {
    writeFileSync(join(dir, 'bad.txt'), 'T001\nNOPE\n');
    const r = rwb(
      [
        'experiment',
        'create',
        file,
        '--name',
        'x',
        '--action',
        'y',
        '--outcome',
        'converted',
        '--start',
        '2026-03-01',
        '--select',
        'list',
        '--treatment-list',
        join(dir, 'bad.txt'),
        '--control-list',
        join(dir, 'control.csv'),
      ],
      env,
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('customers not in this workspace: NOPE');
  });

  it('plans: the sample size for a 10-point lift on a 60% rate', () => {
    const r = rwb(
      ['experiment', 'plan', '--outcome', 'retained', '--baseline-rate', '0.6', '--effect', '0.1', '--sizes', '100,100', '--json'],
      env,
    ).json<PlanResult>();
    expect(r.needed).toEqual(sampleSizeProportions(0.6, 0.7));
    expect(r.achievedPower).toBeLessThan(0.8);
    expect(r.mde).toBeGreaterThan(0.1);
  });
});

describe('rwb indicators and rwb fee', () => {
  it('freezes a baseline and reports each indicator with its change, or what it needs', () => {
    const r = rwb(['indicators', file, '--baseline', '2025-12-31', '--as-of', '2026-03-31', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    const rep = r.json<IndicatorsReport>();
    expect(rep.baseline?.asOf).toBe('2025-12-31');
    expect(rep.period).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(rep.rows).toHaveLength(8);
    const nps = rep.rows.find((x) => x.id === 'nps');
    expect(nps?.current.value).toBeCloseTo(40, 10);
    expect(nps?.baseline?.absentReason).toBe('noSurveysInPeriod');
    expect(rep.rows.find((x) => x.id === 'referralShare')?.current.absentReason).toBe('needsReferralSource');
    expect(rep.rows.find((x) => x.id === 'coreRenewal')?.current.absentReason).toBe('needsContracts');
  });

  it('computes the fee for a terms file: 15 NPS points × 1,000, held at the cap', () => {
    const terms = {
      indicator: 'nps',
      baseline: 25,
      measurementDate: '2026-03-31',
      grain: 'quarter',
      schedule: { kind: 'perPoint', ratePerPoint: 1000 },
      cap: 12000,
      floor: 2000,
    };
    writeFileSync(join(dir, 'terms.json'), JSON.stringify(terms));
    const r = rwb(['fee', file, '--terms', join(dir, 'terms.json'), '--save', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    const f = r.json<FeeStatement>();
    expect(f.current.value).toBeCloseTo(40, 10);
    expect(f.points).toBeCloseTo(15, 10);
    expect(f.breakdown.beforeLimits).toBeCloseTo(15000, 6);
    expect(f.breakdown.fee).toBe(12000);
    expect(f.breakdown.limitedBy).toBe('cap');
    // Saved: the next call needs no terms file.
    expect(rwb(['fee', file, '--json'], env).json<FeeStatement>().breakdown.fee).toBe(12000);
  });

  it('refuses terms whose cap is below the floor, naming the field, in either language', () => {
    writeFileSync(
      join(dir, 'bad-terms.json'),
      JSON.stringify({ indicator: 'nps', baseline: 25, measurementDate: '2026-03-31', schedule: { kind: 'perPoint', ratePerPoint: 1 }, cap: 10, floor: 20 }),
    );
    const en = rwb(['fee', file, '--terms', join(dir, 'bad-terms.json')], env);
    expect(en.status).not.toBe(0);
    expect(en.stderr).toContain('The fee terms are invalid (cap): the cap 10 is below the floor 20');
    const zh = rwb(['fee', file, '--terms', join(dir, 'bad-terms.json'), '--lang', 'zh-CN'], env);
    expect(zh.stderr).toContain('收费条款不正确（cap）：封顶 10 低于保底 20');
  });
});

import { describe, expect, it } from 'vitest';
import {
  contractSpanOf,
  mrrAt,
  mrrEventsIn,
  mrrTimeline,
  periodAt,
  periodIndexOf,
  periodsBetween,
  revenueRetentionByPeriod,
  toDay,
  type SpanContract,
} from '../../../shared/analytics';

const c = (customerKey: string, startDate: string, endDate: string | null, mrr: number, cancelledDate: string | null = null): SpanContract => ({
  customerKey,
  startDate,
  endDate,
  cancelledDate,
  mrr,
});

// Hand-checked book, monthly, January – April 2024.
const contracts = [
  c('X', '2024-01-01', null, 100), //                         new 100 in January
  c('X', '2024-02-10', '2024-12-31', 50, '2024-03-05'), //     expansion 50 in February; cancelled while X1
  //                                                           stays live: contraction 50 on 2024-03-06
  c('Y', '2023-06-01', '2024-02-15', 200), //                  churn 200 on 2024-02-16 (no other contract)
  c('Y', '2024-04-01', null, 120), //                          reactivation 120 in April
  c('Z', '2023-01-01', '2024-01-31', 80), //                   renewal the next day at a higher price:
  c('Z', '2024-02-01', '2025-01-31', 100), //                  expansion 20 in February, no churn and no new
  c('W', '2024-01-01', null, 0), //                            free pilot: no MRR, no movement
  c('W', '2024-03-10', null, 60), //                           new 60 in March
  c('V', '2024-01-15', '2024-01-20', 30), //                   new 30 and churn 30 within January
  c('U', '2024-04-20', null, 10), //                           new 10 late in April
].map(contractSpanOf);
const timeline = mrrTimeline(contracts);

describe('MRR movements (ChartMogul definitions)', () => {
  const rows = revenueRetentionByPeriod(timeline, periodsBetween('2024-01-01', '2024-04-30', 'month'));

  it.each([
    // key,      start, end, new, expansion, contraction, churn, reactivation, GRR,      NRR
    ['2024-01', 280, 380, 130, 0, 0, 30, 0, 250 / 280, 250 / 280],
    ['2024-02', 380, 250, 0, 70, 0, 200, 0, 180 / 380, 250 / 380],
    ['2024-03', 250, 260, 60, 0, 50, 0, 0, 0.8, 0.8],
    ['2024-04', 260, 390, 10, 0, 0, 0, 120, 1, 380 / 260],
  ])('%s: start %d end %d new %d exp %d contr %d churn %d react %d', (key, start, end, nw, exp, contr, churn, react, grr, nrr) => {
    const r = rows.find((x) => x.period.key === key);
    expect(r?.startMrr).toBeCloseTo(start, 9);
    expect(r?.endMrr).toBeCloseTo(end, 9);
    expect(r?.movements).toEqual({ new: nw, expansion: exp, contraction: contr, churn, reactivation: react });
    expect(r?.grr.value).toBeCloseTo(grr, 12);
    expect(r?.nrr.value).toBeCloseTo(nrr, 12);
    // start + new + expansion + reactivation − contraction − churn = end
    expect(start + nw + exp + react - contr - churn).toBe(end);
  });

  it('treats a cancellation that leaves another contract live as contraction, not churn', () => {
    const mar = periodAt(periodIndexOf(toDay('2024-03-01'), 'month'), 'month', toDay('2024-04-30'));
    expect(mrrEventsIn(timeline, mar, 'contraction')).toEqual([
      { customerKey: 'X', date: '2024-03-06', kind: 'contraction', amount: 50, mrrBefore: 150, mrrAfter: 100 },
    ]);
    expect(mrrEventsIn(timeline, mar, 'churn')).toEqual([]);
  });

  it('counts a customer who churns and comes back as churn, then reactivation (not new)', () => {
    const events = (['2024-02-01', '2024-04-01'] as const).flatMap((d) =>
      mrrEventsIn(timeline, periodAt(periodIndexOf(toDay(d), 'month'), 'month', toDay('2024-04-30'))).filter((e) => e.customerKey === 'Y'),
    );
    expect(events.map((e) => [e.date, e.kind, e.amount])).toEqual([
      ['2024-02-16', 'churn', 200],
      ['2024-04-01', 'reactivation', 120],
    ]);
  });

  it('counts movement events per kind', () => {
    expect(rows[0]?.counts).toEqual({ new: 2, expansion: 0, contraction: 0, churn: 1, reactivation: 0 });
    expect(rows[0]).toMatchObject({ startCustomers: 2, endCustomers: 3 });
  });

  it('is absent, with a reason, when MRR at the start is 0', () => {
    const dec22 = revenueRetentionByPeriod(timeline, periodsBetween('2022-12-01', '2022-12-31', 'month'))[0];
    expect(dec22?.startMrr).toBe(0);
    expect(dec22?.grr).toEqual({ value: null, reason: 'no-mrr-at-start' });
    expect(dec22?.nrr).toEqual({ value: null, reason: 'no-mrr-at-start' });
  });

  it('measures a partial last period only up to the as-of date', () => {
    const apr = revenueRetentionByPeriod(timeline, periodsBetween('2024-04-01', '2024-04-10', 'month'))[0];
    expect(apr?.period.partial).toBe(true);
    expect(apr?.movements.new).toBe(0); // U starts on 2024-04-20, after the as-of date
    expect(apr?.movements.reactivation).toBe(120);
    expect(apr?.endMrr).toBe(380);
  });

  it('ignores zero-MRR contracts and builds a step function per customer', () => {
    const w = timeline.customerKeys.indexOf('W');
    expect(mrrAt(timeline, w, toDay('2024-02-01'))).toBe(0);
    expect(mrrAt(timeline, w, toDay('2024-03-10'))).toBe(60);
    const z = timeline.customerKeys.indexOf('Z');
    expect([mrrAt(timeline, z, toDay('2024-01-31')), mrrAt(timeline, z, toDay('2024-02-01'))]).toEqual([80, 100]);
  });

  it('sums quarters over the same movements', () => {
    const q1 = revenueRetentionByPeriod(timeline, periodsBetween('2024-01-01', '2024-04-30', 'quarter'))[0];
    expect(q1?.movements).toEqual({ new: 190, expansion: 70, contraction: 50, churn: 230, reactivation: 0 });
    expect(q1?.startMrr).toBe(280);
    expect(q1?.endMrr).toBe(260);
    expect(q1?.grr.value).toBeCloseTo(0, 12);
    expect(q1?.nrr.value).toBeCloseTo(70 / 280, 12);
  });

  it('also gives the starting-base view: only customers with MRR at the start', () => {
    const q1 = revenueRetentionByPeriod(timeline, periodsBetween('2024-01-01', '2024-04-30', 'quarter'))[0];
    // Start base: Y 200 -> 0, Z 80 -> 100.
    expect(q1).toMatchObject({ baseEndMrr: 100, baseRetainedMrr: 80 });
    expect(q1?.baseGrr.value).toBeCloseTo(80 / 280, 12);
    expect(q1?.baseNrr.value).toBeCloseTo(100 / 280, 12);
    // In January V was won and lost: ChartMogul's GRR counts its churn, the base view does not.
    const jan = revenueRetentionByPeriod(timeline, periodsBetween('2024-01-01', '2024-01-31', 'month'))[0];
    expect(jan?.grr.value).toBeCloseTo(250 / 280, 12);
    expect(jan?.baseGrr.value).toBe(1);
    expect(jan?.baseNrr.value).toBe(1);
  });
});

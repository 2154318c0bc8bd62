import { describe, expect, it } from 'vitest';
import {
  contractSpanOf,
  fromDay,
  mrrTimeline,
  periodsBetween,
  revenueRetentionByPeriod,
  toDay,
  yearBefore,
  type SpanContract,
} from '../../../shared/analytics';

const c = (customerKey: string, startDate: string, endDate: string | null, mrr: number): SpanContract => ({
  customerKey,
  startDate,
  endDate,
  cancelledDate: null,
  mrr,
});

// Hand-checked book for March 2024 and its trailing twelve months (base date 2023-03-31):
//   X 100 since 2023-01, +50 from 2024-02           B 100 → E 150 (expansion)
//   Y 200 from 2023-02 to 2023-12-31                 B 200 → E 0   (churn)
//   Z  80 since 2023-06                              not in the base (new after B)
//   W  60 + 20 since 2022-10, the 60 ends 2023-09-30 B  80 → E 20  (contraction)
//   V  30 from 2024-03-10                            new in March: in no base
const contracts = [
  c('X', '2023-01-01', null, 100),
  c('X', '2024-02-01', null, 50),
  c('Y', '2023-02-01', '2023-12-31', 200),
  c('Z', '2023-06-01', null, 80),
  c('W', '2022-10-01', '2023-09-30', 60),
  c('W', '2022-10-01', null, 20),
  c('V', '2024-03-10', null, 30),
].map(contractSpanOf);
const t = mrrTimeline(contracts);
const first = toDay('2022-10-01');

describe('revenue retention of a starting base', () => {
  const [march] = revenueRetentionByPeriod(t, periodsBetween('2024-03-01', '2024-03-31', 'month'), undefined, first);

  it('trailing twelve months: only the customers paying a year before, no new revenue', () => {
    expect(march!.t12mBaseDate).toBe('2023-03-31');
    expect(march!.t12mStartMrr).toBe(380);
    expect(march!.t12mEndMrr).toBe(170);
    expect(march!.t12mRetainedMrr).toBe(120);
    expect(march!.t12mNrr.value).toBeCloseTo(170 / 380, 12);
    expect(march!.t12mGrr.value).toBeCloseTo(120 / 380, 12);
  });

  it("the period's own starting base: V's new 30 does not lift it", () => {
    // At 2024-02-29: X 150, Z 80, W 20 = 250; at 03-31 the same three still pay 250.
    expect(march!.startMrr).toBe(250);
    expect(march!.baseNrr.value).toBe(1);
    expect(march!.baseGrr.value).toBe(1);
    expect(march!.nrr.value).toBe(1);
    expect(march!.endMrr).toBe(280);
  });

  it('is absent, with its reason, when the base date precedes the data', () => {
    const [june] = revenueRetentionByPeriod(t, periodsBetween('2023-06-01', '2023-06-30', 'month'), undefined, first);
    expect(june!.t12mBaseDate).toBe('2022-06-30');
    expect(june!.t12mNrr).toEqual({ value: null, reason: 'history-shorter-than-12-months' });
    expect(june!.t12mGrr.reason).toBe('history-shorter-than-12-months');
  });

  it('counts a leap day back to the 28th', () => {
    expect(fromDay(yearBefore(toDay('2024-02-29')))).toBe('2023-02-28');
    expect(fromDay(yearBefore(toDay('2024-12-31')))).toBe('2023-12-31');
  });
});

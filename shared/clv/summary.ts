// The customer summary from order lines, as lifetimes' summary_data_from_transaction_data defines it:
// lines merge into purchase occasions (one per customer per day, or per ISO week), only occasions with
// a positive amount count, frequency x = occasions − 1, recency tₓ = last − first occasion and age
// T = end of calibration − first occasion, in the unit; monetary = mean spend of the repeat occasions
// (the first is left out, as Gamma-Gamma expects). Occasions after the calibration end up to the
// observation end are the hold-out: counted per customer and per period for the tracking plot.
// Lines with zero or negative amounts (free items, returns, credit notes) are not occasions; they are
// counted and summed so the caller can say what was left out and why.

export const TIME_UNITS = ['day', 'week'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

export interface OrderLine {
  customerId: string;
  /** YYYY-MM-DD. */
  date: string;
  amount: number;
}

export interface SummaryOptions {
  unit: TimeUnit;
  /** Last day of the calibration period (inclusive), YYYY-MM-DD. */
  calibrationEnd: string;
  /** Last day of the hold-out period (inclusive); omitted or equal to calibrationEnd: no hold-out. */
  observationEnd?: string;
}

export interface CustomerSummary {
  customerId: string;
  /** Repeat occasions in calibration. */
  x: number;
  tx: number;
  T: number;
  /** Mean spend of the repeat occasions; 0 when x = 0. */
  monetary: number;
  /** First occasion, in periods since 1970-01-01 (days, or Monday-based weeks). */
  firstPeriod: number;
  /** Occasions in the hold-out period (null without one) and their spend. */
  holdoutX: number | null;
  holdoutSpend: number | null;
}

export interface SummaryExclusions {
  zeroAmountLines: number;
  negativeAmountLines: number;
  /** Sum of the negative amounts (returns, credits), left out of spend. */
  negativeAmount: number;
  /** Lines whose date could not be read. */
  undatedLines: number;
  /** Customers whose lines in calibration were all zero or negative: no occasion, not modelled. */
  customersWithoutPositiveOccasion: number;
  /** Customers whose first positive occasion falls after the calibration end (new in the hold-out). */
  customersFirstSeenInHoldout: number;
}

export interface CustomerSummaryResult {
  unit: TimeUnit;
  calibrationEnd: string;
  observationEnd: string;
  /** Hold-out length in units (0 without a hold-out). */
  holdoutLength: number;
  /** Calibration end in periods since 1970-01-01. */
  calibrationEndPeriod: number;
  customers: CustomerSummary[];
  exclusions: SummaryExclusions;
  /** Repeat occasions of the modelled customers per period (calibration and hold-out), for tracking. */
  repeatOccasionsByPeriod: Map<number, number>;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date; NaN when it is not one. */
export function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return NaN;
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The period of a day: the day itself, or its Monday-based week (1970-01-01 was a Thursday). */
export function periodOf(day: number, unit: TimeUnit): number {
  return unit === 'day' ? day : Math.floor((day + 3) / 7);
}

export function summariseCustomers(lines: Iterable<OrderLine>, options: SummaryOptions): CustomerSummaryResult {
  const unit = options.unit;
  const calibrationEndDay = dayNumber(options.calibrationEnd);
  const observationEndDay = Math.max(calibrationEndDay, dayNumber(options.observationEnd ?? options.calibrationEnd));
  const calEnd = periodOf(calibrationEndDay, unit);
  const obsEnd = periodOf(observationEndDay, unit);
  const exclusions: SummaryExclusions = {
    zeroAmountLines: 0,
    negativeAmountLines: 0,
    negativeAmount: 0,
    undatedLines: 0,
    customersWithoutPositiveOccasion: 0,
    customersFirstSeenInHoldout: 0,
  };
  // customer → period → positive spend of the occasion.
  const occasions = new Map<string, Map<number, number>>();
  const seen = new Set<string>();
  for (const line of lines) {
    const day = dayNumber(line.date);
    if (!Number.isFinite(day)) {
      exclusions.undatedLines += 1;
      continue;
    }
    if (day > observationEndDay) continue;
    if (day <= calibrationEndDay) seen.add(line.customerId);
    if (!(line.amount > 0)) {
      if (line.amount < 0) {
        exclusions.negativeAmountLines += 1;
        exclusions.negativeAmount += line.amount;
      } else exclusions.zeroAmountLines += 1;
      continue;
    }
    const period = periodOf(day, unit);
    let own = occasions.get(line.customerId);
    if (!own) {
      own = new Map();
      occasions.set(line.customerId, own);
    }
    own.set(period, (own.get(period) ?? 0) + line.amount);
  }
  const customers: CustomerSummary[] = [];
  const repeatOccasionsByPeriod = new Map<number, number>();
  const hasHoldout = obsEnd > calEnd;
  for (const [customerId, own] of occasions) {
    const periods = [...own.keys()].sort((a, b) => a - b);
    const first = periods[0] as number;
    if (first > calEnd) {
      exclusions.customersFirstSeenInHoldout += 1;
      continue;
    }
    let x = 0;
    let last = first;
    let repeatSpend = 0;
    let holdoutX = 0;
    let holdoutSpend = 0;
    for (const period of periods) {
      if (period !== first) repeatOccasionsByPeriod.set(period, (repeatOccasionsByPeriod.get(period) ?? 0) + 1);
      if (period <= calEnd) {
        if (period !== first) {
          x += 1;
          repeatSpend += own.get(period) as number;
        }
        last = period;
      } else {
        holdoutX += 1;
        holdoutSpend += own.get(period) as number;
      }
    }
    customers.push({
      customerId,
      x,
      tx: last - first,
      T: calEnd - first,
      monetary: x > 0 ? repeatSpend / x : 0,
      firstPeriod: first,
      holdoutX: hasHoldout ? holdoutX : null,
      holdoutSpend: hasHoldout ? holdoutSpend : null,
    });
  }
  for (const id of seen) {
    const own = occasions.get(id);
    if (!own || [...own.keys()].every((p) => p > calEnd)) exclusions.customersWithoutPositiveOccasion += 1;
  }
  return {
    unit,
    calibrationEnd: dateOfDay(calibrationEndDay),
    observationEnd: dateOfDay(observationEndDay),
    holdoutLength: obsEnd - calEnd,
    calibrationEndPeriod: calEnd,
    customers,
    exclusions,
    repeatOccasionsByPeriod,
  };
}

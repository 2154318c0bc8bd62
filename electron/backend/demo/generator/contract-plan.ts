// Contract histories of the demo customers: first value, renewals, expansions, churn and module
// add-ons, with the planted cohort, industry and owner differences in survival.
import { MAINTENANCE_CONTRACT, MODULES, PLATFORM_EDITIONS, WEAK_OWNER, type ChurnReasonKey } from './catalog';
import { AS_OF, MONTHS, WINDOW_START, addMonths, dayOf, monthIndexOf, monthStart, nextWorkday } from './calendar';
import type { ContractRec, CustomerPlan } from './model';
import type { Rng } from './prng';

const H1_2024_START = dayOf(2024, 1, 1);
const H1_2024_END = dayOf(2024, 6, 30);

/** The 2024 H1 cohort went live during the delivery team's overload: long implementations, more churn. */
export function inTroubledCohort(c: CustomerPlan): boolean {
  return !c.legacy && c.startDay >= H1_2024_START && c.startDay <= H1_2024_END;
}

export const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** Probability of staying another year; the planted differences by cohort, industry, owner, size. */
export function survival(c: CustomerPlan, firstRenewal: boolean): number {
  let p = firstRenewal ? 0.82 : 0.92;
  p += c.industry.retentionShift;
  if (inTroubledCohort(c)) p -= firstRenewal ? 0.3 : 0.05;
  if (c.owner === WEAK_OWNER) p -= 0.18;
  if (c.size === 'large') p += 0.06;
  if (c.size === 'small') p -= 0.04;
  if (c.monthlyBilling) p -= 0.05;
  return clamp(p, 0.3, 0.98);
}

export function churnReason(c: CustomerPlan, rng: Rng): ChurnReasonKey {
  const w: [ChurnReasonKey, number][] = [
    ['price', 20],
    ['implementation', 8],
    ['service', 12],
    ['fit', 12],
    ['shrink', 10],
    ['decisionMaker', 10],
    ['budget', 10],
    ['competitor', 12],
  ];
  const bump = (k: ChurnReasonKey, by: number): void => {
    const e = w.find(([key]) => key === k);
    if (e) e[1] += by;
  };
  if (inTroubledCohort(c)) bump('implementation', 60);
  if (c.owner === WEAK_OWNER) bump('service', 35);
  if (c.industry.name === '纺织' || c.industry.name === '食品饮料') {
    bump('shrink', 15);
    bump('price', 10);
  }
  return rng.weighted(w);
}

function roundTo(v: number, step: number): number {
  return Math.max(step, Math.round(v / step) * step);
}

const MONTHLY_FEES = [1980, 2980, 3980, 4980, 5980, 6980];

function initialValue(c: CustomerPlan, rng: Rng): number {
  if (c.contractual === 'maintenance') return roundTo(rng.range(8000, 16000) * Math.sqrt(c.scale), 1000);
  if (c.monthlyBilling) return rng.pick(MONTHLY_FEES.slice(0, 3));
  const edition =
    c.size === 'large'
      ? rng.chance(0.5)
        ? PLATFORM_EDITIONS[2]
        : PLATFORM_EDITIONS[1]
      : c.size === 'medium'
        ? rng.chance(0.6)
          ? PLATFORM_EDITIONS[1]
          : PLATFORM_EDITIONS[0]
        : PLATFORM_EDITIONS[0];
  return roundTo(edition.yearly * rng.range(0.85, 1.3), 1000);
}

function platformProduct(c: CustomerPlan, value: number): string {
  if (c.contractual === 'maintenance') return MAINTENANCE_CONTRACT;
  if (c.monthlyBilling) return PLATFORM_EDITIONS[0].name;
  if (value >= 200000) return PLATFORM_EDITIONS[2].name;
  if (value >= 80000) return PLATFORM_EDITIONS[1].name;
  return PLATFORM_EDITIONS[0].name;
}

/** Renewal price: some expand (upgrade, more sites), a few contract (downgrade), most stay. */
function evolve(c: CustomerPlan, value: number, rng: Rng): number {
  const r = rng.float();
  if (c.monthlyBilling) {
    const i = MONTHLY_FEES.indexOf(value);
    if (r < 0.25 && i < MONTHLY_FEES.length - 1) return MONTHLY_FEES[i + 1]!;
    if (r < 0.32 && i > 0) return MONTHLY_FEES[i - 1]!;
    return value;
  }
  const up = c.growing ? 0.45 : 0.22;
  if (r < up) return roundTo(value * rng.range(1.12, 1.4), 1000);
  if (r < up + 0.07) return roundTo(value * rng.range(0.7, 0.85), 1000);
  if (r < up + 0.25) return roundTo(value * 1.05, 1000);
  return value;
}

function newContract(c: CustomerPlan, product: string, start: number, end: number, value: number, prev: ContractRec | null): ContractRec {
  return {
    customer: c,
    product,
    startDay: start,
    endDay: end,
    value,
    monthly: c.monthlyBilling && product !== MAINTENANCE_CONTRACT && !MODULES.some((m) => m.name === product),
    cancelledDay: null,
    prev,
    renewed: false,
    signer: c.owner,
  };
}

/**
 * The main contract chain from `from`: yearly (sometimes two-year) terms renewed with probability
 * survival(); a non-renewal is churn on the day after the end, or occasionally an early
 * cancellation (终止) which is churn on the cancellation day.
 */
export function contractChain(
  c: CustomerPlan,
  rng: Rng,
  from: number,
  opts: { legacy: boolean; neverChurn: boolean },
): { contracts: ContractRec[]; churnDay: number | null } {
  const contracts: ContractRec[] = [];
  let start = from;
  let value = initialValue(c, rng);
  let first = !opts.legacy;
  let prev: ContractRec | null = null;
  for (;;) {
    const term = c.size === 'large' && !c.monthlyBilling && rng.chance(0.25) ? 24 : 12;
    const end = addMonths(start, term) - 1;
    const rec = newContract(c, platformProduct(c, value), start, end, value, prev);
    contracts.push(rec);
    if (end >= AS_OF) return { contracts, churnDay: null };
    if (opts.neverChurn || rng.chance(survival(c, first))) {
      rec.renewed = true;
      prev = rec;
      start = end + 1;
      value = evolve(c, value, rng);
      first = false;
      continue;
    }
    // An early cancellation (终止), but never before the exports begin: a customer lost before the
    // window would have no data to diagnose.
    if (rng.chance(0.18) && end - start > 200 && end - 150 > WINDOW_START + 20) {
      rec.cancelledDay = nextWorkday(end - rng.int(30, 150));
      return { contracts, churnDay: rec.cancelledDay };
    }
    return { contracts, churnDay: end + 1 };
  }
}

/** Transactional buyers churn by a monthly hazard: they simply stop ordering. */
export function hazardChurn(c: CustomerPlan, rng: Rng): number | null {
  const hazard = (1 - survival(c, true)) / 12;
  for (let m = monthIndexOf(c.startDay) + 2; m < MONTHS; m++) {
    if (rng.chance(hazard)) {
      const day = nextWorkday(monthStart(m) + rng.int(0, 25));
      return day > c.startDay + 60 && day <= AS_OF ? day : null;
    }
  }
  return null;
}

export function strategicChains(s1: CustomerPlan, s2: CustomerPlan): ContractRec[] {
  // S1 signs two-year agreements; S2's current year ends 2026-12-31, inside the 90-day window, while
  // its new procurement director re-evaluates suppliers: the demo's headline renewal risk.
  const a = newContract(s1, PLATFORM_EDITIONS[2].name, dayOf(2023, 7, 1), dayOf(2025, 6, 30), 1_080_000, null);
  a.renewed = true;
  const b = newContract(s1, PLATFORM_EDITIONS[2].name, dayOf(2025, 7, 1), dayOf(2027, 6, 30), 1_360_000, a);
  const m1 = newContract(s1, MODULES[0].name, dayOf(2024, 3, 1), dayOf(2025, 2, 28), 420_000, null);
  m1.renewed = true;
  const m2 = newContract(s1, MODULES[0].name, dayOf(2025, 3, 1), dayOf(2026, 2, 28), 480_000, m1);
  m2.renewed = true;
  const m3 = newContract(s1, MODULES[0].name, dayOf(2026, 3, 1), dayOf(2027, 2, 28), 520_000, m2);
  const e1 = newContract(s1, MODULES[1].name, dayOf(2025, 9, 1), dayOf(2026, 8, 31), 260_000, null);
  e1.renewed = true;
  const e2 = newContract(s1, MODULES[1].name, dayOf(2026, 9, 1), dayOf(2027, 8, 31), 300_000, e1);
  const c1 = newContract(s2, PLATFORM_EDITIONS[2].name, dayOf(2024, 1, 1), dayOf(2024, 12, 31), 520_000, null);
  c1.renewed = true;
  const c2 = newContract(s2, PLATFORM_EDITIONS[2].name, dayOf(2025, 1, 1), dayOf(2025, 12, 31), 600_000, c1);
  c2.renewed = true;
  const c3 = newContract(s2, PLATFORM_EDITIONS[2].name, dayOf(2026, 1, 1), dayOf(2026, 12, 31), 640_000, c2);
  const d1 = newContract(s2, MODULES[0].name, dayOf(2025, 4, 1), dayOf(2026, 3, 31), 160_000, null);
  d1.renewed = true;
  const d2 = newContract(s2, MODULES[0].name, dayOf(2026, 4, 1), dayOf(2027, 3, 31), 160_000, d1);
  return [a, b, m1, m2, m3, e1, e2, c1, c2, c3, d1, d2];
}

/** An add-on module (expansion); it renews while the customer stays, else ends or is cancelled. */
export function moduleChain(c: CustomerPlan, rng: Rng, from: number, alwaysRenew: boolean): ContractRec[] {
  const mod = rng.pick(MODULES);
  const out: ContractRec[] = [];
  let start = from;
  let value = roundTo(mod.yearly * rng.range(0.8, 1.2), 1000);
  let prev: ContractRec | null = null;
  for (;;) {
    const end = addMonths(start, 12) - 1;
    const rec = newContract(c, mod.name, start, end, value, prev);
    out.push(rec);
    if (c.churnDay !== null && c.churnDay <= end) {
      if (c.churnDay < end - 30) rec.cancelledDay = c.churnDay;
      return out;
    }
    if (end >= AS_OF) return out;
    // A module not renewed while the platform stays live is contraction, not churn.
    if (!alwaysRenew && !rng.chance(0.85)) return out;
    rec.renewed = true;
    prev = rec;
    start = end + 1;
    value = evolve(c, value, rng);
  }
}

// Revenue churn and downsell rates for one period, by both of Gainsight's definitions:
//
//   of starting revenue   churned ARR ÷ ARR at the period's start;
//                         downsell ARR (retained customers' ARR lost between start and end) ÷ the same
//   of revenue due        churned ARR of contracts due for renewal in the period ÷ ARR due;
//                         downsell on renewal (due ARR − renewal ARR, for contracts renewed lower or
//                         dropped while the customer stayed) ÷ ARR due
//
// The first answers "how much of the book did we lose"; the second "how well did we renew what came
// up", and is the one a renewals team is measured on. ARR = contract MRR × 12.

export interface CustomerArr {
  customerKey: string;
  /** ARR of the contracts live on the period's first day and on its last. */
  arrStart: number;
  arrEnd: number;
  churned: boolean;
}

export interface DueContract {
  contractKey: string;
  customerKey: string;
  /** ARR of the contract that ended in the period. */
  arr: number;
  /** ARR of the contracts that renew it (renewal_of = this contract); 0 when none. */
  renewedArr: number;
  /** The customer churned in the period. */
  churned: boolean;
}

export interface RateFigure {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator × 100; null when the denominator is 0. */
  pct: number | null;
}

export interface RevenueRates {
  startingArr: number;
  churnedArr: number;
  downsellArr: number;
  dueArr: number;
  dueContracts: number;
  churnOfStarting: RateFigure;
  downsellOfStarting: RateFigure;
  churnOfDue: RateFigure;
  downsellOfDue: RateFigure;
}

/** Money sums to cents: float contract values otherwise print as 999,999.99. */
const cents = (x: number): number => Math.round(x * 100) / 100;
const rate = (n: number, d: number): RateFigure => ({ numerator: cents(n), denominator: cents(d), pct: d > 0 ? (100 * n) / d : null });

export function revenueRates(customers: readonly CustomerArr[], due: readonly DueContract[]): RevenueRates {
  let startingArr = 0;
  let churnedArr = 0;
  let downsellArr = 0;
  for (const c of customers) {
    startingArr += c.arrStart;
    if (c.churned) churnedArr += c.arrStart;
    else if (c.arrEnd < c.arrStart) downsellArr += c.arrStart - c.arrEnd;
  }
  let dueArr = 0;
  let churnedDue = 0;
  let downsellDue = 0;
  for (const k of due) {
    dueArr += k.arr;
    if (k.churned) churnedDue += k.arr;
    else if (k.renewedArr < k.arr) downsellDue += k.arr - k.renewedArr;
  }
  return {
    startingArr: cents(startingArr),
    churnedArr: cents(churnedArr),
    downsellArr: cents(downsellArr),
    dueArr: cents(dueArr),
    dueContracts: due.length,
    churnOfStarting: rate(churnedArr, startingArr),
    downsellOfStarting: rate(downsellArr, startingArr),
    churnOfDue: rate(churnedDue, dueArr),
    downsellOfDue: rate(downsellDue, dueArr),
  };
}

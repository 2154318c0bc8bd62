// The groups a breakdown by a customer attribute shows: a category's values; a number's quintiles (at
// most five ranges that never share a value, so a range's customers are exactly those with
// min <= value <= max); a date's years. Customers without a value are a group of their own (null,
// 未填写 / Not set), last, so the groups add up to the whole.
import type { AttributeType } from '../import/attributes';

export interface AttributeGroupKey {
  /** The category, the year, or the range as text (12 – 24); null: no value. */
  value: string | null;
  /** number attributes: the smallest and largest value in the group. */
  range?: [number, number];
  /** date attributes: value is the year. */
  year?: boolean;
}

export interface AttributeGrouping {
  groups: AttributeGroupKey[];
  /** Group index per customer, aligned with the values. */
  of: Int32Array;
}

const formatNumber = (v: number): string => (Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100));

export function attributeGroups(type: AttributeType, values: readonly (string | number | null)[]): AttributeGrouping {
  const of = new Int32Array(values.length);
  if (type === 'number') return numberGroups(values, of);
  const keyOf = (v: string | number | null): string | null => (v === null ? null : type === 'date' ? String(v).slice(0, 4) : String(v));
  const distinct = [...new Set(values.map(keyOf).filter((v): v is string => v !== null))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const at = new Map(distinct.map((v, i) => [v, i]));
  let hasNull = false;
  values.forEach((v, i) => {
    const k = keyOf(v);
    if (k === null) {
      hasNull = true;
      of[i] = distinct.length;
    } else of[i] = at.get(k)!;
  });
  const groups: AttributeGroupKey[] = distinct.map((value) => (type === 'date' ? { value, year: true } : { value }));
  if (hasNull) groups.push({ value: null });
  return { groups, of };
}

function numberGroups(values: readonly (string | number | null)[], of: Int32Array): AttributeGrouping {
  const nums = values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null));
  const sorted = nums.filter((v): v is number => v !== null).sort((a, b) => a - b);
  // Quintile cut points, deduplicated: a value always falls in the bin of the last cut at or below it.
  const cuts: number[] = [];
  for (let q = 0; q < 5 && sorted.length > 0; q++) {
    const c = sorted[Math.floor((q * sorted.length) / 5)]!;
    if (cuts.length === 0 || c > cuts[cuts.length - 1]!) cuts.push(c);
  }
  const binOf = (v: number): number => {
    let lo = 0;
    let hi = cuts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (cuts[mid]! <= v) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const min = new Array<number>(cuts.length).fill(Infinity);
  const max = new Array<number>(cuts.length).fill(-Infinity);
  let hasNull = false;
  nums.forEach((v, i) => {
    if (v === null) {
      hasNull = true;
      of[i] = cuts.length;
      return;
    }
    const b = binOf(v);
    of[i] = b;
    if (v < min[b]!) min[b] = v;
    if (v > max[b]!) max[b] = v;
  });
  const groups: AttributeGroupKey[] = cuts.map((_, b) => ({
    value: min[b] === max[b] ? formatNumber(min[b]!) : `${formatNumber(min[b]!)} – ${formatNumber(max[b]!)}`,
    range: [min[b]!, max[b]!],
  }));
  if (hasNull) groups.push({ value: null });
  return { groups, of };
}

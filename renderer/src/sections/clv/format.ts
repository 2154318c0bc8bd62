// Number formats the lifetime-value views share: money rounded to whole units, probabilities as
// percentages, and an interval printed beside its point only when the run has one.
export const pct = (v: number | null | undefined, digits = 1): string => (v === null || v === undefined ? '–' : `${(v * 100).toFixed(digits)}%`);

export function sig(v: number | null | undefined, digits = 4): string {
  return v === null || v === undefined ? '–' : Number(v.toPrecision(digits)).toLocaleString('en', { maximumFractionDigits: 6 });
}

export function range(low: number | null | undefined, high: number | null | undefined, f: (v: number) => string): string {
  return low === null || low === undefined || high === null || high === undefined ? '' : `${f(low)} – ${f(high)}`;
}

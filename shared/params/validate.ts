// What is wrong with a parameter set as a consultant edits it, field by field, in words both catalogues
// hold (params:ui.issues.<code>): numbers outside their range, lifecycle stages that overlap, segment
// tables with a repeated name or a rule that can never match because rules above it take all its
// customers (first match wins). Errors stop a save (PARAM_SET_INVALID); warnings are shown only.
// The schema (param-set.ts) stays the last word on the document; these checks say it in the user's terms.

import type { ParamSet } from './param-set';

export type IssueLevel = 'error' | 'warning';

export interface ParamIssue {
  /** Where, as a dotted path of the set (tiers.strategicShare, rfm.classicRules.3). */
  path: string;
  level: IssueLevel;
  /** Catalogue key under params:ui.issues. */
  code: 'range' | 'integer' | 'newAfterMature' | 'coreAfterPotential' | 'duplicateSegment' | 'segmentName' | 'unreachableSegment' | 'noSegments';
  params?: Record<string, string | number>;
}

interface Bound {
  min: number;
  max: number;
  /** min / max themselves allowed. */
  open?: 'min' | 'max' | 'both';
  integer?: boolean;
}

const DAYS: Bound = { min: 1, max: 36_500, integer: true };

/** The ranges of the schema (shared/analytics/params.ts), per field a consultant types. */
export const TIER_BOUNDS = {
  strategicShare: { min: 0, max: 1, open: 'both' },
  coreTopShare: { min: 0, max: 1 },
  coreMinTenureDays: { min: 0, max: 36_500, integer: true },
  potentialMaxTenureDays: { min: 0, max: 36_500, integer: true },
  upgradeOrderAmount: { min: 0, max: Number.MAX_SAFE_INTEGER, open: 'min' },
  yearDays: DAYS,
} as const satisfies Record<string, Bound>;

export const LIFECYCLE_BOUNDS = {
  newDays: DAYS,
  matureDays: DAYS,
  matureMinOrders: { min: 0, max: 1_000_000, integer: true },
  riskInactiveDays: DAYS,
  riskWindowDays: DAYS,
  riskSpendDropPct: { min: 0, max: 100, open: 'min' },
  riskContractEndDays: { min: 0, max: 36_500, integer: true },
} as const satisfies Record<string, Bound>;

function checkBound(path: string, v: number | null, b: Bound, out: ParamIssue[]): void {
  if (v === null) return;
  const lowOk = b.open === 'min' || b.open === 'both' ? v > b.min : v >= b.min;
  const highOk = b.open === 'max' || b.open === 'both' ? v < b.max : v <= b.max;
  if (!Number.isFinite(v) || !lowOk || !highOk) out.push({ path, level: 'error', code: 'range', params: { min: b.min, max: b.max } });
  else if (b.integer && !Number.isInteger(v)) out.push({ path, level: 'error', code: 'integer' });
}

type SegmentRules = ParamSet['rfm']['classicRules'];

const SEGMENT_NAME = /^[\p{L}\p{N}_-]{1,40}$/u;

/** The segment table's problems: names, repeats, and rules that earlier rules leave no customer to. */
export function segmentIssues(rules: SegmentRules, path: string): ParamIssue[] {
  const out: ParamIssue[] = [];
  if (rules.length === 0) out.push({ path, level: 'error', code: 'noSegments' });
  const seen = new Set<string>();
  // Every R, F, M score combination (125) goes to the first rule that holds it.
  const taken = new Set<number>();
  rules.forEach((rule, i) => {
    if (!SEGMENT_NAME.test(rule.id)) out.push({ path: `${path}.${i}`, level: 'error', code: 'segmentName', params: { name: rule.id } });
    else if (seen.has(rule.id)) out.push({ path: `${path}.${i}`, level: 'error', code: 'duplicateSegment', params: { name: rule.id } });
    seen.add(rule.id);
    let reachable = false;
    for (let r = rule.r[0]; r <= rule.r[1]; r++) {
      for (let f = rule.f[0]; f <= rule.f[1]; f++) {
        for (let m = rule.m[0]; m <= rule.m[1]; m++) {
          const cell = r * 100 + f * 10 + m;
          if (!taken.has(cell)) {
            reachable = true;
            taken.add(cell);
          }
        }
      }
    }
    if (!reachable) out.push({ path: `${path}.${i}`, level: 'warning', code: 'unreachableSegment', params: { name: rule.id } });
  });
  return out;
}

/** Every issue of the editable parts of a set (RFM cut points are checked by the schema and the cut inputs). */
export function paramSetIssues(set: Pick<ParamSet, 'tiers' | 'lifecycle' | 'rfm'>): ParamIssue[] {
  const out: ParamIssue[] = [];
  for (const [k, b] of Object.entries(TIER_BOUNDS)) checkBound(`tiers.${k}`, set.tiers[k as keyof typeof TIER_BOUNDS], b, out);
  for (const [k, b] of Object.entries(LIFECYCLE_BOUNDS)) checkBound(`lifecycle.${k}`, set.lifecycle[k as keyof typeof LIFECYCLE_BOUNDS], b, out);
  // The stages are read in order (lifecycle.ts): a "new" period as long as the road to maturity leaves no growing stage.
  if (set.lifecycle.newDays >= set.lifecycle.matureDays) {
    out.push({
      path: 'lifecycle.newDays',
      level: 'error',
      code: 'newAfterMature',
      params: { newDays: set.lifecycle.newDays, matureDays: set.lifecycle.matureDays },
    });
  }
  if (set.tiers.coreMinTenureDays > set.tiers.potentialMaxTenureDays) {
    // Allowed (a customer between the two is ordinary), but rarely meant: say so.
    out.push({
      path: 'tiers.coreMinTenureDays',
      level: 'warning',
      code: 'coreAfterPotential',
      params: { core: set.tiers.coreMinTenureDays, potential: set.tiers.potentialMaxTenureDays },
    });
  }
  out.push(...segmentIssues(set.rfm.classicRules, 'rfm.classicRules'), ...segmentIssues(set.rfm.valueGroupRules, 'rfm.valueGroupRules'));
  return out;
}

/** The errors as one line for PARAM_SET_INVALID, in the words of `describe` (a translator). */
export function issuesDetail(issues: readonly ParamIssue[], describe: (i: ParamIssue) => string): string {
  return issues
    .filter((i) => i.level === 'error')
    .slice(0, 3)
    .map((i) => `${i.path}: ${describe(i)}`)
    .join('; ');
}

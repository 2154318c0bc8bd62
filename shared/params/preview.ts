// The effect of a parameter set before running: computed from the latest stored run's per-customer
// rows (RFM, segments), from the run's inputs at its as-of date (tiers, lifecycle: movement.ts) and
// from the facts the health run reads (signals, the playbook: budget.ts), never by a full run. Pure:
// the engine hands in the rows and the facts (electron/backend/params/preview.ts).

import type { z } from 'zod';
import type { RfmParamsSchema } from '../analytics/params';
import { cutScore, quintileScores, segmentOf } from '../analytics/rfm';
import type { Severity } from '../health/vocabulary';
import type { SignalRuleId } from '../health/signal-rules';
import type { ActionCount, RuleBudget } from './budget';
import type { ActionPolicy } from '../health/action-policy';
import type { LifecyclePreview, TierPreview } from './movement';

/** What an RFM preview needs of a stored customer row (diagnostic_customer). */
export interface StoredRfmRow {
  recencyDays: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  segment: string | null;
  valueGroup: string | null;
}

/** Customers per score 1..5 (index 0 = score 1): under the set, and as the run stored them. */
export interface ScoreCounts {
  now: [number, number, number, number, number];
  was: [number, number, number, number, number];
}

export interface SegmentCount {
  id: string;
  now: number;
  was: number;
}

export interface RfmPreview {
  runId: number;
  asOf: string;
  /** Customers with a purchase on or before the as-of date: the denominator of every count. */
  customers: number;
  r: ScoreCounts;
  f: ScoreCounts;
  m: ScoreCounts;
  segments: SegmentCount[];
  valueGroups: SegmentCount[];
  /** The stored F and M were counted over another look-back window than the set's: counts are approximate. */
  lookbackDiffers: boolean;
  /** Customers whose R, F or M score would change. */
  changed: number;
  /** Customers whose classic segment, and whose value group, would change. */
  segmentsMoved: number;
  valueGroupsMoved: number;
}

/**
 * A rule's alert budget: customers it would fire for under the set (now) and under the health run's
 * rules (was), the open alerts of the rule in the inbox, the new alerts the next run would open and
 * the open ones it would resolve (budget.ts).
 */
export interface SignalRuleCount extends RuleBudget {
  ruleId: SignalRuleId;
  enabled: boolean;
  severity: Severity;
}

export interface SignalPreview {
  /** The health run whose as-of date the facts are read at; null when there is none (as-of: latest data). */
  runId: number | null;
  asOf: string;
  customers: number;
  rules: SignalRuleCount[];
  /** Customers with at least one signal of each severity under the set, and under the run's rules. */
  bySeverity: Record<Severity, { now: number; was: number }>;
}

/** The actions the set's rules and playbook would open, beside the health run's (budget.ts). */
export interface PlaybookPreview {
  healthRunId: number | null;
  /** The engagement's action policy (which signals and scores open actions by themselves), and the run's. */
  policy: ActionPolicy;
  policyWas: ActionPolicy;
  /** The health model whose red band opens the red-score action (the run's; the built-in one without a run). */
  modelId: string;
  asOf: string;
  customers: number;
  /** Actions called for under the set or the run, in the playbook's template order. */
  actions: ActionCount[];
  total: Omit<ActionCount, 'templateId'>;
  red: { now: number; was: number };
}

/** Which parts a preview computes (each costs a pass over its facts). */
export interface PreviewParts {
  rfm: boolean;
  tiers: boolean;
  lifecycle: boolean;
  signals: boolean;
  playbook: boolean;
}

export interface ParamPreview {
  rfm: RfmPreview | null;
  tiers: TierPreview | null;
  lifecycle: LifecyclePreview | null;
  signals: SignalPreview | null;
  playbook: PlaybookPreview | null;
  /** Milliseconds the engine took, so the UI can say the preview is not a run. */
  ms: number;
}

type RfmParams = z.infer<typeof RfmParamsSchema>;

const five = (): [number, number, number, number, number] => [0, 0, 0, 0, 0];

function countBy(ids: readonly string[], was: readonly (string | null)[]): SegmentCount[] {
  const map = new Map<string, SegmentCount>();
  const at = (id: string) => {
    let c = map.get(id);
    if (!c) map.set(id, (c = { id, now: 0, was: 0 }));
    return c;
  };
  ids.forEach((id) => at(id).now++);
  was.forEach((id) => {
    if (id !== null) at(id).was++;
  });
  return [...map.values()];
}

/** The scores and segments the set would give the stored rows, against what the run stored. */
export function previewRfm(run: { id: number; asOf: string; lookbackDays: number | null }, rows: readonly StoredRfmRow[], rfm: RfmParams): RfmPreview {
  const n = rows.length;
  let rs: ArrayLike<number>;
  let fs: ArrayLike<number>;
  let ms: ArrayLike<number>;
  if (rfm.scoring === 'quintiles') {
    rs = quintileScores(
      rows.map((x) => x.recencyDays),
      false,
    );
    fs = quintileScores(
      rows.map((x) => x.frequency),
      true,
    );
    ms = quintileScores(
      rows.map((x) => x.monetary),
      true,
    );
  } else {
    rs = rows.map((x) => cutScore(x.recencyDays, rfm.cuts.recency, false));
    fs = rows.map((x) => cutScore(x.frequency, rfm.cuts.frequency, true));
    ms = rows.map((x) => cutScore(x.monetary, rfm.cuts.monetary, true));
  }
  const r: ScoreCounts = { now: five(), was: five() };
  const f: ScoreCounts = { now: five(), was: five() };
  const m: ScoreCounts = { now: five(), was: five() };
  const segments: string[] = new Array<string>(n);
  const groups: string[] = new Array<string>(n);
  let changed = 0;
  let segmentsMoved = 0;
  let valueGroupsMoved = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    const ri = rs[i] as number;
    const fi = fs[i] as number;
    const mi = ms[i] as number;
    r.now[ri - 1]!++;
    f.now[fi - 1]!++;
    m.now[mi - 1]!++;
    r.was[row.r - 1]!++;
    f.was[row.f - 1]!++;
    m.was[row.m - 1]!++;
    if (ri !== row.r || fi !== row.f || mi !== row.m) changed++;
    segments[i] = segmentOf(rfm.classicRules, ri, fi, mi);
    groups[i] = segmentOf(rfm.valueGroupRules, ri, fi, mi);
    if (segments[i] !== row.segment) segmentsMoved++;
    if (groups[i] !== row.valueGroup) valueGroupsMoved++;
  }
  return {
    runId: run.id,
    asOf: run.asOf,
    customers: n,
    r,
    f,
    m,
    segments: countBy(
      segments,
      rows.map((x) => x.segment),
    ),
    valueGroups: countBy(
      groups,
      rows.map((x) => x.valueGroup),
    ),
    lookbackDiffers: run.lookbackDays !== rfm.lookbackDays,
    changed,
    segmentsMoved,
    valueGroupsMoved,
  };
}

// Where two views of one customer disagree by design, the card says so and why. Health, signals,
// lifecycle and RFM answer different questions (how is the relationship now; what just happened;
// where is the customer in its life with us; how recently, often and much it bought), so a 5·5·5
// buyer can be lifecycle 风险 and a green customer can carry a heavy signal. Each note names the
// rule behind each verdict; the card shows the data next to it.

import type { LifecycleRules, LifecycleStage } from '../analytics/lifecycle';
import type { Band } from './score';

export interface HealthVerdict {
  band: Band | null;
  /** Open heavy (重度) signals of the customer. */
  heavyOpen: number;
  /** The heavy-signal measure's share of the score (0..1); null when the model has no such measure. */
  heavyShare: number | null;
}

export interface LifecycleVerdict {
  stage: LifecycleStage;
  rules: LifecycleRules;
}

export interface RfmVerdict {
  r: number;
  f: number | null;
  m: number | null;
  recencyDays: number | null;
}

export const STATUS_NOTE_KEYS = [
  'differentAsOf',
  'greenWithHeavySignal',
  'greenHeavyNotScored',
  'rfmTopButAtRisk',
  'greenButAtRisk',
  'redButLifecycleFine',
  'churnedButScored',
] as const;
export type StatusNoteKey = (typeof STATUS_NOTE_KEYS)[number];

export interface StatusNote {
  /** Catalogue key `ui.status.notes.<key>` in the 'health' namespace. */
  key: StatusNoteKey;
  params: Record<string, string | number>;
}

/** R of 4 or 5: among the most recent buyers by the run's RFM scoring. */
const TOP_RECENCY = 4;

export function statusNotes(
  health: HealthVerdict,
  lifecycle: LifecycleVerdict | null,
  rfm: RfmVerdict | null,
  dates: { healthAsOf: string; diagnosticAsOf: string; runId: number } | null,
): StatusNote[] {
  const notes: StatusNote[] = [];
  if (dates) notes.push({ key: 'differentAsOf', params: { ...dates } });
  if (health.band === 'green' && health.heavyOpen > 0) {
    notes.push(
      health.heavyShare === null
        ? { key: 'greenHeavyNotScored', params: { count: health.heavyOpen } }
        : { key: 'greenWithHeavySignal', params: { count: health.heavyOpen, sharePct: Math.round(health.heavyShare * 100) } },
    );
  }
  if (lifecycle?.stage === 'atRisk' && rfm && rfm.r >= TOP_RECENCY) {
    notes.push({
      key: 'rfmTopButAtRisk',
      params: { r: rfm.r, f: rfm.f ?? '–', m: rfm.m ?? '–', days: rfm.recencyDays ?? '–' },
    });
  }
  if (lifecycle?.stage === 'atRisk' && health.band === 'green') notes.push({ key: 'greenButAtRisk', params: {} });
  if (health.band === 'red' && (lifecycle?.stage === 'new' || lifecycle?.stage === 'growing' || lifecycle?.stage === 'mature')) {
    notes.push({ key: 'redButLifecycleFine', params: { stage: lifecycle.stage } });
  }
  if (lifecycle?.stage === 'churned' && health.band !== null) notes.push({ key: 'churnedButScored', params: {} });
  return notes;
}

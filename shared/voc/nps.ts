// Net Promoter Score and CSAT, with the interval and the counts a consultant needs to judge a figure.
//
// NPS = %promoters (9–10) − %detractors (0–6) on the 0–10 "how likely are you to recommend" scale.
// Its interval: each answer is promoter (+1), passive (0) or detractor (−1), so NPS/100 is the mean of
// that score and, as a difference of two proportions of one multinomial sample,
//   Var(p̂P − p̂D) = [pP + pD − (pP − pD)²] / n
// (Rocks 2016; the same as the sample variance of the ±1/0 scores divided by n). The 95% interval is
// NPS ± 1.96·100·√Var (Wald), clipped to [−100, 100]. For 0..10 each answered once: n = 11, 2
// promoters, 7 detractors, NPS = −45.45, half-width 46.2 points: eleven answers say almost nothing.
//
// CSAT on the 1–5 scale: the share of 4 and 5 ("top two boxes", the usual definition) and the mean.

export const NPS_Z95 = 1.959963984540054;
/** Below this many answers a figure is shown with its interval but flagged as resting on too little data. */
export const NPS_MIN_RESPONSES = 30;

export type NpsClass = 'promoter' | 'passive' | 'detractor';

export function npsClass(score: number): NpsClass {
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

export interface NpsFigure {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** −100..100; null without answers. */
  nps: number | null;
  /** 95% Wald interval, clipped to [−100, 100]; null without answers. */
  low: number | null;
  high: number | null;
  /** Standard error in NPS points. */
  se: number | null;
  /** fewer than NPS_MIN_RESPONSES answers. */
  thin: boolean;
}

export interface CsatFigure {
  responses: number;
  /** Answers of 4 or 5 (on 1–5). */
  satisfied: number;
  /** satisfied / responses × 100; null without answers. */
  csat: number | null;
  mean: number | null;
  thin: boolean;
}

/** NPS from counts; the interval of the multinomial difference of proportions (see the header). */
export function npsFromCounts(promoters: number, passives: number, detractors: number): NpsFigure {
  const n = promoters + passives + detractors;
  if (n === 0) return { responses: 0, promoters, passives, detractors, nps: null, low: null, high: null, se: null, thin: true };
  const pP = promoters / n;
  const pD = detractors / n;
  const diff = pP - pD;
  const variance = Math.max(0, (pP + pD - diff * diff) / n);
  const se = 100 * Math.sqrt(variance);
  const nps = 100 * diff;
  return {
    responses: n,
    promoters,
    passives,
    detractors,
    nps,
    low: Math.max(-100, nps - NPS_Z95 * se),
    high: Math.min(100, nps + NPS_Z95 * se),
    se,
    thin: n < NPS_MIN_RESPONSES,
  };
}

/** NPS of 0–10 scores (other values are ignored: the importer keeps the scale, it does not enforce it). */
export function npsOf(scores: Iterable<number | null>): NpsFigure {
  let p = 0;
  let a = 0;
  let d = 0;
  for (const s of scores) {
    if (s == null || !Number.isFinite(s) || s < 0 || s > 10) continue;
    const c = npsClass(s);
    if (c === 'promoter') p++;
    else if (c === 'passive') a++;
    else d++;
  }
  return npsFromCounts(p, a, d);
}

export function csatOf(scores: Iterable<number | null>): CsatFigure {
  let n = 0;
  let sat = 0;
  let sum = 0;
  for (const s of scores) {
    if (s == null || !Number.isFinite(s) || s < 1 || s > 5) continue;
    n++;
    sum += s;
    if (s >= 4) sat++;
  }
  return { responses: n, satisfied: sat, csat: n ? (100 * sat) / n : null, mean: n ? sum / n : null, thin: n < NPS_MIN_RESPONSES };
}

/**
 * NPS if the detractors of a subset (e.g. those mentioning one theme) had been passives: the theme's
 * "NPS effect". Moving d detractors to passive raises NPS by 100·d/n.
 */
export function npsIfDetractorsPassive(figure: NpsFigure, movedDetractors: number): number | null {
  if (figure.nps == null || figure.responses === 0) return null;
  return figure.nps + (100 * Math.min(movedDetractors, figure.detractors)) / figure.responses;
}

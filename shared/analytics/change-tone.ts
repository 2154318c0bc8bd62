// How a change between two figures reads: its colour follows good or bad news, not its sign (fewer
// churned customers is good news), and a change that prints as zero reads ±0, never "−0.0".

/** Whether more of a thing is good news (+1) or bad news (−1); ids not listed are neither. */
const MORE_IS: Readonly<Record<string, 1 | -1>> = {
  retentionRate: 1,
  churnRate: -1,
  grr: 1,
  nrr: 1,
  activeCustomers: 1,
  revenue: 1,
  highValueLoyal: 1,
  potentialNurture: 1,
  dormantReactivate: -1,
  strategic: 1,
  core: 1,
  potential: 1,
  new: 1,
  growing: 1,
  mature: 1,
  atRisk: -1,
  churned: -1,
};

export type ChangeTone = 'flat' | 'neutral' | 'good' | 'bad';

/**
 * 'flat' when the change prints as ±0 (under 0.05 pp for a rate, half a unit otherwise), 'neutral'
 * for a thing that is neither good nor bad (the ordinary tier), else 'good' or 'bad'.
 */
export function changeTone(id: string, delta: number | null, isRate: boolean): ChangeTone {
  if (delta === null || Math.abs(delta) < (isRate ? 0.0005 : 0.5)) return 'flat';
  const more = MORE_IS[id] ?? 0;
  return more === 0 ? 'neutral' : delta > 0 === more > 0 ? 'good' : 'bad';
}

/** A signed change from its printed magnitude: "+1.2", "−1.2", and "±0.0" when what is printed is zero. */
export function signedText(value: number, shownMagnitude: string): string {
  const m = shownMagnitude.replace('-', '');
  if (!/[1-9]/.test(m)) return `±${m}`;
  return value > 0 ? `+${m}` : `−${m}`;
}

/** A fraction shown as a percentage with `decimals` digits: 0 when it would print as "-0.0%". */
export function unsignedZeroPercent(value: number | null | undefined, decimals: number): number | null {
  if (value === null || value === undefined) return null;
  return Math.abs(value * 100) < 0.5 * 10 ** -decimals ? 0 : value;
}

// Sample-ratio mismatch: do the groups' sizes match the split the design intended? A chi-square
// goodness-of-fit test; a mismatch means assignment or data loss is broken and the result cannot be
// trusted whatever its p-value (Fabijan et al., "Diagnosing Sample Ratio Mismatch in Online Controlled
// Experiments", KDD 2019, flag at p < 0.0005; the workbench uses the common 0.001).

import { chiSquareSf } from './distributions';

export const SRM_THRESHOLD = 0.001;

export interface SrmResult {
  observed: number[];
  expected: number[];
  chiSquare: number;
  df: number;
  pValue: number;
  mismatch: boolean;
}

/** observed counts per group; intendedShares per group (normalised, so 1:1 or 0.5/0.5 both work). */
export function sampleRatioCheck(observed: readonly number[], intendedShares: readonly number[], threshold = SRM_THRESHOLD): SrmResult {
  const total = observed.reduce((a, b) => a + b, 0);
  const shareSum = intendedShares.reduce((a, b) => a + b, 0);
  const expected = intendedShares.map((s) => (total * s) / shareSum);
  let chi = 0;
  observed.forEach((o, i) => {
    const e = expected[i] as number;
    if (e > 0) chi += (o - e) ** 2 / e;
  });
  const df = observed.length - 1;
  const pValue = total > 0 ? chiSquareSf(chi, df) : 1;
  return { observed: [...observed], expected, chiSquare: chi, df, pValue, mismatch: total > 0 && pValue < threshold };
}

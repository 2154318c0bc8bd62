// Random assignment the workbench makes and records: the customers are sorted by key, shuffled with
// the seeded generator and the first share go to treatment. Sorting first makes the split depend only
// on the set of customers and the seed, not on the order a query returned them in, so the stored seed
// reproduces it exactly.

import { seededRandom, shuffleInPlace } from '../churn/random';

export interface Assignment {
  treatment: string[];
  control: string[];
  seed: number;
  treatmentShare: number;
}

export function randomAssignment(customerKeys: readonly string[], seed: number, treatmentShare = 0.5): Assignment {
  const keys = [...new Set(customerKeys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const order = Array.from(keys, (_k, i) => i);
  shuffleInPlace(order, seededRandom(seed));
  const cut = Math.round(keys.length * treatmentShare);
  const treatment = order
    .slice(0, cut)
    .map((i) => keys[i] as string)
    .sort();
  const control = order
    .slice(cut)
    .map((i) => keys[i] as string)
    .sort();
  return { treatment, control, seed, treatmentShare };
}

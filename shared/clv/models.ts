// The three fits with their data requirements and starting points. Starting points are spread in the
// scale of the data (α and β are in the model's time unit, γ in money), so a week or a day unit and any
// currency start from comparable places.
import { bgnbdLogLikelihood, BGNBD_PARAMETERS } from './bgnbd';
import type { RepeatData, SpendData } from './data';
import { fitByMaximumLikelihood, notEnoughData, type ModelFitResult } from './fit';
import { gammaGammaLogLikelihood, GAMMA_GAMMA_PARAMETERS } from './gamma-gamma';
import { pnbdLogLikelihood, PNBD_PARAMETERS } from './pnbd';

export const COUNT_MODELS = ['bgnbd', 'pnbd'] as const;
export type CountModel = (typeof COUNT_MODELS)[number];

/** Fewer customers than this, or fewer repeat buyers, and a count model is not fitted at all. */
export const MIN_CUSTOMERS = 20;
export const MIN_REPEAT_BUYERS = 5;

function meanAge(d: RepeatData): number {
  let sum = 0;
  for (let i = 0; i < d.rows; i += 1) sum += (d.T[i] as number) * (d.weight[i] as number);
  return sum / Math.max(1, d.customers);
}

function countDataProblem(d: RepeatData): ModelFitResult['reason'] {
  if (d.customers < MIN_CUSTOMERS) return 'too-few-customers';
  if (d.repeatBuyers < MIN_REPEAT_BUYERS) return 'too-few-repeat-buyers';
  if (!(meanAge(d) > 0)) return 'no-elapsed-time';
  return null;
}

export function fitCountModel(model: CountModel, d: RepeatData, checkpoint?: () => void): ModelFitResult {
  const names = model === 'bgnbd' ? BGNBD_PARAMETERS : PNBD_PARAMETERS;
  const problem = countDataProblem(d);
  if (problem !== null) return notEnoughData(names, d.customers, problem);
  const age = meanAge(d);
  const starts =
    model === 'bgnbd'
      ? [
          [0.5, age / 4, 1, 2],
          [1, age, 0.5, 5],
          [0.2, age / 20, 2, 1],
        ]
      : [
          [0.5, age / 4, 0.5, age / 4],
          [1, age, 1, age * 2],
          [0.2, age / 20, 0.2, age / 20],
        ];
  return fitByMaximumLikelihood({
    names,
    observations: d.customers,
    logLikelihood: (theta, gradient) => (model === 'bgnbd' ? bgnbdLogLikelihood(theta, d, gradient) : pnbdLogLikelihood(theta, d, gradient)),
    starts,
    checkpoint,
  });
}

export function fitGammaGamma(d: SpendData, checkpoint?: () => void): ModelFitResult {
  if (d.rows < MIN_REPEAT_BUYERS) return notEnoughData(GAMMA_GAMMA_PARAMETERS, d.rows, 'too-few-repeat-buyers');
  let mean = 0;
  for (const m of d.m) mean += m;
  mean /= d.rows;
  return fitByMaximumLikelihood({
    names: GAMMA_GAMMA_PARAMETERS,
    observations: d.rows,
    logLikelihood: (theta, gradient) => gammaGammaLogLikelihood(theta, d, gradient),
    starts: [
      [4, 4, mean],
      [1, 2, mean / 2],
      [10, 10, mean * 2],
    ],
    checkpoint,
  });
}

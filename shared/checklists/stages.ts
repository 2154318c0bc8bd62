import type { MaturityStage } from './template-schema';

// Weighted means like 0.3·50 + 0.7·(200/3) come out as 59.99999999999999; without rounding such a
// score would fall one stage short of a boundary it reaches on paper.
const STAGE_PRECISION = 1e6;

/** The stage whose [min, max) holds the score; the last stage also holds 100. Null for no score. */
export function stageFor(score: number | null, stages: readonly MaturityStage[]): MaturityStage | null {
  if (score === null || !Number.isFinite(score)) return null;
  const value = Math.round(score * STAGE_PRECISION) / STAGE_PRECISION;
  const last = stages[stages.length - 1];
  for (const stage of stages) {
    if (value >= stage.min && (value < stage.max || (stage === last && value <= stage.max))) return stage;
  }
  return null;
}

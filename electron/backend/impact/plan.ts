// The calculator before an experiment starts (sample size, power, minimum detectable effect).

import type { z } from 'zod';
import type { PlanArgsSchema, PlanResult } from '../../../shared/contract/impact';
import { mdeMeans, mdeProportions, powerMeans, powerProportions, sampleSizeProportions } from '../../../shared/impact/power';
import { normalQuantile } from '../../../shared/impact/distributions';
import { WorkbenchError } from '../errors';

export function planExperiment(a: z.output<typeof PlanArgsSchema>): PlanResult {
  const binary = a.outcome !== 'revenue';
  if (binary && a.baselineRate === undefined)
    throw new WorkbenchError('EXPERIMENT_INVALID', {
      field: 'baselineRate',
      detail: 'a rate needs the expected control rate',
      'detail@zh-CN': '比率类结果需要填写对照组的预期比率',
    });
  if (!binary && a.sd === undefined)
    throw new WorkbenchError('EXPERIMENT_INVALID', {
      field: 'sd',
      detail: 'revenue needs its standard deviation per customer',
      'detail@zh-CN': '收入类结果需要填写每位客户收入的标准差',
    });
  let needed: PlanResult['needed'] = null;
  let achievedPower: number | null = null;
  let mde: number | null = null;
  if (a.effect !== undefined) {
    if (binary) {
      const p0 = a.baselineRate as number;
      if (p0 + a.effect >= 1)
        throw new WorkbenchError('EXPERIMENT_INVALID', {
          field: 'effect',
          detail: 'the expected rate plus the effect reaches 100%',
          'detail@zh-CN': '预期比率加上效果已达到 100%',
        });
      needed = sampleSizeProportions(p0, p0 + a.effect, { alpha: a.alpha, power: a.power, ratio: a.ratio });
    } else {
      const z = normalQuantile(1 - a.alpha / 2) + normalQuantile(a.power);
      const sd = a.sd as number;
      const nT = Math.ceil(((z * sd) / a.effect) ** 2 * (1 + 1 / a.ratio) - 1e-9);
      needed = { treatment: nT, control: Math.ceil(nT * a.ratio - 1e-9) };
    }
  }
  if (a.treatmentSize !== undefined && a.controlSize !== undefined) {
    mde = binary
      ? mdeProportions(a.baselineRate as number, a.treatmentSize, a.controlSize, a.alpha, a.power)
      : mdeMeans(a.sd as number, a.treatmentSize, a.controlSize, a.alpha, a.power);
    if (a.effect !== undefined)
      achievedPower = binary
        ? powerProportions(a.baselineRate as number, (a.baselineRate as number) + a.effect, a.treatmentSize, a.controlSize, a.alpha)
        : powerMeans(a.effect, a.sd as number, a.treatmentSize, a.controlSize, a.alpha);
  }
  return { outcome: a.outcome, alpha: a.alpha, power: a.power, needed, achievedPower, mde };
}

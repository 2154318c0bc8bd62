// The impact measures read every order and compute a dozen periods: seconds on a large engagement.
// Their work is written once as a generator that yields a step (phase, done, total) at each boundary;
// a report section or a plain call runs it straight through, a job runs it with progress and a
// checkpoint (an event-loop turn and the cancel check) at each step.

import type { CallContext } from '../../../shared/contract/define';
import { checkpoint } from '../jobs';

/** Phases of the impact jobs; each is a catalogue key `impact:phase.<phase>`. */
export type ImpactPhase = 'customers' | 'orders' | 'contracts' | 'surveys' | 'periods' | 'baseline' | 'fee';

export interface ImpactStep {
  phase: ImpactPhase;
  done: number;
  total: number | null;
}

export type Steps<T> = Generator<ImpactStep, T, void>;

/** Runs the work to its end without stopping (report sections, freezing a baseline). */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs the work as a job: progress `impact.<phase>` at each step, then a checkpoint that stops it if cancelled. */
export async function runStepsAsJob<T>(steps: Steps<T>, ctx: Pick<CallContext, 'progress' | 'signal'>): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    ctx.progress(`impact.${r.value.phase}`, r.value.done, r.value.total);
    await checkpoint(ctx.signal);
  }
}

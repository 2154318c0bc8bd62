import type { DiagnosticRun } from '../../../../shared/analytics/run-result';
import type { AbsentReason, Figure } from '../../../../shared/analytics/figures';
import type { KeyFigure } from '../../../../shared/reports/model';
import { latestRunId, loadRun } from '../../diagnostics/runs-repo';
import type { SectionContext } from './context';

// The latest stored diagnostic run (diagnostic_run, migration 0004), read back as stored: the
// retention, revenue, cohort, RFM and tier sections quote its results and never recompute them.

const cache = new WeakMap<SectionContext, DiagnosticRun | null>();

export function latestDiagnosticRun(ctx: SectionContext): DiagnosticRun | null {
  if (cache.has(ctx)) return cache.get(ctx) ?? null;
  const id = latestRunId(ctx.sqlite);
  const run = id === null ? null : loadRun(ctx.sqlite, id);
  cache.set(ctx, run);
  return run;
}

export function runSource(ctx: SectionContext, run: DiagnosticRun): string {
  return ctx.r('sources.diagnostics', { id: run.id, asOf: run.asOf });
}

export function absentText(ctx: SectionContext, reason: AbsentReason | null): string {
  return reason ? ctx.t(`analytics:absentReasons.${reason}`) : '—';
}

/** A stored Figure as a key figure: the value, or an em dash with the reason it is absent. */
export function figureOf(ctx: SectionContext, label: string, f: Figure, note: string): KeyFigure {
  return { label, value: f.value, format: 'percent', note: f.value === null ? absentText(ctx, f.reason) : note };
}

export function periodLabel(key: string, partial: boolean): string {
  return partial ? `${key}*` : key;
}

import type { DiagnosticRun } from '../../../../shared/analytics/run-result';
import type { AbsentReason, Figure } from '../../../../shared/analytics/figures';
import type { KeyFigure } from '../../../../shared/reports/model';
import { loadRun } from '../../diagnostics/runs-repo';
import type { SectionContext } from './context';

// The diagnostic run the report is built from (the one the consultant picked, by default the one with
// the latest as-of date: assemble.ts), read back as stored: the retention, revenue, cohort, RFM and
// tier sections quote its results and never recompute them.

const cache = new WeakMap<SectionContext, DiagnosticRun | null>();

export function latestDiagnosticRun(ctx: SectionContext): DiagnosticRun | null {
  if (cache.has(ctx)) return cache.get(ctx) ?? null;
  const id = ctx.diagnosticRunId;
  const run = id === null ? null : loadRun(ctx.sqlite, id);
  cache.set(ctx, run);
  return run;
}

export function runSource(ctx: SectionContext, run: Pick<DiagnosticRun, 'id' | 'asOf' | 'label' | 'paramSet'>): string {
  return ctx.r('sources.diagnostics', {
    id: run.id,
    asOf: run.asOf,
    label: run.label ? ctx.r('sources.label', { label: run.label }) : '',
    params: paramsText(ctx, run.paramSet),
  });
}

/** The parameter set a run names, or the defaults. */
export function paramsText(ctx: SectionContext, paramSet: string | null): string {
  return paramSet ? ctx.r('sources.paramSet', { name: paramSet }) : ctx.r('sources.defaultParams');
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

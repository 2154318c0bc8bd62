// Saved views of the diagnostics section, read defensively (shared so the reading is tested without a browser).
import { DrillTargetSchema, GRAINS, type DrillTarget, type Grain, type ActivityBasis } from '../analytics';
import type { ViewState } from './saved-view';

/** What a saved view keeps of the diagnostics customer table: sort, search text and the columns hidden. */
export interface CustomerTableState {
  sort: { column: string; descending: boolean };
  search: string;
  hidden: string[];
}

export const DEFAULT_CUSTOMER_TABLE_STATE: CustomerTableState = { sort: { column: 'revenue12m', descending: true }, search: '', hidden: [] };

/** The run parameters' form, as the toolbar holds it. */
export interface DiagnosticsForm {
  asOf: string;
  grain: Grain;
  basis: ActivityBasis;
  windowDays: number | null;
  cohortFrom: string;
  cohortTo: string;
}

/**
 * The saved form over the current one: the checked fields, then any other field the form has whose
 * saved value has the same type (fields added to the toolbar later travel without a change here).
 */
export function mergeForm<F extends object>(cur: F, saved: unknown, checked: DiagnosticsForm): F {
  const out: Record<string, unknown> = { ...(cur as Record<string, unknown>), ...checked };
  if (saved && typeof saved === 'object') {
    for (const [k, v] of Object.entries(saved)) {
      if (k in cur && !(k in checked) && typeof v === typeof (cur as Record<string, unknown>)[k]) out[k] = v;
    }
  }
  return out as F;
}

/** What a saved diagnostics view keeps: the run shown, the comparison, the drill, the table, the form. */
export interface DiagnosticsViewState {
  runId: number | null;
  baseId: number | null;
  drill: DrillTarget | null;
  table: CustomerTableState;
  form: DiagnosticsForm | null;
  paramSet: string;
}

const str = (v: unknown, d = ''): string => (typeof v === 'string' ? v : d);
const posInt = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null);

/**
 * A stored view read defensively: it may come from an older build or the CLI, so each part that does
 * not read as expected falls back to the screen's default instead of breaking the section.
 */
export function readDiagnosticsView(s: ViewState): DiagnosticsViewState {
  const drill = DrillTargetSchema.safeParse(s.drill);
  const t = (s.table ?? {}) as Partial<Record<keyof CustomerTableState, unknown>>;
  const sort = t.sort as { column?: unknown; descending?: unknown } | undefined;
  const table: CustomerTableState = {
    sort:
      sort && typeof sort.column === 'string' && typeof sort.descending === 'boolean'
        ? { column: sort.column, descending: sort.descending }
        : DEFAULT_CUSTOMER_TABLE_STATE.sort,
    search: str(t.search),
    hidden: Array.isArray(t.hidden) ? t.hidden.filter((h): h is string => typeof h === 'string') : [],
  };
  const f = s.form as Partial<Record<keyof DiagnosticsForm, unknown>> | undefined;
  const form: DiagnosticsForm | null =
    f && typeof f.asOf === 'string' && (GRAINS as readonly unknown[]).includes(f.grain)
      ? {
          asOf: f.asOf,
          grain: f.grain as Grain,
          basis: f.basis === 'contractual' ? 'contractual' : 'non-contractual',
          windowDays: posInt(f.windowDays),
          cohortFrom: str(f.cohortFrom),
          cohortTo: str(f.cohortTo),
        }
      : null;
  return { runId: posInt(s.runId), baseId: posInt(s.baseId), drill: drill.success ? drill.data : null, table, form, paramSet: str(s.paramSet) };
}

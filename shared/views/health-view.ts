import { ACTION_SORTS, SIGNAL_SORTS, SIGNAL_VIEWS, SignalFilterSchema, type ActionSort, type SignalSort, type SignalView } from '../health/triage';
import type { ViewState } from './saved-view';
import type { SignalFilterInput } from '../health/triage';

/** The filter both health lists share (the view travels separately). */
export type TriageFilter = Omit<SignalFilterInput, 'view'>;

// Saved views of the health lists: the inbox's and the board's filters, sort and grouping. Read
// defensively (a view may come from an older build or the CLI): what does not parse is left as the
// screen has it.

function filterOf(raw: unknown): TriageFilter {
  const parsed = SignalFilterSchema.omit({ view: true }).safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}

const oneOf = <T extends string>(list: readonly T[], v: unknown): T | null => ((list as readonly unknown[]).includes(v) ? (v as T) : null);

export interface InboxViewState {
  view: SignalView;
  filter: TriageFilter;
  sort: SignalSort;
  groupBy: 'signal' | 'customer';
}

export function readInboxView(s: ViewState): InboxViewState | null {
  const v = s.inbox as Record<string, unknown> | undefined;
  if (!v || typeof v !== 'object') return null;
  return {
    view: oneOf(SIGNAL_VIEWS, v.view) ?? 'open',
    filter: filterOf(v.filter),
    sort: oneOf(SIGNAL_SORTS, v.sort) ?? 'severity',
    groupBy: v.groupBy === 'customer' ? 'customer' : 'signal',
  };
}

export interface BoardViewState<V extends string> {
  view: V;
  filter: TriageFilter;
  sort: ActionSort;
}

export function readBoardView<V extends string>(s: ViewState, views: readonly V[], fallback: V): BoardViewState<V> | null {
  const v = s.board as Record<string, unknown> | undefined;
  if (!v || typeof v !== 'object') return null;
  return { view: oneOf(views, v.view) ?? fallback, filter: filterOf(v.filter), sort: oneOf(ACTION_SORTS, v.sort) ?? 'due' };
}

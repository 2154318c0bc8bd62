// Saved views: a section's view state (filters, sort, columns, run, parameters) under a name, kept in
// the workspace (migration 0017). The state is the section's own JSON object; the sections that opt
// in are listed here so the engine refuses a view for a section that cannot reopen it.

export const VIEW_SECTIONS = ['diagnostics', 'health', 'import', 'churn', 'checklists'] as const;
export type ViewSection = (typeof VIEW_SECTIONS)[number];

/** A view's state as stored: a JSON object whose fields the section defines. */
export type ViewState = Record<string, unknown>;

/** The largest state kept (JSON characters): a view is filters and choices, never data. */
export const VIEW_STATE_MAX_CHARS = 64_000;

export interface SavedView {
  id: number;
  section: ViewSection;
  name: string;
  state: ViewState;
  createdAt: string;
  updatedAt: string;
}

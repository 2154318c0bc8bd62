import type { SavedView, ViewSection, ViewState } from '../../../shared/views/saved-view';
import { WorkbenchError } from '../errors';
import type { ReadableDB, WritableDB } from '../workspace/connection';
import type { Row } from '../workspace/schema';

// The saved views of migration 0017: one row per (section, name), the state as JSON.

function toView(r: Row<'saved_view'>): SavedView {
  let state: ViewState = {};
  try {
    const parsed: unknown = JSON.parse(r.state);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) state = parsed as ViewState;
  } catch {
    // A state that cannot be read reopens the section as it is; the view stays listed to rename or delete.
  }
  return { id: r.id, section: r.section as ViewSection, name: r.name, state, createdAt: r.created_at, updatedAt: r.updated_at };
}

export function listViews(sqlite: ReadableDB, section?: ViewSection): SavedView[] {
  const rows = (
    section
      ? sqlite.prepare('select * from saved_view where section = ? order by name').all(section)
      : sqlite.prepare('select * from saved_view order by section, name').all()
  ) as Row<'saved_view'>[];
  return rows.map(toView);
}

export function getView(sqlite: ReadableDB, id: number): SavedView {
  const row = sqlite.prepare('select * from saved_view where id = ?').get(id) as Row<'saved_view'> | undefined;
  if (!row) throw new WorkbenchError('SAVED_VIEW_NOT_FOUND', { id });
  return toView(row);
}

function byName(sqlite: ReadableDB, section: string, name: string): Row<'saved_view'> | undefined {
  return sqlite.prepare('select * from saved_view where section = ? and name = ?').get(section, name) as Row<'saved_view'> | undefined;
}

export function saveView(sqlite: WritableDB, v: { section: ViewSection; name: string; state: ViewState; replace: boolean }, now: string): SavedView {
  const existing = byName(sqlite, v.section, v.name);
  const json = JSON.stringify(v.state);
  if (existing) {
    if (!v.replace) throw new WorkbenchError('SAVED_VIEW_NAME_TAKEN', { name: v.name });
    sqlite.prepare('update saved_view set state = ?, updated_at = ? where id = ?').run(json, now, existing.id);
    return getView(sqlite, existing.id);
  }
  const id = Number(
    sqlite.prepare('insert into saved_view (section, name, state, created_at, updated_at) values (?, ?, ?, ?, ?)').run(v.section, v.name, json, now, now)
      .lastInsertRowid,
  );
  return getView(sqlite, id);
}

export function renameView(sqlite: WritableDB, id: number, name: string, now: string): SavedView {
  const view = getView(sqlite, id);
  if (view.name === name) return view;
  if (byName(sqlite, view.section, name)) throw new WorkbenchError('SAVED_VIEW_NAME_TAKEN', { name });
  sqlite.prepare('update saved_view set name = ?, updated_at = ? where id = ?').run(name, now, id);
  return getView(sqlite, id);
}

export function deleteView(sqlite: WritableDB, id: number): boolean {
  return sqlite.prepare('delete from saved_view where id = ?').run(id).changes > 0;
}

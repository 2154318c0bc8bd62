import type { Generated } from 'kysely';

// Row types of migration 0017's saved views. state is the section's view state as JSON.

export interface SavedViewTable {
  id: Generated<number>;
  section: string;
  name: string;
  state: string;
  created_at: string;
  updated_at: string;
}

export interface ViewTables {
  saved_view: SavedViewTable;
}

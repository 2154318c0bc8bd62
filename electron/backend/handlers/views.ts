import type { HandlersFor } from '../../../shared/contract/define';
import type { viewsChannels } from '../../../shared/contract/views';
import type { Backend } from '../backend';
import { localNow } from '../health/clock';
import { deleteView, getView, listViews, renameView, saveView } from '../views/store';

export function viewsHandlers(b: Backend): HandlersFor<typeof viewsChannels> {
  const sqlite = () => b.requireWorkspace().sqlite;
  return {
    'views.list': async ({ section }) => listViews(sqlite(), section),
    'views.get': async ({ id }) => getView(sqlite(), id),
    'views.save': async (args) => saveView(sqlite(), args, localNow()),
    'views.rename': async ({ id, name }) => renameView(sqlite(), id, name, localNow()),
    'views.delete': async ({ id }) => ({ deleted: deleteView(sqlite(), id) }),
  };
}

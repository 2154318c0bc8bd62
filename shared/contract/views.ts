// Saved views (filters, sort, columns, run and parameters of a section under a name). Spread into
// the contract in ./index.ts; the stored form is in shared/views/saved-view.ts.
import { z } from 'zod';
import { channel } from './define';
import { VIEW_SECTIONS, VIEW_STATE_MAX_CHARS, type SavedView } from '../views/saved-view';

const viewId = z.int().positive();
const viewName = z.string().trim().min(1).max(80);
const viewState = z
  .record(z.string(), z.unknown())
  .refine((s) => JSON.stringify(s).length <= VIEW_STATE_MAX_CHARS, { message: `a view's state is at most ${VIEW_STATE_MAX_CHARS} characters of JSON` });

export const viewsChannels = {
  /** Every saved view (of one section when given), by section then name. */
  'views.list': channel(z.object({ section: z.enum(VIEW_SECTIONS).optional() })).returns<SavedView[]>(),
  'views.get': channel(z.object({ id: viewId })).returns<SavedView>(),
  /** Saves under a name; a name the section already has is refused unless replace is set. */
  'views.save': channel(
    z.object({ section: z.enum(VIEW_SECTIONS), name: viewName, state: viewState, replace: z.boolean().default(false) }),
  ).returns<SavedView>(),
  'views.rename': channel(z.object({ id: viewId, name: viewName })).returns<SavedView>(),
  'views.delete': channel(z.object({ id: viewId })).returns<{ deleted: boolean }>(),
};

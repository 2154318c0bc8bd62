// The workspaces in the documents folder (RWB_DOCUMENTS), for browser mode's file picker: a browser
// cannot hand the engine a path, so the page lists what the engine can see. Spread into ./index.ts.
import { z } from 'zod';
import { channel } from './define';

export interface DocumentWorkspace {
  path: string;
  /** The path under the documents folder, as the list shows it. */
  name: string;
  bytes: number;
  modifiedAt: string;
  /** The client's name when the workspace was last opened here (from the recent list); null otherwise. */
  clientName: string | null;
}

export const documentsChannels = {
  /** .rwb files in the documents folder and its sub-folders (two levels), newest first. */
  'documents.workspaces': channel(z.object({})).returns<{ folder: string; workspaces: DocumentWorkspace[] }>(),
};

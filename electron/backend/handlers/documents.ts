import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { DocumentWorkspace } from '../../../shared/contract/documents';
import type { documentsChannels } from '../../../shared/contract/documents';
import type { HandlersFor } from '../../../shared/contract/define';
import type { Backend } from '../backend';

/** Folders below the documents folder that are read (a consultant files engagements per client). */
const DEPTH = 2;
/** A folder with thousands of files is listed this far; the path field stays for the rest. */
const MAX = 500;

/** .rwb files under `dir` (not sidecars: -lock, -wal, -shm, .part), newest first. */
export function findWorkspaces(dir: string): Omit<DocumentWorkspace, 'clientName'>[] {
  const out: Omit<DocumentWorkspace, 'clientName'>[] = [];
  const walk = (d: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return; // unreadable folder: skipped, not an error for the whole list
    }
    for (const e of entries) {
      if (out.length >= MAX) return;
      if (e.name.startsWith('.') || e.name.startsWith('rwb-tmp-')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (depth < DEPTH) walk(p, depth + 1);
      } else if (e.isFile() && /\.rwb$/i.test(e.name)) {
        const st = statSync(p, { throwIfNoEntry: false });
        if (st) out.push({ path: p, name: relative(dir, p), bytes: st.size, modifiedAt: st.mtime.toISOString() });
      }
    }
  };
  walk(dir, 0);
  return out.sort((a, b) => (a.modifiedAt < b.modifiedAt ? 1 : a.modifiedAt > b.modifiedAt ? -1 : 0));
}

export function documentsHandlers(b: Backend): HandlersFor<typeof documentsChannels> {
  return {
    'documents.workspaces': async () => {
      const folder = b.ensureDocumentsDir();
      const names = new Map(b.settings.recent().map((r) => [resolve(r.path), r.clientName]));
      return { folder, workspaces: findWorkspaces(folder).map((w) => ({ ...w, clientName: names.get(resolve(w.path)) ?? null })) };
    },
  };
}

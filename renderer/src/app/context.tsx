import { createContext, useContext } from 'react';
import type { WorkbenchApi } from '../../../shared/contract';
import type { AppInfo, WorkspaceInfo } from '../../../shared/domain/engagement';
import type { Locale } from '../../../shared/errors';
import type { Transport } from '../api/transport';

export interface Workbench {
  api: WorkbenchApi;
  transport: Transport;
  app: AppInfo;
  workspace: WorkspaceInfo | null;
  locale: Locale;
  setLocale(locale: Locale): Promise<void>;
  /** Re-read the open workspace (counts change after an import, for instance). */
  refreshWorkspace(): Promise<void>;
  navigate(route: string): void;
  route: string;
  /** Show an error from any call in the app's one error banner. */
  reportError(err: unknown): void;
}

export const WorkbenchContext = createContext<Workbench | null>(null);

export function useWorkbench(): Workbench {
  const ctx = useContext(WorkbenchContext);
  if (!ctx) throw new Error('useWorkbench outside WorkbenchContext');
  return ctx;
}

/** For sections that need an open workspace (every page under /e/). */
export function useWorkspace(): WorkspaceInfo {
  const { workspace } = useWorkbench();
  if (!workspace) throw new Error('no workspace open');
  return workspace;
}

import type { EntityKind } from './entities';
import type { Locale } from '../errors';

export interface EngagementMeta {
  clientName: string;
  industry: string | null;
  currency: string; // ISO 4217, CNY by default
  locale: Locale; // language of reports for this client
  consultant: string | null;
  startDate: string | null;
  endDate: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WorkspaceInfo {
  path: string;
  meta: EngagementMeta;
  schemaVersion: string; // name of the last applied migration
  counts: Record<EntityKind, number>;
  fileBytes: number;
  /** Encrypted at rest under a passphrase (SQLCipher 4). */
  encrypted: boolean;
  /** Set on the open that found a job a crash had interrupted, and rolled it back. */
  recovery?: WorkspaceRecovery | null;
}

/** A job interrupted by a crash (the app or the machine stopped mid-import), rolled back on open. */
export interface WorkspaceRecovery {
  rolledBack: true;
  /** When the roll-back happened (ISO). */
  at: string;
  /** The folder holding the file and its journal as the crash left them, kept in case. */
  keptAside: string;
}

export interface RecentEngagement {
  path: string;
  clientName: string;
  openedAt: string;
  exists: boolean;
  /** Encrypted when last opened: the list marks it, and opening it asks for the passphrase first. */
  encrypted: boolean;
}

/** The audit log's hash chain checked from its first entry. */
export interface AuditVerification {
  intact: boolean;
  entries: number;
  /** The first entry whose hash does not follow from the one before (edited, inserted or reordered). */
  brokenAt: number | null;
  /** The last good link: quoted by a close-out certificate. */
  lastHash: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  detail: Record<string, unknown>;
}

export type HostKind = 'electron' | 'web' | 'cli';

export interface AppInfo {
  version: string;
  host: HostKind;
  platform: string;
  defaultDir: string; // where new engagements go unless the user picks another folder
  locale: Locale;
  firstRun: boolean;
}

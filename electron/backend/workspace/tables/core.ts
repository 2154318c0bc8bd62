import type { Generated } from 'kysely';

export interface EngagementTable {
  id: number;
  client_name: string;
  industry: string | null;
  currency: string;
  locale: string;
  consultant: string | null;
  start_date: string | null;
  end_date: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  action: string;
  detail: string; // JSON
  /** sha256 of the previous entry's hash and this entry's content (migration 0012): an edited log shows. */
  hash: string | null;
}

export interface WorkspaceSettingTable {
  key: string;
  value: string; // JSON
}

export interface CoreTables {
  engagement: EngagementTable;
  audit_log: AuditLogTable;
  workspace_setting: WorkspaceSettingTable;
}

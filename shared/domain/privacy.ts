import type { AuditVerification } from './engagement';

// What the close-out and the per-customer erasure report, plain data across the process boundary.

export type CloseOutMode = 'personalFields' | 'workspace';

/** The close-out certificate's content (also written as JSON beside its text form). */
export interface CloseOutCertificate {
  format: 'rwb.close-out-certificate';
  version: 1;
  client: string;
  workspace: string;
  mode: CloseOutMode;
  at: string;
  by: { user: string; host: string };
  /** personalFields: 'table.column' -> values cleared, 'table' -> rows deleted; workspace: the files removed. */
  cleared: Record<string, number>;
  rowsDeleted: Record<string, number>;
  filesDeleted: string[];
  audit: AuditVerification;
}

export interface CloseOutResult {
  mode: CloseOutMode;
  cleared: Record<string, number>;
  rowsDeleted: Record<string, number>;
  filesDeleted: string[];
  /** Was the WAL folded back and truncated, so no old page survives in it? */
  walTruncated: boolean;
  bytesBefore: number;
  bytesAfter: number | null;
  audit: AuditVerification;
  /** The certificate's two files, when one was asked for. */
  certificate: { json: string; text: string } | null;
}

export interface CustomerEraseResult {
  /** sha256 of the workspace's erasure salt and the key: what the audit log records instead of the key. */
  keyHash: string;
  rowsDeleted: Record<string, number>;
  /** Stored runs that held the customer: each now notes one more customer erased after it. */
  runsNoted: number;
}

/** Per stored run, how many customers were erased after it (their rows gone, its aggregates kept). */
export interface ErasureNotes {
  diagnostic: Record<string, number>;
  health: Record<string, number>;
  churn: Record<string, number>;
  clv: Record<string, number>;
}

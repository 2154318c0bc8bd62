import { statSync } from 'node:fs';
import type { Backend } from '../backend';
import { getEngagement } from '../workspace/repositories/engagement';
import { recordAuditSync, verifyAudit } from '../workspace/repositories/audit';
import type { CloseOutMode, CloseOutResult } from '../../../shared/domain/privacy';
import { WorkbenchError } from '../errors';
import { clearPersonalFields } from './clear-personal';
import { wipeWorkspaceFiles } from './wipe-files';
import { closeOutActor, writeCertificate } from './certificate';

/**
 * End of engagement. personalFields: the personal columns cleared in place, the file rebuilt, the step
 * audited. workspace: the step audited (so the certificate quotes a chain that ends with it), then the
 * workspace closed and its files overwritten and deleted. Either way a certificate when asked for.
 */
export async function closeOut(b: Backend, mode: CloseOutMode, certificate: string | undefined): Promise<CloseOutResult> {
  const ws = b.requireWorkspace();
  if (ws.sqlite.inTransaction) throw new WorkbenchError('WORKSPACE_JOB_RUNNING', { path: ws.path });
  const meta = await getEngagement(ws.db);
  const path = ws.path;
  const at = new Date().toISOString();
  const bytesBefore = statSync(path).size;
  let result: CloseOutResult;
  if (mode === 'personalFields') {
    const done = clearPersonalFields(ws.sqlite, meta.locale);
    if (!done.walTruncated) throw new WorkbenchError('CLOSE_OUT_INCOMPLETE', { path });
    result = { mode, ...done, filesDeleted: [], bytesBefore, bytesAfter: statSync(path).size, audit: verifyAudit(ws.sqlite), certificate: null };
  } else {
    recordAuditSync(ws.sqlite, 'engagement.closeOut', { mode: 'workspace' });
    const audit = verifyAudit(ws.sqlite);
    await b.close();
    const filesDeleted = wipeWorkspaceFiles(path);
    b.settings.forget(path);
    result = { mode, cleared: {}, rowsDeleted: {}, filesDeleted, walTruncated: true, bytesBefore, bytesAfter: null, audit, certificate: null };
  }
  if (certificate !== undefined) {
    result.certificate = writeCertificate(certificate, {
      format: 'rwb.close-out-certificate',
      version: 1,
      client: meta.clientName,
      workspace: path,
      mode,
      at,
      by: closeOutActor(),
      cleared: result.cleared,
      rowsDeleted: result.rowsDeleted,
      filesDeleted: result.filesDeleted,
      audit: result.audit,
    });
  }
  return result;
}

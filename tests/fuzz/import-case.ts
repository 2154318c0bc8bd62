// One fuzz case in its own process: open the workspace given, preview the file and run the preview's
// plan through the engine's dispatch (the calls the UI and `rwb import` make), and print one JSON line
// with what happened. The parent (runner.ts) caps this process's time and memory and reads its peak.
import { Backend } from '../../electron/backend/backend';
import { dispatch } from '../../electron/backend/dispatch';
import { createHandlers } from '../../electron/backend/handlers';
import type { ImportPreview } from '../../shared/import/preview-types';
import type { ImportFileResult } from '../../electron/backend/import/import-file';
import type { RejectPage } from '../../shared/import/batch';

export interface CaseAnswer {
  outcome: 'refused' | 'imported';
  code?: string;
  importCode?: string;
  /** Both languages' text of a refusal, so the parent can check neither is empty or an internal error. */
  messages?: { en: string; zh: string };
  rowsRead?: number;
  rowsAccepted?: number;
  rowsRejected?: number;
  /** The first rejects: row number and reason code. */
  rejects?: [number, string][];
  /** Filled in at exit: the import's own time and the process's peak resident memory. */
  workMs?: number;
  peakKb?: number;
}

const [workspace, file, settingsDir] = process.argv.slice(2);
if (workspace === undefined || file === undefined || settingsDir === undefined) {
  process.stderr.write('usage: import-case WORKSPACE FILE SETTINGS_DIR\n');
  process.exit(2);
}

// From the workspace open to the answer: the import's own time, without the process's start-up.
let started = performance.now();

async function main(): Promise<CaseAnswer> {
  const { formatError } = await import('../../shared/errors');
  const backend = new Backend({ host: 'web', version: 'fuzz', settingsDir, documentsDir: settingsDir });
  const handlers = createHandlers(backend);
  const refused = (e: { code: string; params: Record<string, string | number> }): CaseAnswer => ({
    outcome: 'refused',
    code: e.code,
    importCode: typeof e.params.importCode === 'string' ? e.params.importCode : undefined,
    messages: { en: formatError(e.code as never, e.params, 'en'), zh: formatError(e.code as never, e.params, 'zh-CN') },
  });
  try {
    const open = await dispatch(backend, handlers, 'engagement.open', { path: workspace! });
    started = performance.now();
    if (!open.ok) throw new Error(`cannot open the workspace: ${open.error.message}`);
    const preview = await dispatch(backend, handlers, 'import.preview', { path: file!, entity: 'orders' });
    if (!preview.ok) return refused(preview.error);
    const value = preview.value as ImportPreview;
    const { plan } = value;
    // A mutated header seldom maps itself: map the clean export's columns by position where they are
    // there, so the rows under it are read and judged instead of the run stopping at the mapping.
    const positional = (['orderKey', 'customerKey', 'customerName', 'orderDate', 'amount'] as const)
      .map((field, column) => ({ field, column, header: plan.headers[column] ?? '' }))
      .filter((m) => m.column < plan.headers.length);
    const mapping = value.mapping.missingRequired.length > 0 && positional.length >= 4 ? positional : undefined;
    const run = await dispatch(backend, handlers, 'import.run', { plan, ...(mapping ? { mapping } : {}) });
    if (!run.ok) return refused(run.error);
    const { batch: b } = run.value as ImportFileResult;
    const page = await dispatch(backend, handlers, 'import.rejects', { batchId: b.id, limit: 20 });
    const rejects = page.ok ? (page.value as RejectPage).rows.map((r): [number, string] => [r.rowNumber, r.code]) : [];
    return { outcome: 'imported', rowsRead: b.rowsRead, rowsAccepted: b.rowsAccepted, rowsRejected: b.rowsRejected, rejects };
  } finally {
    backend.shutdown();
  }
}

main().then(
  (answer) => {
    process.stdout.write(`${JSON.stringify({ ...answer, workMs: Math.round(performance.now() - started), peakKb: process.resourceUsage().maxRSS })}\n`);
    process.exit(0);
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(3);
  },
);

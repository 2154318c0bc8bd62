import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableExportFormat, TableExportResult, TableFilters, TableId } from '../../../shared/table-export/tables';
import { callShell } from '../api/client';
import { useWorkbench } from '../app/context';
import { useJob } from '../hooks/useJob';
import { downloadUrl } from '../sections/reports/download';
import './export-table.css';

interface Props<T extends TableId> {
  table: T;
  /** The screen's own filters for this table: the file holds the rows the screen shows. */
  filters: TableFilters<T>;
  /** Column ids in the order shown; default: the table's columns in screen order. */
  columns?: readonly string[];
  /** A name for the suggested file (Electron's save dialog). */
  fileName?: string;
  testId?: string;
}

/**
 * "Export what you see": a small menu (XLSX, CSV) beside a table. In the app the save dialog picks
 * the place; in browser mode the engine writes to the documents folder and the page downloads it.
 * The export is a job: progress while rows stream, and a cancel.
 */
export function ExportTableButton<T extends TableId>({ table, filters, columns, fileName, testId = 'export-table' }: Props<T>) {
  const { t } = useTranslation('tableExport');
  const wb = useWorkbench();
  const job = useJob('table.export');
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<TableExportResult | null>(null);
  const box = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const start = async (format: TableExportFormat) => {
    setOpen(false);
    setDone(null);
    let path: string | undefined;
    if (wb.transport.host !== 'web') {
      const base = `${wb.workspace?.meta.clientName ?? 'table'}-${fileName ?? table}`;
      const chosen = await callShell(wb.transport, 'dialog.saveFile', { suggestedName: `${base}.${format}`, kind: format });
      if (chosen === null) return;
      path = chosen ?? undefined;
    }
    const out = await job.run({
      table,
      filters: filters as Record<string, unknown>,
      ...(columns ? { columns: [...columns] } : {}),
      format,
      language: wb.locale,
      ...(path ? { path } : {}),
    });
    if (!out.ok) {
      if (!out.cancelled) wb.reportError(out.error);
      return;
    }
    setDone(out.value);
    if (out.value.downloadable) {
      // Browser mode: hand the file to the browser's downloads straight away.
      const a = document.createElement('a');
      a.href = downloadUrl(out.value.path);
      a.download = out.value.path.split(/[\\/]/).pop() ?? `${table}.${format}`;
      document.body.appendChild(a);
      a.click();
      a.remove();
    }
  };

  return (
    <div className="export-table" ref={box} data-testid={testId} data-export-table={table}>
      {job.running ? (
        <span className="export-table-progress muted small" data-testid={`${testId}-progress`}>
          {t('ui.exporting')}
          {job.progress?.total ? ` ${Math.round((100 * job.progress.done) / job.progress.total)}%` : ''}
          <button type="button" className="btn btn-ghost btn-small" onClick={() => job.cancel()}>
            {t('ui.cancel')}
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="btn btn-small"
          title={t('ui.hint')}
          aria-haspopup="menu"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
          data-testid={`${testId}-button`}
        >
          {t('ui.export')} ▾
        </button>
      )}
      {open ? (
        <div className="export-table-menu" role="menu">
          <button type="button" role="menuitem" onClick={() => void start('xlsx')} data-testid={`${testId}-xlsx`}>
            {t('ui.xlsx')}
          </button>
          <button type="button" role="menuitem" onClick={() => void start('csv')} data-testid={`${testId}-csv`}>
            {t('ui.csv')}
          </button>
        </div>
      ) : null}
      {done && !job.running ? (
        <span className="export-table-done muted small" data-testid={`${testId}-done`} title={done.path}>
          {t('ui.done', { rows: done.rows.toLocaleString(wb.locale), path: done.path.split(/[\\/]/).pop() ?? done.path })}
          {done.downloadable ? (
            <>
              {' '}
              <a href={downloadUrl(done.path)} download data-testid={`${testId}-download`}>
                {t('ui.download')}
              </a>
            </>
          ) : null}
        </span>
      ) : null}
    </div>
  );
}

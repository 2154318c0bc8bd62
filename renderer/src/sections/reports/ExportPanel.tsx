import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDefinition, ReportExportKind, ReportExportResult } from '../../../../shared/reports/definition';
import { callShell } from '../../api/client';
import { useWorkbench } from '../../app/context';
import { useJob } from '../../hooks/useJob';
import { formatBytes } from '../../format';
import { downloadUrl } from './download';

interface Props {
  definition: ReportDefinition;
  onExported(result: ReportExportResult): void;
}

/** Export buttons, the running job's progress with cancel, and the file just written. */
export function ExportPanel({ definition, onExported }: Props) {
  const { t } = useTranslation('reports');
  const wb = useWorkbench();
  const [path, setPath] = useState('');
  const jobs = { xlsx: useJob('report.exportXlsx'), pdf: useJob('report.exportPdf'), pptx: useJob('report.exportPptx') };
  const running = jobs.xlsx.running ? jobs.xlsx : jobs.pdf.running ? jobs.pdf : jobs.pptx.running ? jobs.pptx : null;
  const [template, setTemplate] = useState('');
  const [last, setLast] = useState<ReportExportResult | null>(null);
  const web = wb.transport.host === 'web';

  const run = async (kind: ReportExportKind) => {
    let target: string | undefined = path.trim() === '' ? undefined : path.trim();
    if (!target && !web) {
      // Electron: the native save dialog; cancelling it cancels the export.
      const chosen = await callShell(wb.transport, 'dialog.saveFile', { suggestedName: `${wb.workspace?.meta.clientName ?? 'report'}.${kind}`, kind });
      if (chosen === null) return;
      target = chosen ?? undefined;
    }
    if (target && !target.toLowerCase().endsWith(`.${kind}`)) target = target.replace(/\.(xlsx|pdf|pptx)$/i, '') + `.${kind}`;
    setLast(null);
    const args = { definition, ...(target ? { path: target } : {}) };
    const out =
      kind === 'pptx' ? await jobs.pptx.run({ ...args, ...(template.trim() !== '' ? { templatePath: template.trim() } : {}) }) : await jobs[kind].run(args);
    if (!out.ok) return wb.reportError(out.error);
    setLast(out.value);
    onExported(out.value);
  };

  const p = running?.progress;
  const pct = p && p.total ? Math.min(100, Math.round((p.done / p.total) * 100)) : null;
  const included = definition.sections.filter((s) => s.included).length;
  return (
    <div className="card rp-export" data-testid="report-export">
      <h2>{t('ui.export')}</h2>
      <label className="field">
        <span className="field-label">{t('ui.pathLabel')}</span>
        <input value={path} onChange={(e) => setPath(e.target.value)} placeholder={t('ui.pathPlaceholder')} data-testid="report-path" />
      </label>
      <div className="rp-export-buttons">
        <button className="btn btn-primary" disabled={running !== null || included === 0} onClick={() => void run('xlsx')} data-testid="report-export-xlsx">
          {t('ui.exportXlsx')}
        </button>
        <button className="btn btn-primary" disabled={running !== null || included === 0} onClick={() => void run('pdf')} data-testid="report-export-pdf">
          {t('ui.exportPdf')}
        </button>
        <button className="btn btn-primary" disabled={running !== null || included === 0} onClick={() => void run('pptx')} data-testid="report-export-pptx">
          {t('ui.exportPptx')}
        </button>
      </div>
      <label className="field">
        <span className="field-label">{t('ui.templateLabel')}</span>
        <div className="rp-template">
          <input value={template} onChange={(e) => setTemplate(e.target.value)} placeholder={t('ui.templatePlaceholder')} data-testid="report-template" />
          {web && wb.transport.upload ? (
            <label className="btn">
              {t('ui.templateUpload')}
              <input
                type="file"
                accept=".pptx,application/vnd.openxmlformats-officedocument.presentationml.presentation"
                hidden
                data-testid="report-template-file"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (!file || !wb.transport.upload) return;
                  void wb.transport
                    .upload(file)
                    .then((path) => setTemplate(path))
                    .catch(wb.reportError);
                }}
              />
            </label>
          ) : null}
        </div>
        <span className="muted small">{t('ui.templateHint')}</span>
      </label>
      {running ? (
        <div className="rp-progress" data-testid="report-progress">
          <div className="rp-progress-line">
            <span>{p ? t(p.phase.replace(/^reports\./, '')) : t('phase.collect')}</span>
            <span className="muted">{p && p.total ? `${p.done.toLocaleString(wb.locale)} / ${p.total.toLocaleString(wb.locale)}` : ''}</span>
            <button className="btn btn-ghost" onClick={running.cancel} data-testid="report-cancel">
              {t('ui.cancel')}
            </button>
          </div>
          <div className={`progress${pct === null ? ' rp-indeterminate' : ''}`}>
            <span style={{ width: `${pct ?? 35}%` }} />
          </div>
        </div>
      ) : null}
      {last ? (
        <div className="rp-done" data-testid="report-done">
          <div className="success">{t('ui.exported', { kind: last.kind.toUpperCase(), path: last.path })}</div>
          <div className="muted small">
            {[
              formatBytes(last.bytes),
              last.pages !== null ? (last.kind === 'pptx' ? t('ui.slides', { n: last.pages }) : t('ui.pages', { n: last.pages })) : null,
              last.kind === 'xlsx' ? t('ui.dataRows', { n: last.dataRows }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </div>
          <div className="rp-done-actions">
            {web && last.downloadable ? (
              <a className="btn" href={downloadUrl(last.path)} download data-testid="report-download">
                {t('ui.download')}
              </a>
            ) : null}
            {!web ? (
              <button className="btn" onClick={() => void callShell(wb.transport, 'shell.showItemInFolder', { path: last.path }).catch(wb.reportError)}>
                {t('ui.showInFolder')}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}

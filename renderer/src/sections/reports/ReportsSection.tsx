import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDefinition, ReportExportEntry, ReportPreview } from '../../../../shared/reports/definition';
import type { Locale } from '../../../../shared/errors';
import { useWorkbench } from '../../app/context';
import { SectionList } from './SectionList';
import { ExportPanel } from './ExportPanel';
import { ExportHistory } from './ExportHistory';
import { RunPicker } from './RunPicker';
import { FindingsEditor } from './FindingsEditor';
import './reports.css';

const SAVE_DELAY_MS = 500;
const PREVIEW_DELAY_MS = 900;

/** Report builder: sections, order, texts, language, pseudonymise; live preview; export with progress. */
export function ReportsSection() {
  const { t } = useTranslation('reports');
  const wb = useWorkbench();
  const [def, setDef] = useState<ReportDefinition | null>(null);
  const [preview, setPreview] = useState<ReportPreview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [history, setHistory] = useState<ReportExportEntry[]>([]);
  const [saved, setSaved] = useState(false);
  const dirty = useRef(false);
  const previewSeq = useRef(0);

  const refreshPreview = useCallback(
    async (d: ReportDefinition) => {
      const seq = ++previewSeq.current;
      setPreviewing(true);
      try {
        const p = await wb.api['report.preview']({ definition: d });
        if (seq === previewSeq.current) setPreview(p);
      } catch (err) {
        wb.reportError(err);
      } finally {
        if (seq === previewSeq.current) setPreviewing(false);
      }
    },
    [wb],
  );

  useEffect(() => {
    let live = true;
    Promise.all([wb.api['report.definition']({}), wb.api['report.exports']({})]).then(([d, h]) => {
      if (!live) return;
      setDef(d);
      setHistory(h);
      void refreshPreview(d);
    }, wb.reportError);
    return () => {
      live = false;
    };
  }, [wb.api, wb.reportError, wb.workspace?.path, refreshPreview]);

  // Autosave and re-preview after the consultant pauses.
  useEffect(() => {
    if (!def || !dirty.current) return;
    const save = setTimeout(() => {
      wb.api['report.saveDefinition']({ definition: def }).then(() => setSaved(true), wb.reportError);
    }, SAVE_DELAY_MS);
    const view = setTimeout(() => void refreshPreview(def), PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(save);
      clearTimeout(view);
    };
  }, [def, wb.api, wb.reportError, refreshPreview]);

  const change = (next: ReportDefinition) => {
    dirty.current = true;
    setSaved(false);
    setDef(next);
  };

  if (!def) return <div className="card muted">{t('ui.previewLoading')}</div>;
  const included = def.sections.filter((s) => s.included).length;
  const missing = preview?.sources.filter((s) => s.status === 'missing' && s.id !== 'summary').length ?? 0;
  return (
    <div className="rp-layout" data-testid="reports-section">
      <div className="rp-builder section-stack">
        <div className="card">
          <div className="card-header">
            <h2>{t('ui.sectionsHeading')}</h2>
            <span className="muted small">
              {t('ui.sectionsCount', { n: included })}
              {missing > 0 ? ` · ${t('ui.missingCount', { n: missing })}` : ''}
            </span>
          </div>
          <p className="muted small rp-intro">{t('ui.intro')}</p>
          <SectionList definition={def} sources={preview?.sources ?? []} onChange={change} />
        </div>
        <div className="card">
          <div className="card-header">
            <h2>{t('ui.settings')}</h2>
            {saved ? (
              <span className="success small" data-testid="report-saved">
                ✓ {t('ui.saved')}
              </span>
            ) : null}
          </div>
          <div className="rp-settings">
            <label className="field">
              <span className="field-label">{t('ui.titleLabel')}</span>
              <input
                value={def.title ?? ''}
                placeholder={t('document.defaultTitle', { lng: def.language })}
                onChange={(e) => change({ ...def, title: e.target.value.trim() === '' ? null : e.target.value })}
              />
            </label>
            <label className="field">
              <span className="field-label">{t('ui.subtitleLabel')}</span>
              <input value={def.subtitle ?? ''} onChange={(e) => change({ ...def, subtitle: e.target.value.trim() === '' ? null : e.target.value })} />
            </label>
            <label className="field">
              <span className="field-label">{t('ui.language')}</span>
              <select value={def.language} onChange={(e) => change({ ...def, language: e.target.value as Locale })} data-testid="report-language">
                <option value="zh-CN">{t('ui.languages.zh-CN')}</option>
                <option value="en">{t('ui.languages.en')}</option>
              </select>
            </label>
            <label className="rp-switch">
              <input
                type="checkbox"
                checked={def.pseudonymise}
                onChange={(e) => change({ ...def, pseudonymise: e.target.checked })}
                data-testid="report-pseudonymise"
              />
              <span>
                <span className="field-label">{t('ui.pseudonymise')}</span>
                <span className="field-help">{t('ui.pseudonymiseHelp')}</span>
              </span>
            </label>
          </div>
        </div>
        <RunPicker definition={def} onChange={change} />
        <FindingsEditor language={def.language} runsKey={`${def.diagnosticRunId ?? ''}-${def.healthRunId ?? ''}`} onChanged={() => void refreshPreview(def)} />
        <ExportPanel definition={def} onExported={() => void wb.api['report.exports']({}).then(setHistory, wb.reportError)} />
      </div>
      <div className="rp-preview card">
        <div className="card-header">
          <h2>{t('ui.preview')}</h2>
          <span className="rp-preview-tools">
            {previewing ? <span className="muted small">{t('ui.previewLoading')}</span> : null}
            <button className="btn btn-ghost" onClick={() => void refreshPreview(def)} data-testid="report-refresh">
              {t('ui.refresh')}
            </button>
          </span>
        </div>
        {/* sandbox with no allowances: the report is client data and runs no script. */}
        <iframe className="rp-frame" title={t('ui.previewTitle')} sandbox="" srcDoc={preview?.html ?? ''} data-testid="report-preview" />
      </div>
      <div className="rp-history">
        <ExportHistory entries={history} />
      </div>
    </div>
  );
}

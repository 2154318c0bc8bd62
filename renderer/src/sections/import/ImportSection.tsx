import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/contract/import';
import type { EntityQuality, ImportBatchDetail, ImportBatchSummary, ImportOptions, MappingEntry } from '../../../../shared/import/batch';
import { ApiError } from '../../api/client';
import { useWorkbench } from '../../app/context';
import { useJob } from '../../hooks/useJob';
import { BatchHistory } from './BatchHistory';
import { BatchSummary } from './BatchSummary';
import { FilePicker } from './FilePicker';
import { MappingStep, type ReadSettings } from './MappingStep';
import { QualityCard } from './QualityCard';
import { RejectList } from './RejectList';
import './import.css';

/** Data import: file → mapping preview → run with progress and cancel → summary and rejects; history with undo; data quality. */
export function ImportSection() {
  const { t } = useTranslation('import');
  const wb = useWorkbench();
  const [path, setPath] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const job = useJob('import.run');
  const [runEntity, setRunEntity] = useState('');
  const running = job.running ? { entity: runEntity, progress: job.progress } : null;
  const [notice, setNotice] = useState<string | null>(null);
  const [detail, setDetail] = useState<ImportBatchDetail | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [batches, setBatches] = useState<ImportBatchSummary[]>([]);
  const [quality, setQuality] = useState<EntityQuality[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);

  const reload = useCallback(async () => {
    try {
      const [b, q] = await Promise.all([wb.api['import.batches']({}), wb.api['import.quality']({})]);
      setBatches(b);
      setQuality(q);
    } catch (err) {
      wb.reportError(err);
    }
  }, [wb]);
  useEffect(() => {
    void reload();
  }, [reload]);

  /** Files the readers refuse (old .xls, wrong sheet) are explained in the import catalogue's words. */
  const explain = (err: unknown): boolean => {
    if (err instanceof ApiError && typeof err.wire.params.importCode === 'string') {
      const code = err.wire.params.importCode;
      const key = `fileErrors.${code}`;
      const text = t(key, { ...err.wire.params, defaultValue: '' });
      if (text) {
        setFileError(text);
        return true;
      }
    }
    return false;
  };

  const loadPreview = async (p: string, settings: ReadSettings = {}) => {
    setBusy(t('ui.previewing'));
    setFileError(null);
    setNotice(null);
    try {
      const result = await wb.api['import.preview']({ path: p, ...settings });
      setPath(p);
      setPreview(result);
      setDetail(null);
    } catch (err) {
      if (!explain(err)) wb.reportError(err);
    } finally {
      setBusy(null);
    }
  };

  const run = async (mapping: MappingEntry[], options: ImportOptions, saveAs: string | null) => {
    if (!path || !preview) return;
    setRunEntity(preview.entity);
    setNotice(null);
    try {
      const out = await job.run({
        // The preview's plan: the run reads the file as previewed instead of detecting it all again.
        plan: preview.plan,
        mapping,
        options,
        ...(saveAs ? { saveMappingAs: saveAs } : {}),
      });
      if (!out.ok) throw out.error;
      const result = out.value;
      setDetail(result.batch);
      if (result.replanned) setNotice(t('ui.replanned'));
      setReason(null);
      setPreview(null);
      setPath(null);
      await Promise.all([reload(), wb.refreshWorkspace()]);
      summaryRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    } catch (err) {
      if (err instanceof ApiError && err.wire.code === 'CANCELLED') setNotice(t('ui.cancelled'));
      else if (!explain(err)) wb.reportError(err);
    }
  };

  const cancel = job.cancel;

  const view = async (id: number) => {
    try {
      setDetail(await wb.api['import.batch']({ id }));
      setReason(null);
      summaryRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    } catch (err) {
      wb.reportError(err);
    }
  };

  const p = running?.progress;
  const pct = p && p.total ? Math.min(100, Math.round((p.done / p.total) * 100)) : null;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

  return (
    <div className="section-stack" data-testid="import-section">
      <p className="muted imp-intro">{t('ui.intro')}</p>

      {!preview && !running ? (
        <div className="card">
          <FilePicker busy={busy} onBusy={setBusy} onPicked={(p2) => void loadPreview(p2)} />
          {fileError ? (
            <div className="imp-status warn" data-testid="import-file-error">
              {fileError}
            </div>
          ) : null}
          {notice ? <div className="imp-status info">{notice}</div> : null}
        </div>
      ) : null}

      {preview && !running ? (
        <MappingStep
          preview={preview}
          onReload={(s) => path && void loadPreview(path, s)}
          onRun={(m, o, s) => void run(m, o, s)}
          onCancel={() => {
            setPreview(null);
            setPath(null);
          }}
        />
      ) : null}
      {preview && fileError ? <div className="imp-status warn">{fileError}</div> : null}

      {running ? (
        <div className="card" data-testid="import-progress">
          <h2>
            {t('ui.running')} · {t(`entities.${running.entity}`)}
          </h2>
          <div className="imp-progress-line">
            <div className={`progress`}>
              <span style={{ width: `${pct ?? 3}%` }} />
            </div>
            <span className="muted small nowrap">
              {p && p.total ? `${pct}% · ${t('ui.progress', { done: mb(p.done), total: mb(p.total) })}` : t('phase.reading')}
            </span>
            <button className="btn" onClick={cancel} data-testid="import-cancel">
              {t('ui.cancel')}
            </button>
          </div>
        </div>
      ) : null}

      <div ref={summaryRef} className="section-stack" hidden={!detail}>
        {detail ? (
          <>
            <BatchSummary batch={detail} onReason={setReason} />
            <RejectList batch={detail} code={reason} onCode={setReason} />
          </>
        ) : null}
      </div>

      <QualityCard quality={quality} />
      <BatchHistory
        batches={batches}
        selected={detail?.id ?? null}
        onView={(id) => void view(id)}
        onUndone={() => {
          void reload();
          void wb.refreshWorkspace();
          if (detail) void view(detail.id);
        }}
      />
    </div>
  );
}

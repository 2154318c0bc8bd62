import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParamSetSummary, StoredBacktest } from '../../../../shared/contract/params';
import type { ParamSet } from '../../../../shared/params/param-set';
import type { ParamPreview, PreviewParts } from '../../../../shared/params/preview';
import { paramSetIssues } from '../../../../shared/params/validate';
import { useWorkbench } from '../../app/context';
import { useJob } from '../../hooks/useJob';
import { RfmEditor } from './RfmEditor';
import { SignalEditor } from './SignalEditor';
import { TierEditor } from './TierEditor';
import { LifecycleEditor } from './LifecycleEditor';
import { PlaybookEditor } from './PlaybookEditor';
import { SegmentRulesEditor } from './SegmentRulesEditor';
import './params.css';

const PREVIEW_DELAY_MS = 350;

const ALL_PARTS: PreviewParts = { rfm: true, tiers: true, lifecycle: true, signals: true, playbook: true };

/** The preview parts an edit touches: a signal threshold re-counts signals and the playbook, not tiers. */
function partsChanged(before: ParamSet | null, after: ParamSet): PreviewParts {
  if (!before) return ALL_PARTS;
  const differs = (k: keyof ParamSet) => JSON.stringify(before[k]) !== JSON.stringify(after[k]);
  const signals = differs('signals');
  return { rfm: differs('rfm'), tiers: differs('tiers'), lifecycle: differs('lifecycle'), signals, playbook: signals || differs('playbook') };
}

/** Named analysis parameter sets: edit, see the effect on the latest run, save, export, import, run with them. */
export function ParamsSection() {
  const { t } = useTranslation('params');
  const wb = useWorkbench();
  const int = useMemo(() => {
    const nf = new Intl.NumberFormat(wb.locale);
    return (n: number) => nf.format(n);
  }, [wb.locale]);
  const [sets, setSets] = useState<ParamSetSummary[]>([]);
  const [selected, setSelected] = useState('');
  const [draft, setDraft] = useState<ParamSet | null>(null);
  const [preview, setPreview] = useState<ParamPreview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [backtest, setBacktest] = useState<StoredBacktest | null | undefined>(undefined);
  const seq = useRef(0);
  /** The draft the shown preview was computed for, so the next edit re-computes only what it touched. */
  const previewed = useRef<ParamSet | null>(null);
  const issues = useMemo(() => (draft ? paramSetIssues(draft) : []), [draft]);
  const hasErrors = issues.some((i) => i.level === 'error');
  const diagJob = useJob('diagnostics.run');
  const healthJob = useJob('health.run');

  const load = useCallback(
    async (name: string) => {
      const [list, set] = await Promise.all([wb.api['params.list']({}), wb.api['params.get'](name ? { name } : {})]);
      setSets(list);
      setSelected(name);
      setDraft(name ? set : { ...set, name: '' });
    },
    [wb.api],
  );

  useEffect(() => {
    previewed.current = null;
    load('').catch(wb.reportError);
    wb.api['params.backtest']({}).then(setBacktest, wb.reportError);
  }, [load, wb.api, wb.reportError, wb.workspace?.path]);

  // The preview follows the draft after a pause: one engine call per pause, the latest answer wins;
  // only the parts the edit touched are computed again. A draft with errors is not previewed.
  useEffect(() => {
    if (!draft) return;
    const mine = ++seq.current;
    if (hasErrors) {
      setPreviewing(false);
      return;
    }
    setPreviewing(true);
    const timer = setTimeout(() => {
      const parts = partsChanged(previewed.current, draft);
      wb.api['params.preview']({ set: { ...draft, name: draft.name || 'draft' }, ...parts })
        .then(
          (p) => {
            if (mine !== seq.current) return;
            previewed.current = draft;
            setPreview((old) => ({
              rfm: parts.rfm ? p.rfm : (old?.rfm ?? null),
              tiers: parts.tiers ? p.tiers : (old?.tiers ?? null),
              lifecycle: parts.lifecycle ? p.lifecycle : (old?.lifecycle ?? null),
              signals: parts.signals ? p.signals : (old?.signals ?? null),
              playbook: parts.playbook ? p.playbook : (old?.playbook ?? null),
              ms: p.ms,
            }));
          },
          (err: unknown) => {
            if (mine === seq.current) wb.reportError(err);
          },
        )
        .finally(() => {
          if (mine === seq.current) setPreviewing(false);
        });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, hasErrors, wb.api, wb.reportError]);

  if (!draft) return <div className="card muted">…</div>;
  const change = (next: Partial<ParamSet>) => setDraft({ ...draft, ...next });

  const save = async (): Promise<string | null> => {
    try {
      const saved = await wb.api['params.save']({ set: draft });
      await load(saved.name);
      setMessage(t('ui.saved', { name: saved.name }));
      return saved.name;
    } catch (err) {
      wb.reportError(err);
      return null;
    }
  };
  const remove = async () => {
    if (!selected || !window.confirm(t('ui.deleteConfirm', { name: selected }))) return;
    await wb.api['params.delete']({ name: selected }).catch(wb.reportError);
    await load('').catch(wb.reportError);
  };
  const exportSet = async () => {
    try {
      const { text } = await wb.api['params.export']({ name: selected });
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `${selected}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (err) {
      wb.reportError(err);
    }
  };
  const importSet = async (file: File | undefined) => {
    if (!file) return;
    try {
      const set = await wb.api['params.import']({ text: await file.text() });
      await load(set.name);
      setMessage(t('ui.imported', { name: set.name }));
    } catch (err) {
      wb.reportError(err);
    }
  };
  const runDiagnostics = async () => {
    const name = await save();
    if (!name) return;
    const out = await diagJob.run({ params: {}, paramSet: name });
    if (!out.ok) return wb.reportError(out.error);
    setMessage(t('ui.ranDiagnostics', { id: out.value.id, set: out.value.paramSet ?? '' }));
    await load(name).catch(wb.reportError);
  };
  const runHealth = async () => {
    const name = await save();
    if (!name) return;
    const out = await healthJob.run({ paramSet: name });
    if (!out.ok) return wb.reportError(out.error);
    setMessage(t('ui.ranHealth', { id: out.value.id, set: out.value.paramSet ?? '' }));
    await load(name).catch(wb.reportError);
  };
  const busy = diagJob.running || healthJob.running;

  return (
    <div className={`section-stack params-section${hasErrors ? ' pm-stale' : ''}`} data-testid="params-section">
      <div className="card pm-toolbar">
        <p className="muted small">{t('ui.intro')}</p>
        <div className="pm-row">
          <label className="field">
            <span className="field-label">{t('ui.set')}</span>
            <select value={selected} onChange={(e) => void load(e.target.value).catch(wb.reportError)} data-testid="params-set-select">
              <option value="">{t('ui.builtIn')}</option>
              {sets.map((s) => (
                <option key={s.name} value={s.name}>{`${s.name} · ${t('ui.usedBy', { n: s.runs })}`}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('ui.name')}</span>
            <input value={draft.name} onChange={(e) => change({ name: e.target.value })} data-testid="params-name" />
          </label>
          <label className="field pm-grow">
            <span className="field-label">{t('ui.description')}</span>
            <input value={draft.description ?? ''} onChange={(e) => change({ description: e.target.value === '' ? null : e.target.value })} />
          </label>
        </div>
        <div className="pm-row pm-actions">
          <button className="btn btn-primary" disabled={draft.name.trim() === '' || busy || hasErrors} onClick={() => void save()} data-testid="params-save">
            {t('ui.save')}
          </button>
          <button
            className="btn"
            disabled={draft.name.trim() === '' || busy || hasErrors}
            onClick={() => void runDiagnostics()}
            data-testid="params-run-diagnostics"
          >
            {diagJob.running ? t('ui.running') : t('ui.runDiagnostics')}
          </button>
          <button className="btn" disabled={draft.name.trim() === '' || busy || hasErrors} onClick={() => void runHealth()} data-testid="params-run-health">
            {healthJob.running ? t('ui.running') : t('ui.runHealth')}
          </button>
          <span className="pm-spacer" />
          <button className="btn btn-ghost" disabled={!selected} onClick={() => void exportSet()} data-testid="params-export">
            {t('ui.export')}
          </button>
          <label className="btn btn-ghost pm-file">
            {t('ui.import')}
            <input type="file" accept=".json,application/json" onChange={(e) => void importSet(e.target.files?.[0])} data-testid="params-import" />
          </label>
          <button className="btn btn-ghost btn-danger" disabled={!selected} onClick={() => void remove()}>
            {t('ui.delete')}
          </button>
        </div>
        {message ? (
          <p className="success small" data-testid="params-message">
            {message}
          </p>
        ) : null}
        {hasErrors ? (
          <p className="pm-error small" data-testid="params-errors">
            {t('ui.issues.summary', { n: issues.filter((i) => i.level === 'error').length })}
          </p>
        ) : null}
        <p className="muted small" data-testid="params-preview-state">
          {previewing ? t('ui.previewing') : preview ? t('ui.previewMs', { ms: preview.ms }) : ''}
          {preview && !preview.rfm ? ` · ${t('ui.noRun')}` : ''}
          {preview?.signals && preview.signals.runId === null ? ` · ${t('ui.noHealthRun', { asOf: preview.signals.asOf })}` : ''}
        </p>
      </div>
      <RfmEditor rfm={draft.rfm} preview={preview?.rfm ?? null} int={int} onChange={(rfm) => change({ rfm })} />
      <div className="card" data-testid="params-segments">
        <div className="card-header">
          <h2>{t('ui.segments.title')}</h2>
        </div>
        <p className="pm-order-note" data-testid="params-segments-order">
          {t('ui.segments.help')}
        </p>
        <div className="pm-segment-grid">
          <SegmentRulesEditor
            scheme="classic"
            rules={draft.rfm.classicRules}
            counts={preview?.rfm?.segments ?? null}
            moved={preview?.rfm?.segmentsMoved ?? null}
            issues={issues}
            int={int}
            onChange={(classicRules) => change({ rfm: { ...draft.rfm, classicRules } })}
          />
          <SegmentRulesEditor
            scheme="valueGroups"
            rules={draft.rfm.valueGroupRules}
            counts={preview?.rfm?.valueGroups ?? null}
            moved={preview?.rfm?.valueGroupsMoved ?? null}
            issues={issues}
            int={int}
            onChange={(valueGroupRules) => change({ rfm: { ...draft.rfm, valueGroupRules } })}
          />
        </div>
      </div>
      <SignalEditor
        rules={draft.signals}
        preview={preview?.signals ?? null}
        backtest={backtest}
        int={int}
        onChange={(signals) => change({ signals })}
        onOpenChurn={() => wb.navigate('/e/churn')}
      />
      <TierEditor tiers={draft.tiers} issues={issues} preview={preview?.tiers ?? null} int={int} onChange={(tiers) => change({ tiers })} />
      <LifecycleEditor
        lifecycle={draft.lifecycle}
        issues={issues}
        preview={preview?.lifecycle ?? null}
        int={int}
        onChange={(lifecycle) => change({ lifecycle })}
      />
      <PlaybookEditor playbook={draft.playbook} preview={preview?.playbook ?? null} int={int} onChange={(playbook) => change({ playbook })} />
    </div>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExperimentDefinitionInput, ExperimentResult, ExperimentSummary, Outcome, Selection } from '../../../../shared/impact/experiment';
import { formatMeasure } from '../../../../shared/impact/format';
import { useWorkbench } from '../../app/context';
import { ResultCard } from './ResultCard';
import { PlanCalculator } from './PlanCalculator';
import { splitValues } from './format';

interface Form {
  name: string;
  action: string;
  design: 'ab' | 'did';
  selection: Selection;
  regions: string;
  industries: string;
  owners: string;
  controlRegions: string;
  treatmentList: string;
  controlList: string;
  seed: string;
  share: string;
  outcome: Outcome;
  startDate: string;
  windowDays: string;
  cuped: boolean;
}

const initial: Form = {
  name: '',
  action: '',
  design: 'ab',
  selection: 'random',
  regions: '',
  industries: '',
  owners: '',
  controlRegions: '',
  treatmentList: '',
  controlList: '',
  seed: '',
  share: '0.5',
  outcome: 'retained',
  startDate: '',
  windowDays: '90',
  cuped: false,
};

export function ExperimentsView() {
  const { t } = useTranslation('impact');
  const { t: th } = useTranslation('health');
  const wb = useWorkbench();
  const [list, setList] = useState<ExperimentSummary[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [result, setResult] = useState<ExperimentResult | null>(null);
  const [form, setForm] = useState<Form>(initial);
  const [defining, setDefining] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const l = await wb.api['impact.experiments']({});
    setList(l);
    setSelected((cur) => cur ?? l[0]?.id ?? null);
  }, [wb.api]);
  useEffect(() => {
    load().catch(wb.reportError);
  }, [load, wb.reportError, wb.workspace?.path]);
  useEffect(() => {
    if (selected === null) return setResult(null);
    wb.api['impact.result']({ id: selected }).then(setResult, wb.reportError);
  }, [selected, wb.api, wb.reportError]);

  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));
  const rule = (regions: string) => ({ regions: splitValues(regions), industries: splitValues(form.industries), owners: splitValues(form.owners) });

  const create = async () => {
    setBusy(true);
    try {
      const definition: ExperimentDefinitionInput = {
        name: form.name,
        action: form.action,
        design: form.design,
        selection: form.selection,
        rule: rule(form.regions),
        controlRule: { regions: splitValues(form.controlRegions) },
        treatmentKeys: splitValues(form.treatmentList),
        controlKeys: splitValues(form.controlList),
        seed: form.seed.trim() === '' ? null : Number(form.seed),
        treatmentShare: Number(form.share),
        outcome: form.outcome,
        startDate: form.startDate,
        windowDays: Number(form.windowDays),
        varianceReduction: form.cuped ? 'cuped' : 'none',
      };
      const e = await wb.api['impact.createExperiment']({ definition });
      await wb.api['impact.assign']({ id: e.id });
      setDefining(false);
      setForm(initial);
      await load();
      setSelected(e.id);
    } catch (err) {
      wb.reportError(err);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: number) => {
    await wb.api['impact.deleteExperiment']({ id }).catch(wb.reportError);
    setSelected(null);
    await load().catch(wb.reportError);
  };

  const field = (k: keyof Form, label: string, type = 'text', testId?: string) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <input type={type} value={String(form[k])} onChange={(e) => set(k, e.target.value as never)} data-testid={testId} />
    </label>
  );

  return (
    <div className="impact-columns">
      <div className="section-stack">
        <div className="card">
          <div className="card-header">
            <h3>{t('experiments.heading')}</h3>
            <button className="btn btn-primary" onClick={() => setDefining((d) => !d)} data-testid="impact-define">
              {t('experiments.define')}
            </button>
          </div>
          {list.length === 0 && !defining && <p className="muted">{t('experiments.empty')}</p>}
          {list.length > 0 && (
            <table className="table impact-list" data-testid="impact-experiments">
              <thead>
                <tr>
                  <th>{t('experiments.list.name')}</th>
                  <th>{t('experiments.list.outcome')}</th>
                  <th>{t('experiments.list.start')}</th>
                  <th className="num">{t('experiments.list.groups')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((e) => (
                  <tr key={e.id} className={e.id === selected ? 'selected' : ''} onClick={() => setSelected(e.id)}>
                    <td>
                      #{e.id} {e.name}
                      <div className="muted small">{th(`actions.${e.action}.title`, { defaultValue: e.action })}</div>
                    </td>
                    <td>{t(`experiments.outcomeShort.${e.outcome}`)}</td>
                    <td className="nowrap">
                      {e.startDate} +{e.windowDays}d
                    </td>
                    <td className="num">
                      {e.treatment} / {e.control}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        {defining && (
          <div className="card" data-testid="impact-define-form">
            <h3>{t('experiments.define')}</h3>
            <div className="form-grid">
              {field('name', t('experiments.name'), 'text', 'exp-name')}
              {field('action', t('experiments.action'), 'text', 'exp-action')}
              <label className="field">
                <span className="field-label">{t('experiments.design')}</span>
                <select value={form.design} onChange={(e) => set('design', e.target.value as Form['design'])} data-testid="exp-design">
                  {(['ab', 'did'] as const).map((d) => (
                    <option key={d} value={d}>
                      {t(`experiments.designs.${d}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field-label">{t('experiments.selection')}</span>
                <select value={form.selection} onChange={(e) => set('selection', e.target.value as Selection)} data-testid="exp-selection">
                  {(['random', 'rule', 'list'] as const).map((s) => (
                    <option key={s} value={s}>
                      {t(`experiments.selections.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
              {form.selection !== 'list' && (
                <>
                  <p className="muted small">{form.selection === 'random' ? t('experiments.population') : t('experiments.treatmentRule')}</p>
                  {field('regions', t('experiments.regions'), 'text', 'exp-regions')}
                  {field('industries', t('experiments.industries'))}
                  {field('owners', t('experiments.owners'))}
                </>
              )}
              {form.selection === 'rule' &&
                field('controlRegions', `${t('experiments.controlRule')} · ${t('experiments.regions')}`, 'text', 'exp-control-regions')}
              {form.selection === 'random' && (
                <>
                  {field('seed', t('experiments.seed'), 'number', 'exp-seed')}
                  {field('share', t('experiments.share'), 'number')}
                </>
              )}
              {form.selection === 'list' &&
                (['treatmentList', 'controlList'] as const).map((k) => (
                  <label className="field" key={k}>
                    <span className="field-label">
                      {t(`experiments.${k}`)} <span className="muted small">({t('experiments.listHint')})</span>
                    </span>
                    <textarea rows={4} value={form[k]} onChange={(e) => set(k, e.target.value)} />
                  </label>
                ))}
              <label className="field">
                <span className="field-label">{t('experiments.outcome')}</span>
                <select value={form.outcome} onChange={(e) => set('outcome', e.target.value as Outcome)} data-testid="exp-outcome">
                  {(['retained', 'converted', 'revenue'] as const).map((o) => (
                    <option key={o} value={o}>
                      {t(`experiments.outcomes.${o}`)}
                    </option>
                  ))}
                </select>
              </label>
              {field('startDate', t('experiments.start'), 'date', 'exp-start')}
              {field('windowDays', t('experiments.window'), 'number', 'exp-window')}
              {form.design === 'ab' && (
                <label className="field">
                  <span>
                    <input type="checkbox" checked={form.cuped} onChange={(e) => set('cuped', e.target.checked)} data-testid="exp-cuped" />{' '}
                    {t('experiments.cuped')}
                  </span>
                </label>
              )}
            </div>
            <button
              className="btn btn-primary"
              disabled={busy || !form.name || !form.action || !form.startDate}
              onClick={() => void create()}
              data-testid="exp-create"
            >
              {t('experiments.create')}
            </button>
          </div>
        )}
        <PlanCalculator />
      </div>
      <div className="section-stack">
        {result && selected !== null && (
          <ResultCard
            result={result}
            experiment={list.find((e) => e.id === selected) ?? null}
            onDelete={() => void remove(selected)}
            measure={(v) => formatMeasure(v, result.outcome, wb.locale)}
          />
        )}
      </div>
    </div>
  );
}

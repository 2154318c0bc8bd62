import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VocConfig } from '../../../../shared/voc/config';
import type { VocSummary, VocThemeRun } from '../../../../shared/voc/types';
import type { CommentSource } from '../../../../shared/voc/themes';
import { ApiError } from '../../api/client';
import { useWorkbench } from '../../app/context';
import { useJob } from '../../hooks/useJob';
import { NpsBreakdown } from './NpsBreakdown';
import { ThemesCard } from './ThemesCard';
import { SignalsCard } from './SignalsCard';
import { LexiconCard } from './LexiconCard';
import { f1, interval } from './format';
import './voc.css';

/**
 * 客户之声: NPS and CSAT with their intervals (overall, by period, by any customer dimension), the
 * themes of the comments with their NPS effect, the communication signals, and the lexicon behind them.
 */
export function VocSection() {
  const { t } = useTranslation('voc');
  const wb = useWorkbench();
  const themesJob = useJob('voc.analyse');
  const [grain, setGrain] = useState<VocSummary['grain']>('quarter');
  const [dimension, setDimension] = useState('segment');
  const [summary, setSummary] = useState<VocSummary | null>(null);
  const [noSurveys, setNoSurveys] = useState(false);
  const [run, setRun] = useState<VocThemeRun | null>(null);
  const [lexicon, setLexicon] = useState<{ config: VocConfig; edited: boolean; version: number } | null>(null);

  const loadSummary = useCallback(async () => {
    try {
      setSummary(await wb.api['voc.summary']({ grain, dimension }));
      setNoSurveys(false);
    } catch (e) {
      if (e instanceof ApiError && e.wire.code === 'VOC_NO_SURVEYS') setNoSurveys(true);
      else wb.reportError(e);
    }
  }, [wb, grain, dimension]);
  useEffect(() => {
    void loadSummary();
  }, [loadSummary, wb.workspace?.path]);
  useEffect(() => {
    Promise.all([wb.api['voc.analysis']({}), wb.api['voc.lexicon']({})])
      .then(([r, c]) => {
        setRun(r);
        setLexicon({ ...c, version: 0 });
      })
      .catch(wb.reportError);
  }, [wb.api, wb.reportError, wb.workspace?.path]);

  const runThemes = themesJob.run;
  const onRun = async (sources: CommentSource[]) => {
    const out = await runThemes({ params: { sources } });
    if (out.ok) setRun(out.value);
    else if (!out.cancelled) wb.reportError(out.error);
  };

  if (noSurveys)
    return (
      <div className="section-stack voc">
        <p className="card muted" data-testid="voc-empty">
          {t('summary.noSurveys')}
        </p>
      </div>
    );

  const o = summary?.overall;
  return (
    <div className="section-stack voc" data-testid="voc-section">
      {summary && o && (
        <section className="card" data-testid="voc-overall">
          <div className="kpi-grid">
            <div className="kpi">
              <span className="kpi-label">NPS</span>
              <span className="kpi-value" data-testid="voc-nps">
                {f1(o.nps.nps)}
              </span>
              <span className="muted small">
                95% {interval(o.nps)} · n={o.nps.responses}
              </span>
            </div>
            <div className="kpi">
              <span className="kpi-label">
                {t('summary.promoters')} / {t('summary.passives')} / {t('summary.detractors')}
              </span>
              <span className="kpi-value kpi-value-sm">
                {o.nps.promoters} / {o.nps.passives} / {o.nps.detractors}
              </span>
            </div>
            <div className="kpi">
              <span className="kpi-label">CSAT</span>
              <span className="kpi-value">{f1(o.csat.csat)}%</span>
              <span className="muted small">
                {t('summary.responses')} {o.csat.responses} · {f1(o.csat.mean)} / 5
              </span>
            </div>
            <div className="kpi">
              <span className="kpi-label">{t('summary.responseRate')}</span>
              <span className="kpi-value">{f1(o.responseRate)}%</span>
              <span className="muted small">
                {o.respondents} / {o.base}
              </span>
            </div>
            <div className="kpi">
              <span className="kpi-label">{t('summary.comments')}</span>
              <span className="kpi-value">{summary.comments}</span>
            </div>
          </div>
          <p className="muted small voc-formula">
            {t('formula.nps')}
            <br />
            {t('formula.csat')}
          </p>
        </section>
      )}
      {summary && <NpsBreakdown summary={summary} onGrain={setGrain} onDimension={setDimension} />}
      <ThemesCard run={run} running={themesJob.running} progress={themesJob.progress} onRun={onRun} onCancel={themesJob.cancel} />
      {run && <SignalsCard run={run} />}
      {lexicon && (
        <LexiconCard
          key={lexicon.version}
          config={lexicon.config}
          edited={lexicon.edited}
          onSaved={(next) => setLexicon((cur) => ({ ...next, version: (cur?.version ?? 0) + 1 }))}
        />
      )}
    </div>
  );
}

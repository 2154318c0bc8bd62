import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../../app/context';
import { Chart } from '../../components/Chart';
import { buildRadarChart } from '../../../../shared/charts';
import { reportText } from '../../../../shared/reports/messages';
import type { AssessmentResult, ComparisonResult } from '../../../../shared/checklists/wire';
import type { ChecklistTemplate, MaturityStage } from '../../../../shared/checklists/template-schema';
import type { Locale } from '../../../../shared/errors';
import { bi, heat, pct, routeTo, score1, useBi } from './text';
import { useLoad } from './useLoad';
import { ExportTableButton } from '../../components/ExportTableButton';

export function radarOption(result: AssessmentResult, locale: Locale, averageLabel: string) {
  const { template, aggregate } = result;
  return buildRadarChart({
    indicators: template.sections.map((s) => ({ name: bi(s.title, locale), max: 100 })),
    unansweredLabel: reportText(locale, 'checklists.radarUnanswered'),
    series: [
      ...aggregate.respondents.map((name, i) => ({
        name,
        values: aggregate.sections.map((s) => s.byRespondent[i]?.score ?? null),
      })),
      // The room's mean is drawn dashed on top: a reference line, not one more voice.
      ...(aggregate.respondents.length > 1
        ? [{ name: averageLabel, values: aggregate.sections.map((s) => s.spread?.mean ?? null), style: 'reference' as const }]
        : []),
    ],
  });
}

export function questionLookup(template: ChecklistTemplate) {
  const out = new Map<string, { text: ChecklistTemplate['sections'][number]['questions'][number]; section: ChecklistTemplate['sections'][number] }>();
  for (const section of template.sections) for (const q of section.questions) out.set(q.id, { text: q, section });
  return out;
}

export function StageBadge({ stage }: { stage: MaturityStage | { level: number; label: MaturityStage['label'] } | null }) {
  const bi = useBi();
  if (!stage) return <span className="muted">–</span>;
  return <span className={`cl-stage cl-stage-${Math.min(stage.level, 5)}`}>{bi(stage.label)}</span>;
}

export function ResultsView({ id }: { id: number }) {
  const { t } = useTranslation('checklists');
  const wb = useWorkbench();
  const b = useBi();
  const { data, reload } = useLoad(() => wb.api['checklist.score']({ id }), String(id));
  const option = useMemo(() => (data ? radarOption(data, wb.locale, t('result.average')) : null), [data, wb.locale, t]);
  if (!data || !option) return <p className="muted">{t('ui.loading')}</p>;
  const { summary, template, aggregate, gaps, combined } = data;
  const questions = questionLookup(template);
  const sectionTitle = new Map(template.sections.map((s) => [s.id, b(s.title)]));
  const disagreements = aggregate.disagreements.filter((q) => (q.spread?.sd ?? 0) > 0).slice(0, 8);

  async function complete() {
    try {
      await wb.api['checklist.complete']({ id, complete: summary.status !== 'complete' });
      await reload();
    } catch (err) {
      wb.reportError(err);
    }
  }

  return (
    <div className="section-stack cl">
      <div className="card">
        <div className="card-header">
          <div>
            <h2 data-testid="assessment-title">{summary.title}</h2>
            <div className="muted small">
              {b(template.title)} · v{template.version}
              {summary.subject && (
                <>
                  {' '}
                  · {b(template.subject?.label)}：{summary.subject}
                </>
              )}{' '}
              · <span className={`badge ${summary.status === 'complete' ? 'cl-badge-done' : 'cl-badge-muted'}`}>{t(`ui.statusName.${summary.status}`)}</span>
            </div>
          </div>
          <div className="cl-actions">
            <button className="btn" onClick={() => wb.navigate(routeTo({ view: 'list' }))}>
              {t('ui.back')}
            </button>
            <button className="btn" onClick={() => wb.navigate(routeTo({ view: 'answer', id }))} data-testid="edit-answers">
              {t('ui.answer')}
            </button>
            <button className="btn" onClick={complete}>
              {summary.status === 'complete' ? t('ui.reopen') : t('ui.markComplete')}
            </button>
            {template.subject && (
              <button className="btn" onClick={() => wb.navigate(routeTo({ view: 'matrix', templateId: template.id }))}>
                {t('ui.matrix')}
              </button>
            )}
            <button className="btn btn-primary" data-testid="open-presenter" onClick={() => wb.navigate(routeTo({ view: 'present', id }))}>
              ▶ {t('ui.present')}
            </button>
          </div>
        </div>
        <div className="kpi-grid">
          <div className="kpi">
            <span className="kpi-label">{t('ui.overallScore')}</span>
            <span className="kpi-value" data-testid="overall-score">
              {score1(aggregate.overall.spread?.mean)}
            </span>
          </div>
          <div className="kpi">
            <span className="kpi-label">{t('result.stage')}</span>
            <span className="kpi-value cl-kpi-stage" data-testid="overall-stage">
              <StageBadge stage={aggregate.overall.stage} />
            </span>
          </div>
          <div className="kpi">
            <span className="kpi-label">{t('result.respondents')}</span>
            <span className="kpi-value">{aggregate.respondents.length}</span>
          </div>
          <div className="kpi">
            <span className="kpi-label">{t('result.completion')}</span>
            <span className="kpi-value">{pct(combined.completion.percent)}</span>
          </div>
          <div className="kpi">
            <span className="kpi-label">{t('ui.overallSpread')}</span>
            <span className="kpi-value">{score1(aggregate.overall.spread?.sd)}</span>
          </div>
        </div>
        {combined.completion.percent < 100 && <p className="muted small">{t('ui.partialNote')}</p>}
      </div>

      <div className="cl-results-grid">
        <div className="card">
          <h2>{t('ui.radar')}</h2>
          <Chart option={option} height={380} testId="radar-chart" />
        </div>
        <div className="card">
          <div className="card-header">
            <h2>{t('ui.bySection')}</h2>
            <ExportTableButton table="checklists.results" filters={{ assessmentId: id }} fileName={summary.title} testId="checklist-results-export" />
          </div>
          <table className="table" data-testid="section-table">
            <thead>
              <tr>
                <th>{t('ui.section')}</th>
                {aggregate.respondents.map((r) => (
                  <th key={r} className="num">
                    {r}
                  </th>
                ))}
                <th className="num">{t('result.average')}</th>
                <th className="num">{t('result.standardDeviation')}</th>
                <th>{t('result.stage')}</th>
              </tr>
            </thead>
            <tbody>
              {aggregate.sections.map((s) => (
                <tr key={s.sectionId}>
                  <td>{sectionTitle.get(s.sectionId)}</td>
                  {s.byRespondent.map((r) => (
                    <td key={r.respondent} className="num">
                      {score1(r.score)}
                    </td>
                  ))}
                  <td className="num cl-strong" style={{ background: heat(s.spread?.mean) }}>
                    {score1(s.spread?.mean)}
                  </td>
                  <td className="num">{score1(s.spread?.sd)}</td>
                  <td>
                    <StageBadge stage={s.stage} />
                  </td>
                </tr>
              ))}
              <tr className="cl-total-row">
                <td>{t('result.overall')}</td>
                {aggregate.overall.byRespondent.map((r) => (
                  <td key={r.respondent} className="num">
                    {score1(r.score)}
                  </td>
                ))}
                <td className="num cl-strong" style={{ background: heat(aggregate.overall.spread?.mean) }}>
                  {score1(aggregate.overall.spread?.mean)}
                </td>
                <td className="num">{score1(aggregate.overall.spread?.sd)}</td>
                <td>
                  <StageBadge stage={aggregate.overall.stage} />
                </td>
              </tr>
            </tbody>
          </table>
          <StageLegend stages={template.stages} />
        </div>
      </div>

      <div className="card">
        <h2>{t('result.disagreement')}</h2>
        <p className="muted small cl-tight">{t('ui.disagreementHelp')}</p>
        {disagreements.length === 0 ? (
          <p className="muted" data-testid="no-disagreement">
            {aggregate.respondents.length < 2 ? t('ui.needTwo') : t('ui.noDisagreement')}
          </p>
        ) : (
          <ol className="cl-disagreements" data-testid="disagreement-list">
            {disagreements.map((q) => {
              const info = questions.get(q.questionId);
              return (
                <li key={q.questionId}>
                  <div className="cl-dis-head">
                    <span className="cl-dis-text">{b(info?.text.text)}</span>
                    <span className="muted small nowrap">{b(info?.section.title)}</span>
                    <span className="cl-dis-sd nowrap">
                      {t('result.standardDeviation')} {score1(q.spread?.sd)}
                    </span>
                  </div>
                  <div className="cl-dis-bars">
                    {q.byRespondent.map((r) => (
                      <div key={r.respondent} className="cl-dis-bar">
                        <span className="cl-dis-name">{r.respondent}</span>
                        <span className="cl-bar">
                          <span style={{ width: `${r.score ?? 0}%` }} />
                        </span>
                        <span className="num small">{r.score === null ? t(`status.${r.status}`) : score1(r.score)}</span>
                      </div>
                    ))}
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </div>

      <div className="card">
        <h2>{t('ui.gaps')}</h2>
        <p className="muted small cl-tight">
          {gaps.targetStage
            ? t('ui.gapTargetStage', { stage: b(gaps.targetStage.label), score: score1(gaps.target) })
            : t('ui.gapTarget', { score: score1(gaps.target) })}
        </p>
        {gaps.items.length === 0 ? (
          <p className="muted">{t('ui.noGaps')}</p>
        ) : (
          <table className="table" data-testid="gap-list">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('ui.question')}</th>
                <th className="num">{t('result.score')}</th>
                <th className="num">{t('result.gap')}</th>
                <th className="num">{t('result.priority')}</th>
                <th>{t('result.recommendation')}</th>
              </tr>
            </thead>
            <tbody>
              {gaps.items.slice(0, 15).map((g, i) => (
                <tr key={g.questionId}>
                  <td className="muted">{i + 1}</td>
                  <td>
                    <div>{b(g.text)}</div>
                    <div className="muted small">{sectionTitle.get(g.sectionId)}</div>
                  </td>
                  <td className="num">{score1(g.score)}</td>
                  <td className="num">{score1(g.gap)}</td>
                  <td className="num cl-strong">{g.priority.toFixed(2)}</td>
                  <td className="cl-reco">{b(g.recommendation)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <Comparison result={data} />
    </div>
  );
}

function StageLegend({ stages }: { stages: readonly MaturityStage[] }) {
  const b = useBi();
  return (
    <div className="cl-stage-legend">
      {stages.map((s) => (
        <span key={s.id} title={b(s.description)}>
          <StageBadge stage={s} />{' '}
          <span className="muted small">
            {s.min}–{s.max}
          </span>
        </span>
      ))}
    </div>
  );
}

function Comparison({ result }: { result: AssessmentResult }) {
  const { t } = useTranslation('checklists');
  const wb = useWorkbench();
  const b = useBi();
  const { data: others } = useLoad(
    async () =>
      (await wb.api['checklist.list']({ templateId: result.template.id })).filter(
        (a) => a.id !== result.summary.id && (a.subject ?? '') === (result.summary.subject ?? ''),
      ),
    `${result.summary.id}`,
  );
  const [beforeId, setBeforeId] = useState<number | null>(null);
  const [comparison, setComparison] = useState<ComparisonResult | null>(null);
  const sectionTitle = new Map(result.template.sections.map((s) => [s.id, b(s.title)]));

  async function compare(id: number) {
    setBeforeId(id);
    try {
      setComparison(await wb.api['checklist.compare']({ beforeId: id, afterId: result.summary.id }));
    } catch (err) {
      wb.reportError(err);
    }
  }
  const arrow = (d: number | null) => (d === null ? '' : d > 0.05 ? '▲' : d < -0.05 ? '▼' : '＝');
  const c = comparison?.comparison;
  return (
    <div className="card">
      <div className="card-header">
        <h2>{t('ui.compare')}</h2>
        {others && others.length > 0 && (
          <select
            className="cl-select"
            value={beforeId ?? ''}
            onChange={(e) => e.target.value && void compare(Number(e.target.value))}
            data-testid="compare-select"
          >
            <option value="">{t('ui.compareChoose')}</option>
            {others.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title} · {new Date(a.createdAt).toLocaleDateString(wb.locale)}
              </option>
            ))}
          </select>
        )}
      </div>
      {!others || others.length === 0 ? (
        <p className="muted">{t('ui.compareNone')}</p>
      ) : !c ? (
        <p className="muted">{t('ui.compareHelp')}</p>
      ) : !c.comparable ? (
        <p className="muted">{t('result.differentTemplate')}</p>
      ) : (
        <>
          {c.versionChanged && <p className="muted small">{t('result.versionChanged', { before: c.versionBefore, after: c.versionAfter })}</p>}
          <table className="table" data-testid="comparison-table">
            <thead>
              <tr>
                <th>{t('ui.section')}</th>
                <th className="num">{t('result.before')}</th>
                <th className="num">{t('result.after')}</th>
                <th className="num">{t('result.delta')}</th>
                <th>{t('result.stage')}</th>
              </tr>
            </thead>
            <tbody>
              {[
                ...c.sections.map((s) => ({ key: s.sectionId, label: sectionTitle.get(s.sectionId) ?? s.sectionId, ch: s })),
                ...(c.overall ? [{ key: '_overall', label: t('result.overall'), ch: c.overall }] : []),
              ].map(({ key, label, ch }) => (
                <tr key={key} className={key === '_overall' ? 'cl-total-row' : ''}>
                  <td>{label}</td>
                  <td className="num">{score1(ch.before)}</td>
                  <td className="num">{score1(ch.after)}</td>
                  <td className={`num cl-delta ${ch.delta !== null && ch.delta > 0 ? 'up' : ch.delta !== null && ch.delta < 0 ? 'down' : ''}`}>
                    {arrow(ch.delta)} {ch.delta === null ? '–' : `${ch.delta > 0 ? '+' : ''}${ch.delta.toFixed(1)}`}
                  </td>
                  <td className="small">
                    <StageBadge stage={ch.stageBefore} /> → <StageBadge stage={ch.stageAfter} />
                    {ch.stageChange && (
                      <span className="muted"> · {t(`result.stage${ch.stageChange === 'up' ? 'Up' : ch.stageChange === 'down' ? 'Down' : 'Same'}`)}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

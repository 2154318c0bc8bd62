import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../../app/context';
import { heat, routeTo, score1, useBi } from './text';
import { StageBadge } from './ResultsView';
import { useLoad } from './useLoad';

/** 销售能力矩阵: subjects (salespeople) × sections, each cell the section score of that person's latest assessment. */
export function MatrixView({ templateId }: { templateId: string | null }) {
  const { t } = useTranslation('checklists');
  const wb = useWorkbench();
  const b = useBi();
  const { data: templates } = useLoad(async () => (await wb.api['checklist.templates']({})).filter((tpl) => tpl.subjectLabel !== null), 'tpl');
  const chosen = templateId ?? templates?.[0]?.id ?? null;
  const { data } = useLoad(async () => (chosen ? wb.api['checklist.matrix']({ templateId: chosen }) : null), chosen ?? '');
  if (!templates) return <p className="muted">{t('ui.loading')}</p>;
  if (templates.length === 0)
    return (
      <div className="card">
        <p className="muted">{t('ui.matrixNoTemplate')}</p>
      </div>
    );
  const sectionTitle = (id: string) => b(data?.template.sections.find((s) => s.id === id)?.title);
  const latestBySubject = new Map<string, number>();
  for (const a of data?.assessments ?? []) if (a.subject && !latestBySubject.has(a.subject)) latestBySubject.set(a.subject, a.id);

  return (
    <div className="section-stack cl">
      <div className="card">
        <div className="card-header">
          <div>
            <h2>{t('ui.matrix')}</h2>
            <p className="muted small cl-tight">{t('ui.matrixHelp')}</p>
          </div>
          <div className="cl-actions">
            <button className="btn" onClick={() => wb.navigate(routeTo({ view: 'list' }))}>
              {t('ui.back')}
            </button>
            {templates.length > 1 && (
              <select className="cl-select" value={chosen ?? ''} onChange={(e) => wb.navigate(routeTo({ view: 'matrix', templateId: e.target.value }))}>
                {templates.map((tpl) => (
                  <option key={tpl.id} value={tpl.id}>
                    {b(tpl.title)}
                  </option>
                ))}
              </select>
            )}
          </div>
        </div>
        {!data ? (
          <p className="muted">{t('ui.loading')}</p>
        ) : data.matrix.rows.length === 0 ? (
          <p className="muted" data-testid="matrix-empty">
            {t('ui.matrixEmpty', { label: b(data.matrix.subjectLabel) })}
          </p>
        ) : (
          <div className="cl-matrix-wrap">
            <table className="table cl-matrix" data-testid="matrix">
              <thead>
                <tr>
                  <th>{b(data.matrix.subjectLabel)}</th>
                  {data.matrix.sectionIds.map((id) => (
                    <th key={id} className="num">
                      {sectionTitle(id)}
                    </th>
                  ))}
                  <th className="num">{t('result.overall')}</th>
                  <th>{t('result.stage')}</th>
                  <th>{t('result.respondents')}</th>
                </tr>
              </thead>
              <tbody>
                {data.matrix.rows.map((row) => (
                  <tr key={row.subject}>
                    <td>
                      <button
                        className="cl-link"
                        onClick={() => latestBySubject.has(row.subject) && wb.navigate(routeTo({ view: 'results', id: latestBySubject.get(row.subject)! }))}
                      >
                        {row.subject}
                      </button>
                    </td>
                    {row.cells.map((cell) => (
                      <td key={cell.sectionId} className="num cl-heat" style={{ background: heat(cell.score) }} title={cell.stage ? b(cell.stage.label) : ''}>
                        {score1(cell.score)}
                      </td>
                    ))}
                    <td className="num cl-heat cl-strong" style={{ background: heat(row.overall.score) }}>
                      {score1(row.overall.score)}
                    </td>
                    <td>
                      <StageBadge stage={row.overall.stage} />
                    </td>
                    <td className="small muted">{row.respondents.join('、')}</td>
                  </tr>
                ))}
                <tr className="cl-total-row">
                  <td>{t('ui.teamAverage')}</td>
                  {data.matrix.sectionSummary.map((s) => (
                    <td key={s.sectionId} className="num cl-heat" style={{ background: heat(s.spread?.mean) }}>
                      {score1(s.spread?.mean)}
                      {s.spread && s.spread.n > 1 && <div className="muted small">{t('ui.sdShort', { sd: score1(s.spread.sd) })}</div>}
                    </td>
                  ))}
                  <td colSpan={3} />
                </tr>
              </tbody>
            </table>
            <div className="cl-heat-legend small muted">
              {[10, 30, 50, 70, 90].map((v) => (
                <span key={v}>
                  <i style={{ background: heat(v) }} />
                  {v - 10}–{v + 10}
                </span>
              ))}
            </div>
          </div>
        )}
      </div>
    </div>
  );
}

import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobProgress } from '../../../../shared/contract';
import type { VocThemeRun } from '../../../../shared/voc/types';
import type { CommentSource } from '../../../../shared/voc/themes';
import { useWorkbench } from '../../app/context';
import { f1, signed1 } from './format';

/** Fewer comments than this and a theme's shares are shown as a hint, not a finding. */
const THEME_MIN_COMMENTS = 10;

interface Props {
  run: VocThemeRun | null;
  running: boolean;
  progress: JobProgress | null;
  onRun(sources: CommentSource[]): void;
  onCancel(): void;
}

/** Themes of the comments: share among detractors vs promoters, NPS effect, sentiment, examples. */
export function ThemesCard({ run, running, progress, onRun, onCancel }: Props) {
  const { t } = useTranslation('voc');
  const { locale } = useWorkbench();
  const [sources, setSources] = useState<CommentSource[]>(run?.params.sources ?? ['survey']);
  const [openTheme, setOpenTheme] = useState<string | null>(null);
  const toggle = (s: CommentSource) => setSources((cur) => (cur.includes(s) ? cur.filter((x) => x !== s) : [...cur, s]));
  const phase = progress?.phase.replace(/^voc\./, '') ?? 'segment';
  const a = run?.analysis;
  const maxShare = Math.max(1, ...(a?.themes.map((x) => Math.max(x.shareOfDetractors ?? 0, x.shareOfPromoters ?? 0)) ?? [1]));

  return (
    <section className="card" data-testid="voc-themes">
      <div className="card-header">
        <h3>{t('themes.title')}</h3>
        <div className="voc-controls">
          <span className="muted small">{t('themes.sources')}:</span>
          {(['survey', 'interaction', 'ticket'] as const).map((s) => (
            <label key={s} className="small">
              <input type="checkbox" checked={sources.includes(s)} onChange={() => toggle(s)} disabled={running} /> {t(`themes.source.${s}`)}
            </label>
          ))}
          <button className="btn btn-primary" disabled={running || sources.length === 0} onClick={() => onRun(sources)} data-testid="voc-themes-run">
            {running ? t('themes.running') : run ? t('themes.rerun') : t('themes.run')}
          </button>
          {running && (
            <button className="btn" onClick={onCancel}>
              {t('lexicon.cancel')}
            </button>
          )}
        </div>
      </div>
      {running && (
        <div className="run-progress">
          <span className="small muted">{t(`themes.phase.${phase}`, { defaultValue: phase })}</span>
          <div className="progress">
            <span style={{ width: progress?.total ? `${(100 * progress.done) / progress.total}%` : '35%' }} />
          </div>
        </div>
      )}
      {!run && !running && <p className="muted">{t('themes.empty')}</p>}
      {run && a && (
        <>
          <p className="muted small" data-testid="voc-themes-line">
            {t('themes.runLine', {
              id: run.id,
              at: run.createdAt.replace('T', ' ').slice(0, 16),
              comments: a.comments,
              seconds: (run.durationMs / 1000).toFixed(1),
              nps: f1(run.nps.nps),
              responses: run.nps.responses,
            })}{' '}
            · {t('themes.coverage')} {f1(a.coveragePct)}% ({t('themes.coverageNote', { themed: a.themed, comments: a.comments })}) ·{' '}
            {t('themes.sentimentMix', run.sentiment)}
          </p>
          <table className="table voc-table">
            <thead>
              <tr>
                <th>{t('themes.theme')}</th>
                <th className="num">{t('themes.comments')}</th>
                <th>
                  <span className="voc-key voc-key-d" /> {t('themes.shareDetractors')} / <span className="voc-key voc-key-p" /> {t('themes.sharePromoters')}
                </th>
                <th className="num">{t('themes.npsEffect')}</th>
                <th className="num">{t('themes.sentiment')}</th>
                <th>{t('themes.terms')}</th>
              </tr>
            </thead>
            <tbody>
              {a.themes
                .filter((th) => th.comments > 0)
                .map((th) => (
                  <Fragment key={th.id}>
                    <tr className={th.comments < THEME_MIN_COMMENTS ? 'voc-thin' : ''} data-testid={`voc-theme-${th.id}`}>
                      <td>
                        <button className="btn btn-ghost voc-theme-name" onClick={() => setOpenTheme(openTheme === th.id ? null : th.id)}>
                          {openTheme === th.id ? '▾' : '▸'} {th.name[locale]}
                        </button>
                      </td>
                      <td className="num">
                        {th.comments}
                        {th.comments < THEME_MIN_COMMENTS ? ' *' : ''}
                      </td>
                      <td className="voc-bars">
                        <span className="voc-bar voc-bar-d" style={{ width: `${(100 * (th.shareOfDetractors ?? 0)) / maxShare}%` }} />
                        <span className="small">{f1(th.shareOfDetractors)}%</span>
                        <span className="voc-bar voc-bar-p" style={{ width: `${(100 * (th.shareOfPromoters ?? 0)) / maxShare}%` }} />
                        <span className="small">{f1(th.shareOfPromoters)}%</span>
                      </td>
                      <td className="num" title={t('themes.effectLine', { value: f1(th.npsIfPassive) })}>
                        <strong>{signed1(th.npsEffect)}</strong>
                      </td>
                      <td className="num">{f1(th.meanSentiment === null ? null : th.meanSentiment * 100)}</td>
                      <td className="small muted">
                        {th.terms
                          .slice(0, 5)
                          .map((x) => `${x.term} ${x.count}`)
                          .join(' · ')}
                      </td>
                    </tr>
                    {openTheme === th.id && (
                      <tr className="voc-examples">
                        <td colSpan={6}>
                          <div className="small">
                            {t('themes.effectLine', { value: f1(th.npsIfPassive) })} · {t('summary.detractors')} {th.detractors} · {t('summary.passives')}{' '}
                            {th.passives} · {t('summary.promoters')} {th.promoters} · {t('themes.negative')} {th.negativeComments}
                          </div>
                          <ul className="voc-example-list">
                            {th.examples.map((e) => (
                              <li key={`${e.source}-${e.rowId}`}>
                                “{e.text}”{' '}
                                <span className="muted small">
                                  {e.customerKey} · {e.date} · {e.nps !== null ? `NPS ${e.nps} · ` : ''}
                                  {f1(e.sentiment * 100)}
                                </span>
                              </li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
            </tbody>
          </table>
          <p className="muted small">
            {t('formula.npsEffect')}. {t('formula.sentiment')}. * {t('themes.thin', { min: THEME_MIN_COMMENTS })}
          </p>
          {a.unassigned.length > 0 && (
            <p className="small">
              <span className="muted">{t('themes.unassigned')}:</span>{' '}
              {a.unassigned
                .slice(0, 20)
                .map((u) => `${u.term} ${u.count}`)
                .join(' · ')}
            </p>
          )}
        </>
      )}
    </section>
  );
}

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../../app/context';
import { Chart } from '../../components/Chart';
import { heat, routeTo, score1, useBi } from './text';
import { questionLookup, radarOption, StageBadge } from './ResultsView';
import { useLoad } from './useLoad';

/**
 * For the projector in a retention-committee workshop: large type, one slide at a time (the overview,
 * then one section each), ←/→ or PageUp/PageDown to move, F for full screen, Esc to leave.
 */
export function PresenterView({ id }: { id: number }) {
  const { t } = useTranslation('checklists');
  const wb = useWorkbench();
  const b = useBi();
  const { data } = useLoad(() => wb.api['checklist.score']({ id }), String(id));
  const [slide, setSlide] = useState(0);
  const option = useMemo(() => (data ? radarOption(data, wb.locale, t('result.average')) : null), [data, wb.locale, t]);
  const count = data ? data.template.sections.length + 1 : 1;
  // The slide count is read when a key is pressed, not when the listener was attached: an arrow key
  // pressed as the slides appear (before that render's effects have run) must not be clamped to the
  // one slide of the loading state. A layout effect runs before the slides are painted.
  const countRef = useRef(count);
  useLayoutEffect(() => {
    countRef.current = count;
  }, [count]);
  const go = useCallback((d: number) => setSlide((s) => Math.max(0, Math.min(countRef.current - 1, s + d))), []);
  const navigate = wb.navigate;

  const leave = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    navigate(routeTo({ view: 'results', id }));
  }, [navigate, id]);
  const fullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === ' ') go(1);
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(-1);
      else if (e.key === 'Escape' && !document.fullscreenElement) leave();
      else if (e.key === 'f' || e.key === 'F') fullscreen();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, leave]);

  if (!data || !option)
    return (
      <div className="cl-presenter">
        <p>{t('ui.loading')}</p>
      </div>
    );
  const { template, aggregate, gaps } = data;
  const questions = questionLookup(template);
  const section = slide > 0 ? template.sections[slide - 1] : undefined;
  const sectionAgg = section ? aggregate.sections.find((s) => s.sectionId === section.id) : undefined;

  return (
    <div className="cl-presenter" data-testid="presenter">
      <header className="cl-presenter-bar">
        <span className="cl-presenter-title">{data.summary.title}</span>
        <span className="cl-presenter-count">
          {slide + 1} / {count}
        </span>
        <span className="cl-presenter-tools">
          <button onClick={fullscreen} title="F">
            {t('ui.fullscreen')}
          </button>
          <button onClick={leave} data-testid="presenter-exit">
            {t('ui.exitPresenter')}
          </button>
        </span>
      </header>

      {!section ? (
        <main className="cl-slide cl-slide-overview">
          <div className="cl-slide-left">
            <div className="cl-slide-kicker">{b(template.title)}</div>
            <div className="cl-big-score">{score1(aggregate.overall.spread?.mean)}</div>
            <div className="cl-big-stage">
              <StageBadge stage={aggregate.overall.stage} />
            </div>
            <table className="cl-slide-table">
              <tbody>
                {aggregate.sections.map((s, i) => (
                  <tr key={s.sectionId}>
                    <td>{b(template.sections[i]?.title)}</td>
                    <td className="num" style={{ background: heat(s.spread?.mean) }}>
                      {score1(s.spread?.mean)}
                    </td>
                    <td>
                      <StageBadge stage={s.stage} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="cl-slide-respondents">{t('ui.presenterRespondents', { names: aggregate.respondents.join('、') })}</div>
          </div>
          <div className="cl-slide-right">
            <Chart option={option} height={520} testId="presenter-radar" />
          </div>
        </main>
      ) : (
        <main className="cl-slide" data-testid={`slide-${section.id}`}>
          <div className="cl-slide-kicker">{t('ui.sectionOf', { n: slide, total: count - 1 })}</div>
          <h1 className="cl-slide-heading">{b(section.title)}</h1>
          <div className="cl-slide-row">
            <div className="cl-slide-scorebox" style={{ background: heat(sectionAgg?.spread?.mean) }}>
              <div className="cl-big-score">{score1(sectionAgg?.spread?.mean)}</div>
              <StageBadge stage={sectionAgg?.stage ?? null} />
              <div className="cl-slide-sd">
                {t('result.standardDeviation')} {score1(sectionAgg?.spread?.sd)}
              </div>
            </div>
            <div className="cl-slide-people">
              {sectionAgg?.byRespondent.map((r) => (
                <div key={r.respondent} className="cl-slide-person">
                  <span className="cl-slide-name">{r.respondent}</span>
                  <span className="cl-bar cl-bar-big">
                    <span style={{ width: `${r.score ?? 0}%` }} />
                  </span>
                  <span className="cl-slide-num">{score1(r.score)}</span>
                </div>
              ))}
            </div>
          </div>
          <div className="cl-slide-columns">
            <div>
              <h2>{t('result.disagreement')}</h2>
              <ol className="cl-slide-list">
                {aggregate.disagreements
                  .filter((q) => q.sectionId === section.id && (q.spread?.sd ?? 0) > 0)
                  .slice(0, 3)
                  .map((q) => (
                    <li key={q.questionId}>
                      <span>{b(questions.get(q.questionId)?.text.text)}</span>
                      <span className="cl-slide-detail">{q.byRespondent.map((r) => `${r.respondent} ${score1(r.score)}`).join(' · ')}</span>
                    </li>
                  ))}
              </ol>
            </div>
            <div>
              <h2>{t('ui.gaps')}</h2>
              <ol className="cl-slide-list">
                {gaps.items
                  .filter((g) => g.sectionId === section.id)
                  .slice(0, 3)
                  .map((g) => (
                    <li key={g.questionId}>
                      <span>{b(g.recommendation)}</span>
                      <span className="cl-slide-detail">
                        {b(g.text)} · {score1(g.score)} → {score1(g.target)}
                      </span>
                    </li>
                  ))}
              </ol>
            </div>
          </div>
        </main>
      )}

      <footer className="cl-presenter-nav">
        <button onClick={() => go(-1)} disabled={slide === 0} data-testid="presenter-prev">
          ‹ {t('ui.previous')}
        </button>
        <div className="cl-dots">
          {Array.from({ length: count }, (_, i) => (
            <button key={i} className={i === slide ? 'active' : ''} onClick={() => setSlide(i)} aria-label={String(i + 1)} />
          ))}
        </div>
        <button onClick={() => go(1)} disabled={slide === count - 1} data-testid="presenter-next">
          {t('ui.next')} ›
        </button>
      </footer>
    </div>
  );
}

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChurnReview } from '../../../../shared/churn-review/types';
import { useWorkbench } from '../../app/context';
import { f1 } from '../voc/format';
import { useMoney } from '../../app/money';
import { eventText, traitText } from './labels';
import '../checklists/checklists.css';
import '../voc/voc.css';

/** Churned customers shown one slide each in the presenter (the rest stay in the table and the export). */
const CUSTOMER_SLIDES = 10;

/**
 * The review pack for the committee, one slide at a time, as the checklists' presenter: the overview,
 * the revenue rates, one slide per lost customer (largest first), the traits, the recorded reasons.
 * ←/→ or PageUp/PageDown to move, F for full screen, Esc to leave.
 */
export function ReviewPresenter({ id }: { id: number }) {
  const { t } = useTranslation('voc');
  const { t: tHealth } = useTranslation('health');
  const wb = useWorkbench();
  const [review, setReview] = useState<ChurnReview | null>(null);
  const [slide, setSlide] = useState(0);
  useEffect(() => {
    wb.api['churn.getReview']({ reviewId: id }).then(setReview).catch(wb.reportError);
  }, [wb.api, wb.reportError, id]);
  const customers = review?.customers.slice(0, CUSTOMER_SLIDES) ?? [];
  const count = review ? 4 + customers.length : 1;
  const countRef = useRef(count);
  useLayoutEffect(() => {
    countRef.current = count;
  }, [count]);
  const go = useCallback((d: number) => setSlide((s) => Math.max(0, Math.min(countRef.current - 1, s + d))), []);
  const navigate = wb.navigate;
  const leave = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    navigate('/e/churnReview');
  }, [navigate]);
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

  // Before the early return: hooks run in the same order on every render.
  const money = useMoney();
  if (!review)
    return (
      <div className="cl-presenter">
        <p>…</p>
      </div>
    );
  const tt = (key: string, p: Record<string, string | number> = {}) => String(t(key, p));
  const th = (key: string, p: Record<string, string | number> = {}) => String(tHealth(key, p));
  const locale = wb.locale;
  const rr = review.rates;
  const customer = slide >= 2 && slide < 2 + customers.length ? customers[slide - 2] : undefined;
  const kind = slide === 0 ? 'overview' : slide === 1 ? 'rates' : customer ? 'customer' : slide === 2 + customers.length ? 'traits' : 'reasons';

  return (
    <div className="cl-presenter cr-presenter" data-testid="cr-presenter">
      <header className="cl-presenter-bar">
        <span className="cl-presenter-title">
          {t('review.title')} · {review.params.period}
        </span>
        <span className="cl-presenter-count">
          {slide + 1} / {count}
        </span>
        <span className="cl-presenter-tools">
          <button onClick={fullscreen} title="F">
            {t('review.slides.fullscreen')}
          </button>
          <button onClick={leave} data-testid="cr-presenter-exit">
            {t('review.slides.exit')}
          </button>
        </span>
      </header>
      {kind === 'overview' && (
        <main className="cl-slide" data-testid="cr-slide-overview">
          <div className="cl-slide-kicker">
            {review.period.start} – {review.period.end}
          </div>
          <h1 className="cl-slide-heading">{t('review.slides.overview')}</h1>
          <div className="cl-slide-row">
            <div className="cl-slide-scorebox">
              <div className="cl-big-score">{review.churnedCount}</div>
              <div>{t('review.kpi.churned')}</div>
              <div className="cl-slide-sd">
                {t('review.kpi.onBook', { count: review.onBook })} · {f1(review.churnRatePct)}%
              </div>
            </div>
            <div className="cl-slide-scorebox">
              <div className="cl-big-score">{money(review.lostRevenue)}</div>
              <div>{t('review.kpi.lostRevenue')}</div>
            </div>
            <div className="cl-slide-scorebox">
              <div className="cl-big-score">
                {review.unwarned}/{review.customers.length}
              </div>
              <div>{t('review.kpi.unwarned')}</div>
            </div>
          </div>
          <ol className="cl-slide-list">
            {review.customers.slice(0, 5).map((c) => (
              <li key={c.customerKey}>
                <span>
                  {c.name} · {money(c.lostRevenue)}
                </span>
                <span className="cl-slide-detail">
                  {c.churnDate} · {c.reason ?? '–'}
                </span>
              </li>
            ))}
          </ol>
        </main>
      )}
      {kind === 'rates' && (
        <main className="cl-slide" data-testid="cr-slide-rates">
          <h1 className="cl-slide-heading">{t('review.rates.heading')}</h1>
          <div className="cl-slide-row">
            {(['churnOfStarting', 'downsellOfStarting', 'churnOfDue', 'downsellOfDue'] as const).map((k) => (
              <div className="cl-slide-scorebox" key={k}>
                <div className="cl-big-score">{f1(rr[k].pct)}%</div>
                <div>{t(`review.rates.${k}`)}</div>
                <div className="cl-slide-sd">
                  {money(rr[k].numerator)} ÷ {money(rr[k].denominator)}
                </div>
              </div>
            ))}
          </div>
          <p className="cl-slide-detail">{t('review.rates.startingNote')}</p>
          <p className="cl-slide-detail">{t('review.rates.dueNote', { count: rr.dueContracts })}</p>
        </main>
      )}
      {customer && (
        <main className="cl-slide" data-testid={`cr-slide-customer-${customer.customerKey}`}>
          <div className="cl-slide-kicker">{t('review.slides.customer', { n: slide - 1, total: customers.length })}</div>
          <h1 className="cl-slide-heading">
            {customer.name} · {money(customer.lostRevenue)}
          </h1>
          <div className="cl-slide-detail">
            {customer.churnDate} · {customer.reason ?? '–'} · {customer.owner ?? '–'} · {customer.segment ?? '–'}
            {customer.tenureDays !== null ? ` · ${t('review.customers.tenureYears', { years: (customer.tenureDays / 365).toFixed(1) })}` : ''}
          </div>
          <div className="cl-slide-columns">
            <div>
              <h2>{t('review.customers.timeline')}</h2>
              {customer.timeline.length === 0 ? (
                <p className="cl-slide-detail">{t('review.customers.noTimeline')}</p>
              ) : (
                <ol className="cl-slide-list">
                  {customer.timeline.slice(-8).map((e, i) => (
                    <li key={i}>
                      <span>{eventText(e, tt, th)}</span>
                      <span className="cl-slide-detail">{e.date}</span>
                    </li>
                  ))}
                </ol>
              )}
            </div>
            <div>
              <h2>{t('review.customers.lastComment')}</h2>
              <p>{customer.lastComment ? `“${customer.lastComment}”` : '–'}</p>
              <p className="cl-slide-detail">
                {t('review.customers.lastNps')} {customer.lastNps ?? '–'} · {t('review.customers.signals')} {customer.signalsBefore} ·{' '}
                {t('review.customers.acted', { acted: customer.actionsDone, total: customer.actionsBefore })}
              </p>
            </div>
          </div>
        </main>
      )}
      {kind === 'traits' && (
        <main className="cl-slide" data-testid="cr-slide-traits">
          <h1 className="cl-slide-heading">{t('review.slides.traits')}</h1>
          <div className="cl-slide-detail">
            {t('review.traits.heading', {
              churned: review.traits.churned,
              retained: review.traits.retained,
              start: review.traitWindow.start,
              end: review.traitWindow.end,
              min: review.traits.minSupport,
            })}
          </div>
          <table className="cl-slide-table">
            <tbody>
              {review.traits.rows.slice(0, 8).map((x) => (
                <tr key={`${x.dimension}=${x.value}`}>
                  <td>{traitText(x, review, tt, th, locale)}</td>
                  <td className="num">× {x.lift.toFixed(2)}</td>
                  <td className="num">
                    {x.churnedWith}/{x.churned} vs {x.retainedWith}/{x.retained}
                  </td>
                  <td>
                    q {x.q.toFixed(3)} {x.q <= 0.1 ? '' : `(${t('review.traits.notSignificant')})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </main>
      )}
      {kind === 'reasons' && (
        <main className="cl-slide" data-testid="cr-slide-reasons">
          <h1 className="cl-slide-heading">{t('review.slides.reasons')}</h1>
          <table className="cl-slide-table">
            <tbody>
              {review.reasons.map((r) => (
                <tr key={r.reason}>
                  <td>{r.reason || t('review.reasons.none')}</td>
                  <td className="num">{r.customers}</td>
                  <td className="num">{money(r.lostRevenue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </main>
      )}
      <footer className="cl-presenter-nav">
        <button onClick={() => go(-1)} disabled={slide === 0} data-testid="cr-presenter-prev">
          ‹ {t('review.slides.previous')}
        </button>
        <div className="cl-dots">
          {Array.from({ length: count }, (_, i) => (
            <button key={i} className={i === slide ? 'active' : ''} onClick={() => setSlide(i)} aria-label={String(i + 1)} />
          ))}
        </div>
        <button onClick={() => go(1)} disabled={slide === count - 1} data-testid="cr-presenter-next">
          {t('review.slides.next')} ›
        </button>
      </footer>
    </div>
  );
}

import { Fragment, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChurnReview, ChurnReviewSummary } from '../../../../shared/churn-review/types';
import { useWorkbench } from '../../app/context';
import { useJob } from '../../hooks/useJob';
import { f1 } from '../voc/format';
import { useMoney } from '../../app/money';
import { eventText, traitText } from './labels';
import { ReviewPresenter } from './ReviewPresenter';
import { ExportPack } from './ExportPack';
import { reviewDefinitionText } from '../../../../shared/churn-review/definition';
import '../voc/voc.css';
import { CustomerLink } from '../../app/CustomerLink';

/** The month before today ('YYYY-MM'): the monthly review's usual period. */
function lastMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** #/e/churnReview or #/e/churnReview/present/<id> */
function presentId(route: string): number | null {
  const [, , , view, arg] = route.split('/');
  const id = Number(arg);
  return view === 'present' && Number.isInteger(id) && id > 0 ? id : null;
}

/**
 * 流失复盘: the churned customers of a period ranked by revenue lost, each with what preceded the loss;
 * the traits over-represented among them; churn and downsell by both revenue definitions; a
 * presenter view for the committee and an export of the pack.
 */
export function ChurnReviewSection() {
  const { t, i18n } = useTranslation('voc');
  const { t: tHealth } = useTranslation('health');
  const wb = useWorkbench();
  const money = useMoney();
  const job = useJob('churn.review');
  const [list, setList] = useState<ChurnReviewSummary[]>([]);
  const [review, setReview] = useState<ChurnReview | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [period, setPeriod] = useState(lastMonth());
  const [top, setTop] = useState(20);
  const [traitMonths, setTraitMonths] = useState(12);
  const [minSupport, setMinSupport] = useState(5);
  const [open, setOpen] = useState<string | null>(null);

  const load = useCallback(
    async (reviewId?: number) => {
      const [l, r] = await Promise.all([wb.api['churn.reviews']({}), wb.api['churn.getReview'](reviewId ? { reviewId } : {})]);
      setList(l);
      setReview(r);
      if (r) {
        setPeriod(r.params.period);
        setTop(r.params.top);
        setTraitMonths(r.params.traitMonths);
        setMinSupport(r.params.minSupport);
      } else {
        // No review yet: the last complete period of the data (not of today's calendar).
        setPeriod((await wb.api['churn.reviewDefaults']({})).period);
      }
      setLoaded(true);
    },
    [wb.api],
  );
  useEffect(() => {
    load().catch(wb.reportError);
  }, [load, wb.reportError, wb.workspace?.path]);

  const presenting = presentId(wb.route);
  if (presenting !== null) return <ReviewPresenter id={presenting} />;

  const runJob = job.run;
  const onRun = async () => {
    const out = await runJob({ params: { period: period.trim(), top, traitMonths, minSupport } });
    if (out.ok) await load(out.value.id).catch(wb.reportError);
    else if (!out.cancelled) wb.reportError(out.error);
  };
  const phase = job.progress?.phase.replace(/^churnReview\./, '') ?? 'read';
  const locale = wb.locale;
  const tt = (key: string, p: Record<string, string | number> = {}) => String(t(key, p));
  const th = (key: string, p: Record<string, string | number> = {}) => String(tHealth(key, p));

  return (
    <div className="section-stack voc" data-testid="churn-review-section" lang={i18n.language}>
      <section className="card">
        <div className="cr-controls">
          <label className="field">
            <span className="field-label">{t('review.period')}</span>
            {/* Read-only until the stored review or the data's default period has arrived, so a period typed
                early is not replaced by the default a moment later. */}
            <input value={period} onChange={(e) => setPeriod(e.target.value)} readOnly={!loaded} title={t('review.periodHint')} data-testid="cr-period" />
          </label>
          <label className="field">
            <span className="field-label">{t('review.top')}</span>
            <input type="number" min={1} max={500} value={top} onChange={(e) => setTop(Number(e.target.value))} />
          </label>
          <label className="field">
            <span className="field-label">{t('review.traitMonths')}</span>
            <input type="number" min={1} max={60} value={traitMonths} onChange={(e) => setTraitMonths(Number(e.target.value))} />
          </label>
          <label className="field">
            <span className="field-label">{t('review.minSupport')}</span>
            <input type="number" min={1} value={minSupport} onChange={(e) => setMinSupport(Number(e.target.value))} />
          </label>
          <button className="btn btn-primary" onClick={onRun} disabled={job.running || !loaded} data-testid="cr-run">
            {job.running ? t('review.running') : t('review.run')}
          </button>
          {job.running && (
            <button className="btn" onClick={job.cancel}>
              {t('lexicon.cancel')}
            </button>
          )}
          {review && (
            <>
              <button className="btn" onClick={() => wb.navigate(`/e/churnReview/present/${review.id}`)} data-testid="cr-present">
                {t('review.presenter')}
              </button>
              <ExportPack />
            </>
          )}
          {list.length > 1 && review && (
            <select value={review.id} onChange={(e) => load(Number(e.target.value)).catch(wb.reportError)} aria-label={t('review.pick')}>
              {list.map((r) => (
                <option key={r.id} value={r.id}>
                  #{r.id} {r.period} · {r.churned}
                </option>
              ))}
            </select>
          )}
        </div>
        <p className="muted small">{t('review.periodHint')}</p>
        {job.running && (
          <div className="run-progress">
            <span className="small muted">{t(`review.phase.${phase}`, { defaultValue: phase })}</span>
            <div className="progress">
              <span style={{ width: job.progress?.total ? `${(100 * job.progress.done) / job.progress.total}%` : '35%' }} />
            </div>
          </div>
        )}
      </section>
      {loaded && !review && !job.running && (
        <p className="card muted" data-testid="cr-empty">
          {t('review.empty')}
        </p>
      )}
      {review && (
        <>
          <section className="card" data-testid="cr-kpis">
            <p className="muted small">
              {t('review.runLine', { id: review.id, at: review.createdAt.replace('T', ' ').slice(0, 16), start: review.period.start, end: review.period.end })}
            </p>
            {review.definition && (
              <p className="muted small" data-testid="cr-definition">
                {reviewDefinitionText(review.definition, tt)}
              </p>
            )}
            <div className="kpi-grid">
              <div className="kpi">
                <span className="kpi-label">{t('review.kpi.churned')}</span>
                <span className="kpi-value">{review.churnedCount}</span>
                <span className="muted small">{t('review.kpi.onBook', { count: review.onBook })}</span>
              </div>
              <div className="kpi">
                <span className="kpi-label">{t('review.kpi.churnRate')}</span>
                <span className="kpi-value">{f1(review.churnRatePct)}%</span>
              </div>
              <div className="kpi">
                <span className="kpi-label">{t('review.kpi.lostRevenue')}</span>
                <span className="kpi-value">{money(review.lostRevenue)}</span>
              </div>
              <div className="kpi">
                <span className="kpi-label">{t('review.kpi.unwarned')}</span>
                <span className="kpi-value">
                  {review.unwarned} / {review.customers.length}
                </span>
              </div>
            </div>
            <p className="muted small">
              {t('review.formula.churnRate')} · {t('review.formula.lost')} · {t('review.formula.unwarned')}
            </p>
            {review.healthRuns === 0 && <p className="small churn-status warn">{t('review.noHealthRuns')}</p>}
          </section>
          <section className="card" data-testid="cr-rates">
            <h3>{t('review.rates.heading')}</h3>
            <div className="cr-rates">
              {(['churnOfStarting', 'downsellOfStarting', 'churnOfDue', 'downsellOfDue'] as const).map((k) => {
                const r = review.rates[k];
                return (
                  <div className="kpi" key={k}>
                    <span className="kpi-label">{t(`review.rates.${k}`)}</span>
                    <span className="kpi-value">{f1(r.pct)}%</span>
                    <span className="muted small">
                      {money(r.numerator)} ÷ {money(r.denominator)}
                    </span>
                  </div>
                );
              })}
            </div>
            <p className="muted small">
              {t('review.rates.startingNote')}
              <br />
              {t('review.rates.dueNote', { count: review.rates.dueContracts })}
            </p>
          </section>
          <section className="card" data-testid="cr-customers">
            <h3>{t('review.customers.heading', { top: review.params.top })}</h3>
            <table className="table voc-table">
              <thead>
                <tr>
                  <th>{t('review.customers.rank')}</th>
                  <th>{t('review.customers.customer')}</th>
                  <th>{t('review.customers.churnDate')}</th>
                  <th className="num">{t('review.customers.lost')}</th>
                  <th>{t('review.customers.tier')}</th>
                  <th>{t('review.customers.segment')}</th>
                  <th>{t('review.customers.owner')}</th>
                  <th className="num">{t('review.customers.tenure')}</th>
                  <th>{t('review.customers.health')}</th>
                  <th className="num">{t('review.customers.signals')}</th>
                  <th className="num">{t('review.customers.lastNps')}</th>
                  <th>{t('review.customers.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {review.customers.map((c, i) => (
                  <Fragment key={c.customerKey}>
                    <tr className={open === c.customerKey ? 'cr-row-open' : ''}>
                      <td>{i + 1}</td>
                      <td>
                        <button
                          className="btn btn-ghost voc-theme-name"
                          onClick={() => setOpen(open === c.customerKey ? null : c.customerKey)}
                          data-testid={`cr-open-${c.customerKey}`}
                        >
                          {open === c.customerKey ? '▾' : '▸'} {c.name}
                        </button>{' '}
                        <CustomerLink className="muted small" customerKey={c.customerKey}>
                          {c.customerKey}
                        </CustomerLink>
                      </td>
                      <td className="nowrap">{c.churnDate}</td>
                      <td className="num">{money(c.lostRevenue)}</td>
                      <td>{c.tier ? tt(`analytics:tiers.names.${c.tier}`) : '–'}</td>
                      <td>{c.segment ?? '–'}</td>
                      <td>{c.owner ?? '–'}</td>
                      <td className="num">{c.tenureDays === null ? '–' : t('review.customers.tenureYears', { years: (c.tenureDays / 365).toFixed(1) })}</td>
                      <td>{c.lastHealthBand ? th(`bands.${c.lastHealthBand}`) : '–'}</td>
                      <td className="num">
                        {c.signalsBefore}
                        {c.actionsBefore > 0 ? (
                          <div className="muted small">{t('review.customers.acted', { acted: c.actionsDone, total: c.actionsBefore })}</div>
                        ) : null}
                      </td>
                      <td className="num">{c.lastNps ?? '–'}</td>
                      <td className="small">{c.reason ?? '–'}</td>
                    </tr>
                    {open === c.customerKey && (
                      <tr className="cr-row-open">
                        <td />
                        <td colSpan={11}>
                          <strong className="small">{t('review.customers.timeline')}</strong>
                          {c.timeline.length === 0 ? (
                            <p className="muted small">{t('review.customers.noTimeline')}</p>
                          ) : (
                            <ul className="cr-timeline" data-testid="cr-timeline">
                              {c.timeline.map((e, j) => (
                                <li key={j} className={`cr-event-${e.kind}`}>
                                  <span className="cr-date">{e.date}</span>
                                  {eventText(e, tt, th)}
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card" data-testid="cr-traits">
            <h3>
              {t('review.traits.heading', {
                churned: review.traits.churned,
                retained: review.traits.retained,
                start: review.traitWindow.start,
                end: review.traitWindow.end,
                min: review.traits.minSupport,
              })}
            </h3>
            {review.traits.rows.length === 0 ? (
              <p className="muted">{t('review.traits.none')}</p>
            ) : (
              <table className="table voc-table">
                <thead>
                  <tr>
                    <th>{t('review.traits.trait')}</th>
                    <th className="num">{t('review.traits.churnedWith')}</th>
                    <th className="num">{t('review.traits.retainedWith')}</th>
                    <th className="num">{t('review.traits.shareRatio')}</th>
                    <th className="num">{t('review.traits.lift')}</th>
                    <th className="num">{t('review.traits.q')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {review.traits.rows.slice(0, 30).map((x) => (
                    <tr key={`${x.dimension}=${x.value}`} className={x.q <= 0.1 ? '' : 'voc-thin'}>
                      <td>{traitText(x, review, tt, th, locale)}</td>
                      <td className="num">
                        {x.churnedWith} ({f1(x.shareChurned)}%)
                      </td>
                      <td className="num">
                        {x.retainedWith} ({f1(x.shareRetained)}%)
                      </td>
                      <td className="num">{Number.isFinite(x.shareRatio) ? x.shareRatio.toFixed(2) : '∞'}</td>
                      <td className="num">
                        <strong>{x.lift.toFixed(2)}</strong>
                      </td>
                      <td className="num">{x.q.toFixed(3)}</td>
                      <td className={x.q <= 0.1 ? 'cr-sig small' : 'muted small'}>
                        {x.q <= 0.1 ? t('review.traits.significant') : t('review.traits.notSignificant')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p className="muted small">
              {t('review.traits.formula')}{' '}
              {review.traits.belowSupport > 0 && t('review.traits.belowSupport', { count: review.traits.belowSupport, min: review.traits.minSupport })}
            </p>
          </section>
          <section className="card" data-testid="cr-reasons">
            <h3>{t('review.reasons.heading')}</h3>
            <table className="table voc-table">
              <thead>
                <tr>
                  <th>{t('review.reasons.reason')}</th>
                  <th className="num">{t('review.reasons.customers')}</th>
                  <th className="num">{t('review.reasons.lost')}</th>
                </tr>
              </thead>
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
          </section>
        </>
      )}
    </div>
  );
}

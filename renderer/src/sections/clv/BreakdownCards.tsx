import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildClvShareBars } from '../../../../shared/charts';
import { DORMANT_P_ALIVE, type ClvRun } from '../../../../shared/clv/types';
import type { BreakdownGroup, ClvBreakdown } from '../../../../shared/clv/breakdown';
import { MIN_CUSTOMERS_FOR_TOP_SHARES } from '../../../../shared/clv/breakdown';
import { aliveBandLabel, segmentGroupLabel, tierGroupLabel, valueBandLabel } from '../../../../shared/clv/breakdown-labels';
import { useWorkbench } from '../../app/context';
import { Chart } from '../../components/Chart';
import { pct } from './format';
import { useMoney } from '../../app/money';

/**
 * How the run's book splits (clv.breakdown, aggregated by the engine): the CLV distribution with the
 * top 10% / 20% share, the value by the latest diagnostic run's segment and tier, and alive vs dormant
 * by P(alive) band. Each card states its definition and denominators.
 */
export function BreakdownCards({ run }: { run: ClvRun }) {
  const { t, i18n } = useTranslation('clv');
  const wb = useWorkbench();
  const money = useMoney();
  const [b, setB] = useState<ClvBreakdown | null>(null);
  useEffect(() => {
    let live = true;
    wb.api['clv.breakdown']({ runId: run.id })
      .then((x) => live && setB(x))
      .catch(wb.reportError);
    return () => {
      live = false;
    };
  }, [wb.api, wb.reportError, run.id]);
  if (!b) return null;
  const locale = i18n.language;
  const m = (v: number): string => money(v);
  const common = { customers: b.customers.toLocaleString(locale), book: m(b.bookValue), id: run.id };
  const d = b.distribution;
  const step = d.bands.length > 1 ? d.bands[1]!.low - d.bands[0]!.low : null;
  const bars = (groups: readonly BreakdownGroup[], names: string[]) =>
    buildClvShareBars({
      categories: names,
      customerShare: groups.map((g) => g.customerShare),
      valueShare: groups.map((g) => g.valueShare),
      customerShareName: t('breakdown.customerShare'),
      valueShareName: t('breakdown.valueShare'),
    });
  const dormant = b.alive.filter((a) => a.low < DORMANT_P_ALIVE);
  const dormantCount = dormant.reduce((s, a) => s + a.customers, 0);
  const dormantValue = dormant.reduce((s, a) => s + a.valueShare, 0);
  return (
    <>
      <section className="card" data-testid="clv-distribution">
        <h2>{t('breakdown.distribution.heading')}</h2>
        <p className="muted small">
          {t('breakdown.distribution.note', { ...common, months: run.result.horizonMonths, step: step === null ? '–' : m(step), median: m(d.medianClv ?? 0) })}
        </p>
        <p data-testid="clv-top-share">
          {d.top10Share === null || d.top20Share === null
            ? t('breakdown.distribution.topTooFew', { min: MIN_CUSTOMERS_FOR_TOP_SHARES })
            : t('breakdown.distribution.top', { n10: d.top10Customers, n20: d.top20Customers, top10: pct(d.top10Share), top20: pct(d.top20Share) })}
        </p>
        {b.withoutClv > 0 && <p className="muted small">{t('breakdown.distribution.withoutClv', { count: b.withoutClv })}</p>}
        {d.bands.length > 0 && (
          <Chart
            option={bars(
              d.bands,
              d.bands.map((x) => valueBandLabel(x, m)),
            )}
            height={280}
            testId="clv-distribution-chart"
          />
        )}
        <GroupTable groups={d.bands} label={t('breakdown.distribution.band')} name={(g) => valueBandLabel(g as (typeof d.bands)[number], m)} locale={locale} />
      </section>
      <section className="card" data-testid="clv-by-group">
        <h2>
          {t('breakdown.groups.segmentsHeading')} · {t('breakdown.groups.tiersHeading')}
        </h2>
        {b.diagnosticRun === null ? (
          <p className="muted" data-testid="clv-by-group-none">
            {t('breakdown.groups.none')}
          </p>
        ) : (
          <>
            <p className="muted small">{t('breakdown.groups.note', { ...common, id: b.diagnosticRun.id, asOf: b.diagnosticRun.asOf, run: run.id })}</p>
            <div className="clv-breakdown-pair">
              <div>
                <h3>{t('breakdown.groups.segmentsHeading')}</h3>
                <Chart
                  option={bars(
                    b.segments,
                    b.segments.map((g) => segmentGroupLabel(t, g)),
                  )}
                  height={280}
                  testId="clv-by-segment-chart"
                />
                <GroupTable groups={b.segments} label={t('breakdown.groups.segment')} name={(g) => segmentGroupLabel(t, g)} locale={locale} />
              </div>
              <div>
                <h3>{t('breakdown.groups.tiersHeading')}</h3>
                <Chart
                  option={bars(
                    b.tiers,
                    b.tiers.map((g) => tierGroupLabel(t, g)),
                  )}
                  height={280}
                  testId="clv-by-tier-chart"
                />
                <GroupTable groups={b.tiers} label={t('breakdown.groups.tier')} name={(g) => tierGroupLabel(t, g)} locale={locale} />
              </div>
            </div>
          </>
        )}
      </section>
      <section className="card" data-testid="clv-alive">
        <h2>{t('breakdown.alive.heading')}</h2>
        <p className="muted small">{t('breakdown.alive.note', { ...common, asOf: run.asOf })}</p>
        <p>
          {t('breakdown.alive.dormant', {
            count: dormantCount.toLocaleString(locale),
            share: pct(dormantCount / Math.max(1, b.customers)),
            value: pct(dormantValue),
          })}
        </p>
        <Chart option={bars(b.alive, b.alive.map(aliveBandLabel))} height={260} testId="clv-alive-chart" />
        <GroupTable groups={b.alive} label={t('breakdown.alive.band')} name={(g) => aliveBandLabel(g as (typeof b.alive)[number])} locale={locale} />
      </section>
    </>
  );
}

function GroupTable({
  groups,
  label,
  name,
  locale,
}: {
  groups: readonly BreakdownGroup[];
  label: string;
  name: (g: BreakdownGroup) => string;
  locale: string;
}) {
  const { t } = useTranslation('clv');
  const money = useMoney();
  return (
    <table className="table compact clv-table" data-testid="clv-breakdown-table">
      <thead>
        <tr>
          <th>{label}</th>
          <th className="num">{t('breakdown.customers')}</th>
          <th className="num">{t('breakdown.customerShare')}</th>
          <th className="num">{t('breakdown.value')}</th>
          <th className="num">{t('breakdown.valueShare')}</th>
          <th className="num">{t('breakdown.meanClv')}</th>
          <th className="num">{t('breakdown.meanPAlive')}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={String(g.key)}>
            <td>{name(g)}</td>
            <td className="num">{g.customers.toLocaleString(locale)}</td>
            <td className="num">{pct(g.customerShare)}</td>
            <td className="num">{money(g.value)}</td>
            <td className="num">{pct(g.valueShare)}</td>
            <td className="num">{money(g.meanClv)}</td>
            <td className="num">{g.customers > 0 ? pct(g.meanPAlive) : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

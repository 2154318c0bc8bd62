import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CustomerHealth, CustomerStatus } from '../../../../shared/contract/health';
import { daysBetween } from '../../../../shared/health/dates';
import type { StatusNote } from '../../../../shared/health/status-notes';
import { useMoney } from '../../app/money';
import { BandBadge, ScorePill } from './BandBadge';
import { fmtScore, measureName, modelName } from './labels';

type Lifecycle = NonNullable<CustomerStatus['lifecycle']>;

/** One sentence per lifecycle reason: the rule with its parameter and the data it read. */
function lifecycleReason(t: TFunction, reason: string, l: Lifecycle, s: CustomerStatus, money: (n: number) => string): string {
  const asOf = s.diagnostic?.asOf ?? s.healthAsOf;
  switch (reason) {
    case 'spend-dropped': {
      const change = l.priorSpend > 0 ? ((l.recentSpend - l.priorSpend) / l.priorSpend) * 100 : 0;
      return t('ui.status.lifecycle.spendDropped', {
        days: l.rules.riskWindowDays,
        recent: money(l.recentSpend),
        prior: money(l.priorSpend),
        change: change.toFixed(1),
        pct: l.rules.riskSpendDropPct,
      });
    }
    case 'inactive-too-long': {
      const last = s.rfm?.lastPurchase ?? s.lastPurchase;
      return t('ui.status.lifecycle.inactive', { date: last ?? '–', days: last ? daysBetween(last, asOf) : '–', limit: l.rules.riskInactiveDays });
    }
    case 'contract-ending':
      return t('ui.status.lifecycle.contractEnding', {
        date: l.liveUntil ?? '–',
        days: l.liveUntil ? daysBetween(asOf, l.liveUntil) : '–',
        limit: l.rules.riskContractEndDays,
      });
    case 'not-active':
      return t('ui.status.lifecycle.notActive', {
        basis: t(`analytics:bases.${s.diagnostic?.basis ?? 'non-contractual'}`, { defaultValue: s.diagnostic?.basis ?? '' }),
        window: s.diagnostic?.windowDays ?? '–',
      });
    case 'recent-first-purchase':
      return t('ui.status.lifecycle.new', { tenure: l.tenureDays ?? '–', limit: l.rules.newDays });
    case 'long-tenure-repeat-buyer':
      return t('ui.status.lifecycle.mature', { tenure: l.tenureDays ?? '–', days: l.rules.matureDays, orders: l.rules.matureMinOrders });
    default:
      return t('ui.status.lifecycle.growing', {
        tenure: l.tenureDays ?? '–',
        newDays: l.rules.newDays,
        matureDays: l.rules.matureDays,
        orders: l.rules.matureMinOrders,
      });
  }
}

function noteText(t: TFunction, n: StatusNote): string {
  const params: Record<string, string | number> = { ...n.params };
  if (typeof params.stage === 'string') params.stage = t(`analytics:lifecycle.stages.${params.stage}`);
  return t(`ui.status.notes.${n.key}`, params);
}

/** "Why is this customer 风险?": each view's verdict at one as-of date, with its rule and data. */
export function CustomerStatusPanel({ c }: { c: CustomerHealth }) {
  const { t } = useTranslation('health');
  const money = useMoney();
  const s = c.status;
  if (!s) return null;
  const open = c.signals.filter((x) => x.status === 'open');
  const count = (sev: string) => open.filter((x) => x.severity === sev).length;
  const lowest = c.model
    ? c.measures
        .map((m, i) => ({ m, def: c.model!.measures[i] }))
        .filter(({ m }) => m.points !== null && m.weight > 0 && (m.points as number) < 100)
        .sort((a, b) => (a.m.points as number) - (b.m.points as number))
        .slice(0, 3)
    : [];
  const l = s.lifecycle;
  return (
    <div className="card customer-status" data-testid="customer-status">
      <h2>{t('ui.status.title')}</h2>
      <p className="muted small">
        {s.diagnostic
          ? s.sameAsOf
            ? t('ui.status.sameAsOf', { asOf: s.healthAsOf, healthRun: c.runId ?? '–', diagnosticRun: s.diagnostic.runId })
            : t('ui.status.otherAsOf', { asOf: s.healthAsOf, diagnosticAsOf: s.diagnostic.asOf, diagnosticRun: s.diagnostic.runId })
          : t('ui.status.noDiagnostic', { asOf: s.healthAsOf })}
      </p>
      <table className="table compact status-table">
        <tbody>
          <tr>
            <th>{t('ui.status.health')}</th>
            <td className="status-verdict">
              <ScorePill score={c.score} band={c.band} /> <BandBadge band={c.band} />
            </td>
            <td>
              {c.model && t('ui.status.healthRule', { model: modelName(t, c.model) })}
              {lowest.length > 0 && (
                <div className="muted small">
                  {t('ui.status.healthLowest', {
                    list: lowest.map(({ m, def }) => `${def ? measureName(t, def) : m.measureId} ${fmtScore(m.points)}`).join(t('ui.status.listSep')),
                  })}
                </div>
              )}
            </td>
          </tr>
          <tr>
            <th>{t('ui.status.signals')}</th>
            <td className="status-verdict">{open.length}</td>
            <td>{t('ui.status.signalsRule', { heavy: count('heavy'), medium: count('medium'), light: count('light') })}</td>
          </tr>
          <tr>
            <th>{t('ui.status.lifecycle.title')}</th>
            <td className="status-verdict">{l ? <span className={`stage-badge stage-${l.stage}`}>{t(`analytics:lifecycle.stages.${l.stage}`)}</span> : '–'}</td>
            <td>
              {l ? (
                <ul className="status-reasons">
                  {(l.reasons.length > 0 ? l.reasons : ['between-new-and-mature']).map((r) => (
                    <li key={r}>{lifecycleReason(t, r, l, s, money)}</li>
                  ))}
                </ul>
              ) : (
                <span className="muted">{t('ui.status.notInRun')}</span>
              )}
            </td>
          </tr>
          <tr>
            <th>{t('ui.status.rfm')}</th>
            <td className="status-verdict mono">{s.rfm ? `${s.rfm.r}·${s.rfm.f ?? '–'}·${s.rfm.m ?? '–'}` : '–'}</td>
            <td>
              {s.rfm ? (
                t('ui.status.rfmRule', {
                  date: s.rfm.lastPurchase ?? '–',
                  days: s.rfm.recencyDays ?? '–',
                  frequency: s.rfm.frequency ?? '–',
                  monetary: s.rfm.monetary == null ? '–' : money(s.rfm.monetary),
                  segment: s.rfm.segment ? t(`analytics:rfm.segments.${s.rfm.segment}`, { defaultValue: s.rfm.segment }) : '–',
                })
              ) : (
                <span className="muted">{t('ui.status.notInRun')}</span>
              )}
            </td>
          </tr>
          {s.tier && (
            <tr>
              <th>{t('ui.status.tier')}</th>
              <td className="status-verdict">{t(`analytics:tiers.names.${s.tier.tier}`)}</td>
              <td className="muted small">{t('ui.status.tierRule')}</td>
            </tr>
          )}
        </tbody>
      </table>
      {s.notes.length > 0 && (
        <ul className="status-notes" data-testid="status-notes">
          {s.notes.map((n) => (
            <li key={n.key}>{noteText(t, n)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

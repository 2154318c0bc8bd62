import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TIERS, type BreakdownAttribute, type BreakdownGroup, type DiagnosticRunResult, type DrillTarget } from '../../../../shared/analytics';
import type { AttributeBreakdown, AttributeBreakdownGroup, CustomerAttributeInfo } from '../../../../shared/contract/attributes';
import { useWorkbench } from '../../app/context';
import { absentText, metricTitle, type Fmt } from './labels';
import { ExportTableButton } from '../../components/ExportTableButton';

interface Props {
  runId: number;
  result: DiagnosticRunResult;
  fmt: Fmt;
  onDrill(target: DrillTarget): void;
}

// The select's value for a customer attribute the imports kept (the built-in ones are their own ids).
const KEPT = 'kept:';

/** Latest-period retention, revenue retention, revenue and tier mix per value of one attribute. */
export function BreakdownCard({ runId, result, fmt, onDrill }: Props) {
  const { t } = useTranslation('analytics');
  const { t: ti } = useTranslation('import');
  const wb = useWorkbench();
  const [choice, setChoice] = useState<string>('industry');
  const [kept, setKept] = useState<CustomerAttributeInfo[]>([]);
  const [keptBreakdown, setKeptBreakdown] = useState<AttributeBreakdown | null>(null);
  useEffect(() => {
    wb.api['attributes.list']({}).then(setKept, wb.reportError);
  }, [wb.api, wb.reportError, runId]);
  const keptName = choice.startsWith(KEPT) ? choice.slice(KEPT.length) : null;
  useEffect(() => {
    setKeptBreakdown(null);
    if (keptName === null) return;
    wb.api['attributes.breakdown']({ runId, name: keptName }).then(setKeptBreakdown, wb.reportError);
  }, [wb.api, wb.reportError, runId, keptName]);
  const attribute = (keptName === null ? choice : 'industry') as BreakdownAttribute;
  const builtIn = result.breakdowns.find((x) => x.attribute === attribute) ?? result.breakdowns[0];
  if (!builtIn) return null;
  const groups: (BreakdownGroup | AttributeBreakdownGroup)[] = keptName === null ? builtIn.groups : (keptBreakdown?.groups ?? []);
  const heading = keptName ?? t(`breakdown.attributes.${attribute}`);
  const drillOf = (g: BreakdownGroup | AttributeBreakdownGroup): DrillTarget => {
    if (keptName === null) return { kind: 'attribute', attribute, value: g.value };
    const k = g as AttributeBreakdownGroup;
    return { kind: 'customerAttribute', name: keptName, value: k.value, ...(k.range ? { range: k.range } : {}), ...(k.year ? { year: true } : {}) };
  };
  const period = result.retention[result.retention.length - 1]?.period.key ?? '';
  const rr = result.revenueRetention !== null && keptName === null;
  const label = (v: string | null) => (v === null ? t('breakdown.notSet') : keptName === null && attribute === 'tier' ? t(`tiers.names.${v}`) : v);
  return (
    <div className="card" data-testid="diag-breakdown">
      <div className="card-header">
        <h2>{t('ui.breakdown.title')}</h2>
        <label className="inline-field">
          <span>{t('ui.breakdown.by')}</span>
          <select value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="diag-breakdown-attr">
            {result.breakdowns.map((x) => (
              <option key={x.attribute} value={x.attribute}>
                {t(`breakdown.attributes.${x.attribute}`)}
              </option>
            ))}
            {kept.length > 0 ? (
              <optgroup label={ti('ui.attributeGroup')}>
                {kept.map((a) => (
                  <option key={a.name} value={`${KEPT}${a.name}`}>
                    {a.name} · {ti(`attributeTypes.${a.type}`)}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </label>
        <ExportTableButton
          table="diagnostics.breakdown"
          filters={{ runId, ...(keptName === null ? { attribute } : { keptAttribute: keptName }) }}
          fileName={`${t('ui.breakdown.title')}-${heading}`}
          testId="diag-breakdown-export"
        />
      </div>
      <div className="breakdown-scroll">
        <table className="table compact">
          <thead>
            <tr>
              <th>{heading}</th>
              <th className="num">{t('ui.breakdown.customers')}</th>
              <th className="num">{t('ui.breakdown.active')}</th>
              <th className="num" title={metricTitle(t, 'retentionRate')}>
                {t('ui.breakdown.retention')} ⓘ
              </th>
              <th className="num" title={metricTitle(t, 'churnRate')}>
                {t('ui.breakdown.churn')} ⓘ
              </th>
              {rr ? (
                <th className="num" title={metricTitle(t, 'grr')}>
                  {t('ui.breakdown.grr')} ⓘ
                </th>
              ) : null}
              {rr ? (
                <th className="num" title={metricTitle(t, 'nrr')}>
                  {t('ui.breakdown.nrr')} ⓘ
                </th>
              ) : null}
              <th className="num" title={metricTitle(t, 'revenue12m')}>
                {t('ui.breakdown.revenue12m')} ⓘ
              </th>
              <th className="bar-col">{t('ui.breakdown.tiers')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => {
              const tiered = TIERS.reduce((a, x) => a + (g.tiers[x] ?? 0), 0);
              return (
                <tr key={g.value ?? '\u0000'} className="clickable" onClick={() => onDrill(drillOf(g))}>
                  <td>{label(g.value)}</td>
                  <td className="num">{fmt.int(g.customers)}</td>
                  <td className="num">{fmt.int(g.active)}</td>
                  <td className="num" title={absentText(t, g.retention.retentionRate.reason)}>
                    {fmt.pct(g.retention.retentionRate.value)}
                  </td>
                  <td className="num" title={absentText(t, g.retention.churnRate.reason)}>
                    {fmt.pct(g.retention.churnRate.value)}
                  </td>
                  {rr ? (
                    <td className="num" title={absentText(t, g.grr?.reason ?? null)}>
                      {fmt.pct(g.grr?.value ?? null)}
                    </td>
                  ) : null}
                  {rr ? (
                    <td className="num" title={absentText(t, g.nrr?.reason ?? null)}>
                      {fmt.pct(g.nrr?.value ?? null)}
                    </td>
                  ) : null}
                  <td className="num">{fmt.money(g.revenue12m)}</td>
                  <td className="bar-col">
                    <div className="stack-bar">
                      {TIERS.map((x) =>
                        g.tiers[x] ? (
                          <span
                            key={x}
                            className={`seg tier-${x}`}
                            style={{ width: `${(100 * (g.tiers[x] ?? 0)) / Math.max(1, tiered)}%` }}
                            title={`${t(`tiers.names.${x}`)} ${g.tiers[x]}`}
                          />
                        ) : null,
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small formula">{t('ui.breakdown.hint', { period })}</p>
    </div>
  );
}

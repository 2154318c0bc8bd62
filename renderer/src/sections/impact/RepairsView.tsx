import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPAIR_DIMENSIONS, type RepairGroup } from '../../../../shared/impact/repairs';
import type { RepairSuccessReport } from '../../../../shared/impact/views';
import { formatIndicator } from '../../../../shared/impact/format';
import { useWorkbench } from '../../app/context';

const rate = (g: RepairGroup): string => (g.successRate === null ? '—' : `${(g.successRate * 100).toFixed(1)}%`);

export function RepairsView() {
  const { t } = useTranslation('impact');
  const { t: th } = useTranslation('health');
  const wb = useWorkbench();
  const [r, setR] = useState<RepairSuccessReport | null>(null);
  useEffect(() => {
    wb.api['impact.repairs']({}).then(setR, wb.reportError);
  }, [wb.api, wb.reportError, wb.workspace?.path]);
  if (!r) return null;
  const keyLabel = (dim: (typeof REPAIR_DIMENSIONS)[number], key: string): string => {
    if (dim === 'severity') return t(`repairs.severity.${key}`, { defaultValue: key });
    if (dim === 'rule') return key === '—' ? t('repairs.noRule') : th(`signals.${key}.name`, { defaultValue: key });
    if (dim === 'actionType') return th(`actions.${key}.title`, { defaultValue: key });
    return key;
  };
  return (
    <div className="section-stack" data-testid="impact-repairs">
      <div className="card">
        <h3>{t('repairs.heading')}</h3>
        <p className="muted small">{t('repairs.note')}</p>
        <div className="kpi-grid">
          <div className="kpi">
            <span className="kpi-label">{t('repairs.highRisk')}</span>
            <span className="kpi-value">{rate(r.highRisk)}</span>
            <span className="muted small">
              {r.highRisk.held} / {r.highRisk.checked}
            </span>
          </div>
          <div className="kpi">
            <span className="kpi-label">{t('repairs.winBack')}</span>
            <span className="kpi-value">{formatIndicator(r.winBack, wb.locale)}</span>
            <span className="muted small">
              {r.winBack.value === null
                ? t(`indicators.absent.${r.winBack.absentReason ?? 'unknown'}`)
                : `${r.winBack.numerator} / ${r.winBack.denominator} · ${t('repairs.yearNote', { asOf: r.asOf })}`}
            </span>
          </div>
          <div className="kpi">
            <span className="kpi-label">{t('repairs.cols.actions')}</span>
            <span className="kpi-value">{r.total.actions}</span>
            <span className="muted small">
              {t('repairs.cols.closed')} {r.total.closed} · {t('repairs.cols.held')} {r.total.held}
            </span>
          </div>
        </div>
        {r.total.actions === 0 && <p className="muted">{t('repairs.empty')}</p>}
      </div>
      {r.total.actions > 0 &&
        REPAIR_DIMENSIONS.map((dim) => (
          <div className="card" key={dim}>
            <h3>{t(`repairs.by.${dim}`)}</h3>
            <table className="table" data-testid={`impact-repairs-${dim}`}>
              <thead>
                <tr>
                  <th>{t('repairs.cols.key')}</th>
                  <th className="num">{t('repairs.cols.actions')}</th>
                  <th className="num">{t('repairs.cols.closed')}</th>
                  <th className="num">{t('repairs.cols.held')}</th>
                  <th className="num">{t('repairs.cols.partial')}</th>
                  <th className="num">{t('repairs.cols.notHeld')}</th>
                  <th className="num">{t('repairs.cols.other')}</th>
                  <th className="num">{t('repairs.cols.rate')}</th>
                </tr>
              </thead>
              <tbody>
                {r.by[dim].map((g) => (
                  <tr key={g.key}>
                    <td>{keyLabel(dim, g.key)}</td>
                    <td className="num">{g.actions}</td>
                    <td className="num">{g.closed}</td>
                    <td className="num">{g.held}</td>
                    <td className="num">{g.partial}</td>
                    <td className="num">{g.notHeld}</td>
                    <td className="num">
                      {g.insufficientData} / {g.notYetDue} / {g.unchecked}
                    </td>
                    <td className="num">{rate(g)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { ReportExportEntry } from '../../../../shared/reports/definition';
import { formatBytes } from '../../format';

export function ExportHistory({ entries }: { entries: readonly ReportExportEntry[] }) {
  const { t } = useTranslation('reports');
  return (
    <div className="card" data-testid="report-history">
      <h2>{t('ui.history')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t('ui.noHistory')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('ui.col.at')}</th>
              <th>{t('ui.col.kind')}</th>
              <th>{t('ui.col.sections')}</th>
              <th>{t('ui.col.pseudonymised')}</th>
              <th className="num">{t('ui.col.size')}</th>
              <th>{t('ui.col.path')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td className="nowrap">{e.at.replace('T', ' ').slice(0, 16)}</td>
                <td>
                  <span className="badge">{e.kind.toUpperCase()}</span> <span className="muted small">{t(`ui.languages.${e.language}`)}</span>
                </td>
                <td className="small">{t('ui.sectionsCount', { n: e.sections.length })}</td>
                <td>{e.pseudonymised ? t('yes') : t('no')}</td>
                <td className="num nowrap">{formatBytes(e.bytes)}</td>
                <td className="mono small rp-path" title={e.path}>
                  {e.path}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

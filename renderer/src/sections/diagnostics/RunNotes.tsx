import { useTranslation } from 'react-i18next';
import { windowStatement, type DiagnosticRunResult } from '../../../../shared/analytics';
import type { Fmt } from './labels';

/** The run's activity window with its basis, and its notices about the edges of the data. */
export function RunNotes({ result, fmt }: { result: DiagnosticRunResult; fmt: Fmt }) {
  const { t } = useTranslation('analytics');
  const w = windowStatement(result.window, (n) => fmt.int(n));
  const windowLine = t(w.key, w.params);
  const params = (p: Record<string, string | number>) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === 'number' ? fmt.int(v) : v]));
  return (
    <div className="card run-notes" data-testid="diag-notes">
      <p className="small window-line" data-testid="diag-window-line">
        {windowLine}
      </p>
      {result.notices.length > 0 ? (
        <ul className="notice-list" aria-label={t('ui.noticesTitle')}>
          {result.notices.map((n) => (
            <li key={n.code} className="small" data-testid={`diag-notice-${n.code}`}>
              {t(`notices.${n.code}`, params(n.params))}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

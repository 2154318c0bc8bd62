import { reasonText } from '../../../../shared/churn/labels';
import type { ChurnScoreRow } from '../../../../shared/churn/types';
import { pct, useNamespacedT } from './format';

/** A table cell: the churn probability, with the top reasons in words on hover. */
export function ChurnCell({ score }: { score: ChurnScoreRow | null | undefined }) {
  const { t, locale } = useNamespacedT();
  if (score === undefined) return <span className="muted">…</span>;
  if (score === null) return <span className="muted">—</span>;
  return (
    <span title={score.reasons.map((r) => reasonText(r, t, locale)).join('\n')} data-testid="diag-churn-cell">
      {pct(score.probability)}
    </span>
  );
}

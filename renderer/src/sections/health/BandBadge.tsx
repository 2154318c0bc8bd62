import { useTranslation } from 'react-i18next';
import type { Band, Trend } from '../../../../shared/health/score';
import type { Severity } from '../../../../shared/health/vocabulary';
import { fmtScore } from './labels';

export function ScorePill({ score, band }: { score: number | null; band: Band | null }) {
  return <span className={`score-pill band-${band ?? 'none'}`}>{fmtScore(score)}</span>;
}

export function BandBadge({ band }: { band: Band | null }) {
  const { t } = useTranslation('health');
  return <span className={`band-badge band-${band ?? 'none'}`}>{t(`bands.${band ?? 'none'}`)}</span>;
}

export function TrendArrow({ trend }: { trend: Trend | null }) {
  const { t } = useTranslation('health');
  if (!trend) return <span className="trend trend-none">·</span>;
  const glyph = trend === 'up' ? '▲' : trend === 'down' ? '▼' : '▶';
  return (
    <span className={`trend trend-${trend}`} title={t(`trend.${trend}`)} aria-label={t(`trend.${trend}`)}>
      {glyph}
    </span>
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation('health');
  return <span className={`sev-badge sev-${severity}`}>{t(`severities.${severity}`)}</span>;
}

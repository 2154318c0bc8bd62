// Labels of a review's traits and timeline events (the section, the presenter and the report agree).
import type { ChurnReview, TimelineEvent } from '../../../../shared/churn-review/types';
import type { Locale } from '../../../../shared/errors';

type T = (key: string, params?: Record<string, string | number>) => string;

export function traitText(r: ChurnReview['traits']['rows'][number], review: ChurnReview, t: T, tHealth: T, locale: Locale): string {
  const dim = r.dimension.startsWith('attr:') ? r.dimension.slice(5) : t(`review.traits.dimension.${r.dimension}`);
  let value = r.value;
  if (r.dimension === 'tenure') value = t(`review.traits.tenure.${r.value}`);
  else if (r.dimension === 'nps') value = t(`review.traits.nps.${r.value}`);
  else if (r.dimension === 'theme') value = review.themeNames[r.value]?.[locale] ?? r.value;
  else if (r.dimension === 'signal') value = tHealth(`signals.${r.value}.name`);
  return `${dim}: ${value}`;
}

/** One timeline line: what happened, in the reader's language (codes from other domains through their catalogues). */
export function eventText(e: TimelineEvent, t: T, tHealth: T): string {
  switch (e.kind) {
    case 'signal':
      return `${t('review.event.signal')} · ${tHealth(`signals.${e.code}.name`)}${e.detail ? ` — ${e.detail}` : ''} (${e.actedOn ? t('review.event.actedYes') : t('review.event.actedNo')})`;
    case 'action':
      return `${t('review.event.action')} · ${tHealth(`actions.${e.code}.title`)}${e.detail ? ` · ${e.detail}` : ''} (${e.actedOn ? t('review.event.actedYes') : t('review.event.actedNo')})`;
    case 'health':
      return `${t('review.event.health')} · ${tHealth(`bands.${e.code}`)} ${e.detail}`;
    case 'churnRisk':
      return `${t('review.event.churnRisk')} · ${e.detail}`;
    case 'survey':
      return `${t('review.event.survey')} · ${e.detail}`;
    case 'communication':
      return `${t(`signals.kind.${e.code}`)} · ${e.detail}`;
    case 'ticket':
      return `${t('review.event.ticket')} · ${t(`review.event.${e.code}`)} · ${e.detail}`;
  }
}

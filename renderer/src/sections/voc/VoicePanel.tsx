import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerVoice } from '../../../../shared/voc/types';
import { useWorkbench } from '../../app/context';
import './voc.css';

/** The customer card's voice-of-the-customer entry: last answers and comments, signal sentences, churn reviews. */
export function VoicePanel({ customerKey }: { customerKey: string }) {
  const { t } = useTranslation('voc');
  const wb = useWorkbench();
  const [v, setV] = useState<CustomerVoice | null>(null);
  useEffect(() => {
    wb.api['voc.customer']({ customerKey }).then(setV, wb.reportError);
  }, [wb.api, wb.reportError, customerKey]);
  if (!v || (v.answers === 0 && v.communication.length === 0 && v.reviews.length === 0)) return null;
  const last = v.recent[0];
  return (
    <section className="card" data-testid="card-voice">
      <div className="card-header">
        <h3>{t('card.heading')}</h3>
        <span className="muted small">
          {t('card.answers', { count: v.answers })}
          {last ? ` · ${t('card.lastNps')} ${last.nps ?? '–'} (${last.date})` : ''}
        </span>
      </div>
      <ul className="voc-example-list">
        {v.recent
          .filter((r) => r.comment)
          .slice(0, 3)
          .map((r) => (
            <li key={`${r.date}-${r.comment}`} className="small">
              “{r.comment}”{' '}
              <span className="muted">
                {r.date} · NPS {r.nps ?? '–'}
              </span>
            </li>
          ))}
        {v.communication.slice(0, 3).map((f) => (
          <li key={`${f.rowId}-${f.kind}`} className="small">
            <span className={`badge voc-kind-${f.kind}`}>{t(`signals.kind.${f.kind}`)}</span> {f.sentence} <span className="muted">{f.date}</span>
          </li>
        ))}
      </ul>
      {v.reviews.length > 0 && (
        <p className="small">
          {v.reviews.map((r) => (
            <a key={r.id} href="#/e/churnReview" className="badge">
              {t('card.inReview', { period: r.period })}
            </a>
          ))}
        </p>
      )}
    </section>
  );
}

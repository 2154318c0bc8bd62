import { useTranslation } from 'react-i18next';
import type { MovementPreview } from '../../../../shared/params/movement';

interface Props<K extends string> {
  preview: MovementPreview<K>;
  /** The category's name (a tier, a lifecycle stage). */
  name: (id: K) => string;
  int: (n: number) => string;
  testId: string;
}

const MOVES_SHOWN = 6;

/** Customers per category before → after on the same data, and the largest moves between categories. */
export function MovementTable<K extends string>({ preview, name, int, testId }: Props<K>) {
  const { t } = useTranslation('params');
  return (
    <div data-testid={testId}>
      <p className="pm-preview-line" data-testid={`${testId}-line`}>
        {t('ui.movement.line', { moved: int(preview.moved), customers: int(preview.customers), runId: preview.runId, asOf: preview.asOf })}
      </p>
      <div className="pm-movement">
        <table className="table pm-counts">
          <thead>
            <tr>
              <th />
              <th className="num">{t('ui.movement.was')}</th>
              <th className="num">{t('ui.movement.now')}</th>
              <th className="num">{t('ui.movement.change')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.counts.map((c) => (
              <tr key={c.id} data-testid={`${testId}-${c.id}`}>
                <td>{name(c.id)}</td>
                <td className="num">{int(c.was)}</td>
                <td className={`num${c.now !== c.was ? ' pm-changed' : ''}`}>{int(c.now)}</td>
                <td className="num">{c.now === c.was ? '–' : `${c.now > c.was ? '+' : '−'}${int(Math.abs(c.now - c.was))}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {preview.moves.length > 0 ? (
          <ul className="pm-moves small">
            {preview.moves.slice(0, MOVES_SHOWN).map((m) => (
              <li key={`${m.from}-${m.to}`}>{t('ui.movement.move', { from: name(m.from), to: name(m.to), n: int(m.customers) })}</li>
            ))}
            {preview.moves.length > MOVES_SHOWN ? <li className="muted">{t('ui.movement.more', { n: preview.moves.length - MOVES_SHOWN })}</li> : null}
          </ul>
        ) : (
          <p className="muted small">{t('ui.movement.none')}</p>
        )}
      </div>
    </div>
  );
}

import type { ClvCustomerRow } from '../../../../shared/clv/types';
import { pct } from './format';
import { useMoney } from '../../app/money';

/** Customer-table cells: P(alive) and CLV from the latest CLV run ('…' while loading, '—' when not in it). */
export function ClvAliveCell({ row }: { row: ClvCustomerRow | null | undefined }) {
  if (row === undefined) return <span className="muted">…</span>;
  if (row === null) return <span className="muted">—</span>;
  return <span data-testid="diag-clv-alive">{pct(row.pAlive)}</span>;
}

export function ClvValueCell({ row }: { row: ClvCustomerRow | null | undefined; locale: string }) {
  const money = useMoney();
  if (row === undefined) return <span className="muted">…</span>;
  if (row === null || row.clv === null) return <span className="muted">—</span>;
  const interval = row.clvLow !== null && row.clvHigh !== null ? `95%: ${money(row.clvLow)} – ${money(row.clvHigh)}` : undefined;
  return (
    <span title={interval} data-testid="diag-clv-value">
      {money(row.clv)}
    </span>
  );
}

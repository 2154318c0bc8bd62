import { hash } from 'node:crypto';

// A row with no id of its own (order lines, interactions, surveys, usage) is keyed by a hash of its
// canonical values, so the same row exported again (even with dates or amounts written differently)
// is recognised as a duplicate. crypto.hash is one native call per row: a JS hash loop was slower
// over a million rows, and 160 bits make an accidental collision (a silently skipped row) a
// non-event. The k-th identical row within one import gets '#k' appended (see pipeline.ts).

const SEP = '\u001f';

/**
 * Key of a row from its statement parameters (from index `from` on: row_key and batch_id excluded),
 * after `prefix`. Order lines are prefixed with their order id: keys then arrive roughly in file order,
 * so the unique index grows at its end instead of at a random page per row (several times faster over
 * a million lines), and the 96 bits of hash left only need to tell apart the lines of one order.
 */
export function fingerprint(params: readonly unknown[], from: number, prefix = ''): string {
  let s = '';
  for (let i = from; i < params.length; i++) {
    const v = params[i];
    if (v !== null && v !== undefined) s += typeof v === 'string' ? v : String(v);
    s += SEP;
  }
  const h = hash('sha1', s, 'base64');
  return prefix.length > 0 ? `${prefix}\u001f${h.slice(0, 16)}` : h;
}

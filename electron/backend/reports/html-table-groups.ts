// How a report table's rows are grouped for print, so a page break never leaves a table's header
// alone at the foot of a page, nor a page holding only the last one to three rows of a table.
// Chromium honours `orphans`/`widows` on lines of text, not on table rows, but it does honour
// `break-inside: avoid` on a <tbody> (LayoutNG table fragmentation): the first rows go in one
// unbreakable group (the repeated header and title stay with them), the last rows in another, and a
// short table is one group kept whole with its title and note (html-style.ts: .keep).

/** Rows kept with the header (and the block title) at the top of the table. */
export const HEAD_ROWS = 3;
/** Rows kept together at the end: a page continuing a table holds at least this many of its rows. */
export const TAIL_ROWS = 4;
/**
 * Up to this many rows the whole table (title, header, rows, note) moves to the next page as one: the
 * tables that are a single kept row group anyway. Not more: rows of quoted comments can be tall, and
 * moving a ten-row table of them whole left half a page empty and pushed the next table onto a page of its own.
 */
export const KEEP_WHOLE_ROWS = HEAD_ROWS + TAIL_ROWS;

/** Consecutive [start, end) row ranges, one <tbody> each; every group but a long middle one is unbreakable. */
export function tableRowGroups(rows: number): { start: number; end: number; keep: boolean }[] {
  if (rows <= 0) return [];
  if (rows <= HEAD_ROWS + TAIL_ROWS) return [{ start: 0, end: rows, keep: true }];
  const groups = [{ start: 0, end: HEAD_ROWS, keep: true }];
  if (rows - TAIL_ROWS > HEAD_ROWS) groups.push({ start: HEAD_ROWS, end: rows - TAIL_ROWS, keep: false });
  groups.push({ start: rows - TAIL_ROWS, end: rows, keep: true });
  return groups;
}

/** A short table is kept whole on one page when it fits. */
export function keepTableWhole(rows: number): boolean {
  return rows <= KEEP_WHOLE_ROWS;
}

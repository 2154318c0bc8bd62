// Finding the header row under the title rows clients put above it ("XX公司客户订单导出 2024年" in A1,
// an export date, a blank row) by the shape of the rows rather than a fixed offset.
import { cleanText, isBlankCell, type RawCell } from './text';
import { isKnownHeader } from './synonyms';
import { parseDate, parseMoney } from './values';

export interface HeaderRowGuess {
  /** 0-based index into the rows given. */
  index: number;
  /** 0-1: high when the row is wide, all text, distinct, and its words are known headers. */
  confidence: number;
}

function nonEmpty(row: readonly RawCell[]): RawCell[] {
  return row.filter((c) => !isBlankCell(c));
}

function looksLikeValue(cell: RawCell): boolean {
  if (typeof cell !== 'string') return true;
  return parseMoney(cell).ok || parseDate(cell).ok;
}

/** The most common width among rows with at least two cells: the table's width. */
function tableWidth(widths: number[]): number {
  const counts = new Map<number, number>();
  for (const w of widths) if (w >= 2) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [w, c] of counts) {
    if (c > bestCount || (c === bestCount && w > best)) {
      best = w;
      bestCount = c;
    }
  }
  return best;
}

export function detectHeaderRow(rows: readonly (readonly RawCell[])[], maxScan = 30): HeaderRowGuess {
  const widths = rows.map((r) => nonEmpty(r).length);
  const width = tableWidth(widths);
  if (width === 0) {
    const first = widths.findIndex((w) => w > 0);
    return { index: Math.max(0, first), confidence: 0.3 };
  }
  // A header names (nearly) every column of the table; title and "导出时间：…" rows name one or two.
  const minWidth = Math.max(2, Math.ceil(width * 0.5));
  const candidates: { index: number; textShare: number; known: number; width: number }[] = [];
  for (let i = 0; i < Math.min(rows.length, maxScan); i++) {
    const cells = nonEmpty(rows[i] ?? []);
    if (cells.length < minWidth) continue;
    const texts = cells.filter((c) => !looksLikeValue(c)).map((c) => cleanText(String(c)));
    const textShare = texts.length / cells.length;
    if (textShare < 0.6) continue;
    if (new Set(texts).size < texts.length * 0.8) continue;
    const known = texts.filter((t) => isKnownHeader(t)).length;
    candidates.push({ index: i, textShare, known, width: cells.length });
  }
  if (candidates.length === 0)
    return {
      index: Math.max(
        0,
        widths.findIndex((w) => w >= 2),
      ),
      confidence: 0.2,
    };
  // Data rows of a list of names are all text too, but come after the header: take the first candidate,
  // unless it knows no header word and a later one knows several (a wide "report parameters" row).
  const first = candidates[0]!;
  const knownOne = candidates.find((c) => c.known >= Math.min(2, c.width));
  const pick = first.known === 0 && knownOne !== undefined ? knownOne : first;
  const confidence = Math.min(1, 0.4 + 0.3 * pick.textShare + 0.3 * Math.min(1, pick.known / Math.max(1, pick.width / 2)));
  return { index: pick.index, confidence: Math.round(confidence * 100) / 100 };
}

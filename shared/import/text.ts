// Text clean-up shared by value parsing, header matching and header-row detection.

/** A cell as a reader hands it over: CSV gives strings; XLSX also numbers, booleans and dates as ISO strings. */
export type RawCell = string | number | boolean | null;

// Zero-width space, zero-width no-break space (a BOM left inside a cell) and NBSP survive String.trim
// in some exports from WPS and web CRMs; strip them too.
const EDGE_JUNK = /^[\s\u200B\uFEFF\u00A0]+|[\s\u200B\uFEFF\u00A0]+$/g;

/** Trim, and fold full-width forms (１２３４．５, ￥, （）, full-width space) to ASCII, but only when needed. */
export function cleanText(s: string): string {
  let t = s;
  // NFKC is the expensive step; ASCII-only cells (the vast majority in big files) skip it.
  if (!isAscii(t)) t = t.normalize('NFKC');
  return t.replace(EDGE_JUNK, '');
}

export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7e) return false;
  return true;
}

export function isBlankCell(cell: RawCell | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  if (cell.length === 0) return true;
  return cleanText(cell).length === 0;
}

export function isBlankRow(row: readonly RawCell[]): boolean {
  for (const c of row) if (!isBlankCell(c)) return false;
  return true;
}

/** A cell's text as a user would read it (numbers as JS prints them, booleans as TRUE/FALSE like Excel). */
export function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

const BRACKETED = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|<[^<>]*>|《[^《》]*》/g;
const HEADER_NOISE = /[\s_\-./\\:：*#'"`·、,;]+/g;

export interface NormalisedHeader {
  /** Lower-case, full-width folded, punctuation and spaces removed, bracket content kept. */
  full: string;
  /** As full, but with bracketed parts (units like (元), notes like 【必填】) removed. */
  core: string;
  /** What the brackets said (e.g. ['元'] or ['万元']), lower-cased, for unit detection. */
  bracketed: string[];
  /** Latin words of the header (customerId -> customer, id), for word-boundary matching. */
  words: string[];
}

export function normaliseHeader(header: string): NormalisedHeader {
  const text = cleanText(header);
  const bracketed: string[] = [];
  const withoutBrackets = text.replace(BRACKETED, (m) => {
    bracketed.push(m.slice(1, -1).trim().toLowerCase());
    return ' ';
  });
  const squash = (s: string): string => s.toLowerCase().replace(/[()[\]【】〔〕<>《》]/g, '').replace(HEADER_NOISE, '');
  const words = text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  return { full: squash(text), core: squash(withoutBrackets), bracketed, words };
}

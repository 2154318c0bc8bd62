// Text clean-up shared by value parsing, header matching and header-row detection.

/** A cell as a reader hands it over: CSV gives strings; XLSX also numbers, booleans and dates as ISO strings. */
export type RawCell = string | number | boolean | null;

// Zero-width space, zero-width no-break space (a BOM left inside a cell) and NBSP survive String.trim
// in some exports from WPS and web CRMs; strip them too.
const EDGE_JUNK = /^[\s\u200B\uFEFF\u00A0]+|[\s\u200B\uFEFF\u00A0]+$/g;

// Blocks where NFKC changes something that matters here: Latin-1 symbols (NBSP, ²), general
// punctuation and letterlike symbols (… ℃ №), Kangxi radicals, the ideographic space, enclosed and
// compatibility CJK (① ㎡), compatibility ideographs, presentation forms and the full-width block
// (１２３４．５ ￥ （）), and astral mathematical/enclosed letters (via their surrogates).
const COMPATIBILITY_FORMS = /[\u00A0-\u00BF\u02B0-\u02FF\u2000-\u2BFF\u2E80-\u2FDF\u3000\u3131-\u318F\u3200-\u33FF\uF900-\uFAFF\uFB00-\uFFEF\uD835\uD83C]/;

/** Trim, and fold full-width forms (１２３４．５, ￥, （）, full-width space) to ASCII, but only when needed. */
export function cleanText(s: string): string {
  // Fast path for the usual cell: printable ASCII with no space at either end needs nothing done.
  const n = s.length;
  if (n > 0) {
    const first = s.charCodeAt(0);
    const last = s.charCodeAt(n - 1);
    if (first > 32 && first < 127 && last > 32 && last < 127 && isAscii(s)) return s;
  }
  let t = s;
  // NFKC is the expensive step: only text holding width or compatibility forms goes through it. CJK
  // ideographs themselves (U+4E00-9FFF) are unchanged by NFKC, so 上海申江 skips it.
  if (!isAscii(t) && COMPATIBILITY_FORMS.test(t)) t = t.normalize('NFKC');
  if (t.length === 0 || (!isEdgeJunk(t.charCodeAt(0)) && !isEdgeJunk(t.charCodeAt(t.length - 1)))) return t;
  return t.replace(EDGE_JUNK, '');
}

function isEdgeJunk(c: number): boolean {
  return (
    c <= 32 ||
    c === 0x7f ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7e) return false;
  return true;
}

export function isBlankCell(cell: RawCell | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  if (cell.length === 0) return true;
  const first = cell.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  // A CJK ideograph is neither edge junk nor changed by NFKC: the cell is not blank (spares the
  // normalisation test for the usual Chinese cell).
  if (first >= 0x4e00 && first <= 0x9fff) return false;
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
  /** The header's parts between separators and brackets (省/自治区 -> 省, 自治区), squashed like core. */
  segments: string[];
}

export function normaliseHeader(header: string): NormalisedHeader {
  const text = cleanText(header);
  const bracketed: string[] = [];
  const withoutBrackets = text.replace(BRACKETED, (m) => {
    bracketed.push(m.slice(1, -1).trim().toLowerCase());
    return ' ';
  });
  const squash = (s: string): string =>
    s
      .toLowerCase()
      .replace(/[()[\]【】〔〕<>《》]/g, '')
      .replace(HEADER_NOISE, '');
  const words = text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  const segments = withoutBrackets
    .toLowerCase()
    .split(HEADER_NOISE)
    .map(squash)
    .filter((x) => x.length > 0);
  return { full: squash(text), core: squash(withoutBrackets), bracketed, words, segments };
}

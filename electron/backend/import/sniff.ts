// What kind of file this is, and for delimited text: its encoding, delimiter and line ending, judged
// from a sample of the first bytes so a million-row file is not read twice.
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import Papa from 'papaparse';
import { ImportFileError } from './errors';

import type { Delimiter, FileFormat, Newline } from '../../../shared/import/preview-types';

export type { Delimiter, FileFormat, Newline } from '../../../shared/import/preview-types';

export const DELIMITERS: readonly Delimiter[] = [',', '\t', ';', '|'];
export const SNIFF_BYTES = 256 * 1024;

export interface EncodingGuess {
  /** An iconv-lite encoding name: UTF-8, UTF-16LE, UTF-16BE, GB18030, Big5, ... */
  encoding: string;
  bom: boolean;
  /** 1 for a BOM or valid UTF-8 with non-ASCII text; lower for statistical guesses. */
  confidence: number;
}

export interface DelimiterGuess {
  delimiter: Delimiter;
  /** Share of the sample's multi-field rows that have the table's modal field count. */
  confidence: number;
}

export interface TextSniff extends EncodingGuess {
  delimiter: Delimiter;
  delimiterConfidence: number;
  newline: Newline;
}

export async function readHead(path: string, bytes = SNIFF_BYTES): Promise<{ head: Buffer; size: number; mtimeMs: number }> {
  const fh = await open(path, 'r');
  try {
    const { size, mtimeMs } = await fh.stat();
    const buf = Buffer.alloc(Math.min(bytes, size));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return { head: buf.subarray(0, bytesRead), size, mtimeMs };
  } finally {
    await fh.close();
  }
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * CSV or XLSX by content first, extension second. Legacy .xls is refused with how to convert it: it
 * needs a BIFF reader we do not ship. Web systems often export an HTML table or tab-separated text
 * named .xls; the HTML is refused the same way, the text is read as what it is.
 */
export function detectFormat(path: string, head: Uint8Array): FileFormat {
  const file = basename(path);
  const ext = extname(path).toLowerCase();
  if (head.length === 0) throw new ImportFileError('file_empty', { file });
  const buf = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (buf.subarray(0, 8).equals(OLE_MAGIC)) throw new ImportFileError('xls_legacy', { file });
  if (buf.subarray(0, 4).equals(ZIP_MAGIC)) {
    if (ext === '.xlsx' || ext === '.xlsm' || ext === '' || ext === '.xls') return 'xlsx';
    throw new ImportFileError('format_unknown', { file });
  }
  const text = decodeSample(buf, detectEncoding(buf)).slice(0, 2048).trimStart().toLowerCase();
  if (/^<(!doctype\s+html|html|table|\?xml)/.test(text) || (ext === '.xls' && text.includes('<table'))) {
    if (ext === '.xls' || ext === '.xlsx') throw new ImportFileError('xls_html', { file });
    throw new ImportFileError('format_unknown', { file });
  }
  if (ext === '.xlsx' || ext === '.xlsm') throw new ImportFileError('workbook_unreadable', { file, cause: 'not a zip archive' });
  if (looksBinary(buf)) throw new ImportFileError('format_unknown', { file });
  return 'csv';
}

// Images, PDFs and archives renamed to .csv: their magic, or control bytes text never holds.
const BINARY_MAGIC = [
  Buffer.from([0x89, 0x50, 0x4e, 0x47]), // PNG
  Buffer.from('%PDF-'),
  Buffer.from([0xff, 0xd8, 0xff]), // JPEG
  Buffer.from('GIF8'),
  Buffer.from([0x1f, 0x8b]), // gzip
  Buffer.from([0x37, 0x7a, 0xbc, 0xaf]), // 7z
  Buffer.from('Rar!'),
];

/**
 * Binary, not text with a stray byte: a known magic, or control characters (other than tab, line
 * ends, form feed and the DOS end-of-file mark) in more than 1% of the sample. NUL bytes alone do not
 * count: a text export with a few (a damaged disk block, a padded field) is read, and the rows that
 * hold them are set aside with their row numbers (read-limits.ts).
 */
export function looksBinary(buf: Buffer): boolean {
  if (BINARY_MAGIC.some((m) => buf.subarray(0, m.length).equals(m))) return true;
  if (looksUtf16(buf) !== null) return false;
  const n = Math.min(buf.length, 64 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b > 0 && b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a && b !== 0x1b) control++;
  }
  return control > n * 0.01;
}

function looksUtf16(buf: Buffer): 'UTF-16LE' | 'UTF-16BE' | null {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  // Mostly-ASCII text in UTF-16 has a zero in every other byte; CJK text does not, but then a BOM is
  // all but universal (Excel's "Unicode text" writes one), so only the ASCII pattern is sniffed.
  if (oddZero / pairs > 0.4 && evenZero / pairs < 0.05) return 'UTF-16LE';
  if (evenZero / pairs > 0.4 && oddZero / pairs < 0.05) return 'UTF-16BE';
  return null;
}

const CJK_ENCODINGS: Readonly<Record<string, string>> = {
  gb2312: 'GB18030',
  gbk: 'GB18030',
  gb18030: 'GB18030',
  hz: 'GB18030',
  big5: 'Big5',
  'big5-hkscs': 'Big5',
  'euc-tw': 'Big5',
};

export function detectEncoding(sample: Uint8Array): EncodingGuess {
  const buf = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: 'UTF-8', bom: true, confidence: 1 };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'UTF-16LE', bom: true, confidence: 1 };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'UTF-16BE', bom: true, confidence: 1 };
  const utf16 = looksUtf16(buf);
  if (utf16 !== null) return { encoding: utf16, bom: false, confidence: 0.8 };

  let ascii = true;
  for (const b of buf) {
    if (b > 0x7f) {
      ascii = false;
      break;
    }
  }
  // ASCII so far: UTF-8 decodes it identically, and a later non-UTF-8 byte is flagged row by row by the reader.
  if (ascii) return { encoding: 'UTF-8', bom: false, confidence: 0.6 };
  try {
    // stream: true, so a character cut by the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(buf, { stream: true });
    return { encoding: 'UTF-8', bom: false, confidence: 1 };
  } catch {
    // not UTF-8: a legacy code page
  }
  // GB18030 is a superset of GBK and GB2312 and decodes them identically; Chinese exports that are not
  // UTF-8 are nearly always one of these, so it wins unless the detector is sure of Big5.
  const guess = jschardet.detect(buf, { minimumThreshold: 0 });
  const name = (guess.encoding ?? '').toLowerCase();
  const cjk = CJK_ENCODINGS[name];
  if (cjk === 'Big5' && guess.confidence >= 0.5) return { encoding: 'Big5', bom: false, confidence: guess.confidence };
  if (cjk !== undefined || guess.language === 'zh' || cjkShare(iconv.decode(buf, 'GB18030')) > 0.2) {
    return { encoding: 'GB18030', bom: false, confidence: Math.max(0.5, Math.min(0.95, guess.confidence * 4)) };
  }
  if (guess.encoding !== null && iconv.encodingExists(guess.encoding)) return { encoding: guess.encoding, bom: false, confidence: guess.confidence };
  return { encoding: 'GB18030', bom: false, confidence: 0.3 };
}

/** Share of non-ASCII characters that are CJK ideographs (a wrong code page yields other symbols). */
function cjkShare(text: string): number {
  let nonAscii = 0;
  let cjk = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c <= 0x7f) continue;
    nonAscii++;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) cjk++;
  }
  return nonAscii === 0 ? 0 : cjk / nonAscii;
}

export function decodeSample(sample: Uint8Array, guess: EncodingGuess): string {
  return iconv.decode(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength), guess.encoding, { stripBOM: true });
}

export function detectNewline(text: string): Newline {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  const n = Math.min(text.length, 65_536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

/**
 * The delimiter that splits the sample's rows into the most consistent number of fields. Rows with a
 * single field (title rows, blank rows) do not vote. Quotes are respected, so a comma inside "1,234.50"
 * does not count for the comma.
 */
export function detectDelimiter(text: string, newline: Newline, preferred?: Delimiter): DelimiterGuess {
  // Drop a last line the sample may have cut in half.
  const cut = text.lastIndexOf(newline);
  const sample = cut > 0 ? text.slice(0, cut) : text;
  let best: { delimiter: Delimiter; score: number; confidence: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, { delimiter, newline, preview: 200, skipEmptyLines: true }).data;
    const counts = new Map<number, number>();
    let voting = 0;
    for (const r of rows) {
      if (r.length < 2) continue;
      voting++;
      counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    }
    if (voting === 0) continue;
    let modeWidth = 0;
    let modeCount = 0;
    for (const [w, c] of counts) if (c > modeCount || (c === modeCount && w > modeWidth)) [modeWidth, modeCount] = [w, c];
    const confidence = modeCount / voting;
    // Consistent rows, many of them, and more fields break ties (a comma inside text splits a few rows).
    const score = confidence * modeCount * Math.log2(modeWidth + 1) + (delimiter === preferred ? 0.01 : 0);
    if (best === null || score > best.score) best = { delimiter, score, confidence };
  }
  if (best === null) return { delimiter: preferred ?? ',', confidence: 0 };
  return { delimiter: best.delimiter, confidence: Math.round(best.confidence * 100) / 100 };
}

export function sniffText(sample: Uint8Array, path = ''): TextSniff {
  const enc = detectEncoding(sample);
  const text = decodeSample(sample, enc);
  const newline = detectNewline(text);
  const preferred: Delimiter | undefined = /\.(tsv|tab)$/i.test(path) ? '\t' : undefined;
  const d = detectDelimiter(text, newline, preferred);
  return { ...enc, delimiter: d.delimiter, delimiterConfidence: d.confidence, newline };
}

export async function sniffTextFile(path: string): Promise<TextSniff> {
  const { head } = await readHead(path);
  return sniffText(head, path);
}

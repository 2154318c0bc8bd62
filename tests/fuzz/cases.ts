// The fuzz cases: CSV and XLSX files mutated from a clean order export, each made from the run's seed
// and its own index alone (so any one case can be made again: `npm run fuzz -- --seed S --only N`).
// Kinds: byte flips, truncation, delimiter and quote chaos, mixed encodings, NUL bytes, huge fields,
// thousands of columns, binary files named .csv, corrupt zips, XML entity bombs and zip bombs.
import iconv from 'iconv-lite';
import { mulberry32 } from '../../electron/backend/demo/generator/prng';
import { columnName, deflatedRepeat, sharedStringsXml, sheetXml, workbookParts, xlsxOf, zip, type ZipPart } from './zip';

export interface FuzzCase {
  index: number;
  kind: string;
  /** File name the case is written under (its extension matters to the reader). */
  name: string;
  bytes: Buffer;
}

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const HEADER = ['订单号', '客户编号', '客户名称', '下单日期', '金额', '备注'];
const NAMES = ['华东精密', '北方重工', 'Acme Ltd', '上海某某贸易有限公司', '李雷', 'Zoë & Co', '王芳'];

function orderRows(r: Rand, n: number): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const c = int(r, 1, 40);
    rows.push([
      `SO-${String(10_000 + i)}`,
      `C${String(c).padStart(3, '0')}`,
      pick(r, NAMES),
      `2025-${String(int(r, 1, 12)).padStart(2, '0')}-${String(int(r, 1, 28)).padStart(2, '0')}`,
      (int(r, 100, 999_999) / 100).toFixed(2),
      r() < 0.2 ? '含税, 已开票' : '',
    ]);
  }
  return rows;
}

function csvText(rows: readonly (readonly string[])[], delimiter = ',', newline = '\n'): string {
  const quote = (v: string): string => (/[",\n\r;\t|]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((row) => row.map(quote).join(delimiter)).join(newline) + newline;
}

function baseCsv(r: Rand): string {
  return csvText([HEADER, ...orderRows(r, int(r, 1, 400))], ',', r() < 0.3 ? '\r\n' : '\n');
}

function flipBytes(r: Rand, b: Buffer, count: number): Buffer {
  const out = Buffer.from(b);
  for (let i = 0; i < count && out.length > 0; i++) out[int(r, 0, out.length - 1)] = int(r, 0, 255);
  return out;
}

function insertAt(b: Buffer, at: number, ins: Buffer): Buffer {
  return Buffer.concat([b.subarray(0, at), ins, b.subarray(at)]);
}

// Each kind makes one file from its own random stream.
const csvKinds: Record<string, (r: Rand) => { bytes: Buffer; ext?: string }> = {
  byteFlips: (r) => ({ bytes: flipBytes(r, Buffer.from(baseCsv(r)), int(r, 1, 40)) }),
  truncated: (r) => {
    const b = Buffer.from(baseCsv(r));
    return { bytes: b.subarray(0, int(r, 0, b.length)) };
  },
  delimiterChaos: (r) => {
    const s = baseCsv(r);
    const swaps = [';', '\t', '|', ',,', '', '\n', '\r'];
    return { bytes: Buffer.from(s.replace(/,/g, (m) => (r() < 0.15 ? pick(r, swaps) : m))) };
  },
  quoteChaos: (r) => {
    let s = baseCsv(r);
    const n = int(r, 1, 8);
    for (let i = 0; i < n; i++) {
      const at = int(r, 0, s.length);
      s = s.slice(0, at) + pick(r, ['"', '""', '"""', '"x"y', '\\"']) + s.slice(at);
    }
    return { bytes: Buffer.from(s) };
  },
  unclosedQuote: (r) => {
    const rows = [HEADER, ...orderRows(r, int(r, 5, 3000))];
    const at = int(r, 1, rows.length - 1);
    rows[at]![int(r, 0, 5)] = `"${rows[at]![0]!}`;
    return { bytes: Buffer.from(rows.map((row) => row.join(',')).join('\n') + '\n') };
  },
  mixedEncodings: (r) => {
    const rows = [HEADER, ...orderRows(r, int(r, 2, 300))];
    const parts = rows.map((row, i) => {
      const line = `${row.join(',')}\n`;
      if (i === 0) return Buffer.from(line);
      return pick(r, [
        () => Buffer.from(line),
        () => iconv.encode(line, 'GB18030'),
        () => iconv.encode(line, 'Big5'),
        () => iconv.encode(line, 'UTF-16LE'),
        () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(line)]),
      ])();
    });
    const start = pick(r, [Buffer.alloc(0), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe])]);
    return { bytes: Buffer.concat([start, ...parts]) };
  },
  nulBytes: (r) => {
    let b: Buffer = Buffer.from(baseCsv(r));
    const n = int(r, 1, r() < 0.1 ? 2000 : 6);
    for (let i = 0; i < n; i++) b = insertAt(b, int(r, 0, b.length), Buffer.from([0]));
    return { bytes: b };
  },
  hugeField: (r) => {
    const rows = [HEADER, ...orderRows(r, int(r, 1, 50))];
    const at = int(r, 1, rows.length - 1);
    const size = int(r, 30_000, 900_000);
    rows[at]![int(r, 0, 5)] = pick(r, ['x', '客', 'ab,', '"', '\n'])!.repeat(Math.ceil(size / 3));
    return { bytes: Buffer.from(csvText(rows)) };
  },
  manyColumns: (r) => {
    const width = int(r, 1000, 40_000);
    const header = Array.from({ length: width }, (_, c) => (c < HEADER.length ? HEADER[c]! : `列${c}`));
    const rows = [header];
    const n = int(r, 1, Math.max(1, Math.floor(400_000 / width)));
    for (let i = 0; i < n; i++) rows.push(header.map((_, c) => (c < 6 ? orderRows(r, 1)[0]![c]! : r() < 0.5 ? '' : String(c))));
    return { bytes: Buffer.from(csvText(rows)) };
  },
  longLine: (r) => ({ bytes: Buffer.from(`${HEADER.join(',')}\n${'SO-1,C001,王芳,2025-01-01,10.00,'.repeat(int(r, 100, 30_000))}`) }),
  headerOnly: (r) => ({ bytes: Buffer.from(`${pick(r, ['\uFEFF', ''])}${HEADER.join(',')}${pick(r, ['', '\n', '\r\n', '\n\n\n', '\n,,,,,\n'])}`) }),
  empty: (r) => ({ bytes: Buffer.from(pick(r, ['', '\n', '\uFEFF', '\r\n\r\n', ' ', ',,,'])) }),
  binaryNamedCsv: (r) => {
    const head = pick(r, [
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('%PDF-1.7\n'),
      Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      Buffer.alloc(0),
    ]);
    const body = Buffer.alloc(int(r, 10, 200_000));
    for (let i = 0; i < body.length; i++) body[i] = int(r, 0, 255);
    return { bytes: Buffer.concat([head, body]) };
  },
  zipNamedCsv: (r) => ({ bytes: xlsxOf([HEADER, ...orderRows(r, 5)]), ext: pick(r, ['.csv', '.txt', '.xls']) }),
};

const XML_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const XML_TAIL = '</sheetData></worksheet>';
const SST_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

// Bombs cost a second or two to deflate: made once per process and size.
const bombCache = new Map<string, { bytes: Buffer; size: number; crc: number }>();
function cachedBomb(key: string, make: () => { bytes: Buffer; size: number; crc: number }): { bytes: Buffer; size: number; crc: number } {
  let b = bombCache.get(key);
  if (b === undefined) {
    b = make();
    bombCache.set(key, b);
  }
  return b;
}

/** The worst workbooks: what a hostile or broken file can hold in under 1 MB. Exported for the tests. */
export const bombs = {
  /** Rows of the same cells repeated until the sheet expands to `mb` MB. */
  sheetRows(mb: number): Buffer {
    const unit = '<row><c t="inlineStr"><is><t>SO-1</t></is></c><c t="inlineStr"><is><t>C001</t></is></c><c><v>45000</v></c><c><v>12.5</v></c></row>';
    const d = cachedBomb(`rows${mb}`, () => deflatedRepeat(XML_HEAD, unit, Math.floor((mb * 1024 * 1024) / unit.length), XML_TAIL));
    return zip(workbookParts({ name: '', data: '', deflated: d }, null));
  },
  /** One row whose cells run to `mb` MB: the widest row a sheet can claim, and more. */
  wideRow(mb: number): Buffer {
    const unit = '<c><v>1</v></c>';
    const d = cachedBomb(`wide${mb}`, () => deflatedRepeat(`${XML_HEAD}<row r="1">`, unit, Math.floor((mb * 1024 * 1024) / unit.length), `</row>${XML_TAIL}`));
    return zip(workbookParts({ name: '', data: '', deflated: d }, null));
  },
  /** A shared-strings table of `mb` MB of tiny strings. */
  sharedStrings(mb: number): Buffer {
    const unit = '<si><t>a</t></si>';
    const d = cachedBomb(`sst${mb}`, () => deflatedRepeat(SST_HEAD, unit, Math.floor((mb * 1024 * 1024) / unit.length), '</sst>'));
    const { sheet } = sheetXml([
      ['订单号', '客户编号', '下单日期'],
      ['SO-1', 'C001', '2025-01-01'],
    ]);
    return zip(workbookParts(sheet, { name: '', data: '', deflated: d }));
  },
  /** One shared string of `chars` characters (the 96 KB workbook whose import took 72 s). */
  giantString(chars: number): Buffer {
    const d = cachedBomb(`giant${chars}`, () => deflatedRepeat(`${SST_HEAD}<si><t>`, 'x', chars, '</t></si><si><t>C001</t></si></sst>'));
    const sheet = `${XML_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>${XML_TAIL}`;
    return zip(workbookParts(sheet, { name: '', data: '', deflated: d }));
  },
  /** Billion laughs: nested internal entities in the shared strings. */
  entities(levels: number): Buffer {
    let dtd = '<!ENTITY e0 "lollollollollollollollollollol">';
    for (let i = 1; i <= levels; i++) dtd += `<!ENTITY e${i} "${`&e${i - 1};`.repeat(10)}">`;
    const sst = `<?xml version="1.0"?>\n<!DOCTYPE sst [${dtd}]>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&e${levels};</t></si></sst>`;
    const sheet = `${XML_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${XML_TAIL}`;
    return zip(workbookParts(sheet, sst));
  },
  /** A sheet whose directory entry says it is small while it inflates to `mb` MB. */
  lyingSizes(mb: number): Buffer {
    const unit = '<row><c><v>1</v></c><c><v>2</v></c></row>';
    const d = cachedBomb(`lie${mb}`, () => deflatedRepeat(XML_HEAD, unit, Math.floor((mb * 1024 * 1024) / unit.length), XML_TAIL));
    return zip(workbookParts({ name: '', data: '', deflated: d, claimSize: 4096 }, null));
  },
  /** `n` extra empty entries beside a good workbook. */
  manyEntries(n: number): Buffer {
    const { sheet, strings } = sheetXml([HEADER, ['SO-1', 'C001', '王芳', '2025-01-01', '1.00', '']]);
    const parts = workbookParts(sheet, sharedStringsXml(strings));
    for (let i = 0; i < n; i++) parts.push({ name: `xl/media/x${i}.bin`, data: '', store: true });
    return zip(parts);
  },
};

function baseXlsxRows(r: Rand): string[][] {
  return [HEADER, ...orderRows(r, int(r, 1, 200))];
}

const xlsxKinds: Record<string, (r: Rand) => { bytes: Buffer; ext?: string }> = {
  xlsxByteFlips: (r) => ({ bytes: flipBytes(r, xlsxOf(baseXlsxRows(r)), int(r, 1, 30)) }),
  xlsxTruncated: (r) => {
    const b = xlsxOf(baseXlsxRows(r));
    return { bytes: b.subarray(0, int(r, 0, b.length - 1)) };
  },
  xlsxDirectoryLies: (r) => {
    const b = Buffer.from(xlsxOf(baseXlsxRows(r)));
    const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const field = pick(r, [8, 10, 12, 16]);
    if (end >= 0) b.writeUInt16LE(int(r, 0, 0xffff), end + field);
    // And a central entry's sizes or offset.
    const central = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), int(r, 0, Math.max(0, end - 400)));
    if (central >= 0) b.writeUInt32LE(int(r, 0, 0xffffffff), central + pick(r, [20, 24, 42]));
    return { bytes: b };
  },
  xlsxXmlChaos: (r) => {
    const made = sheetXml(baseXlsxRows(r));
    let sheet = made.sheet;
    const strings = made.strings;
    const n = int(r, 1, 10);
    for (let i = 0; i < n; i++) {
      const at = int(r, 0, sheet.length);
      sheet =
        sheet.slice(0, at) +
        pick(r, ['<', '>', '</row>', '<c r="XFD1048576"><v>1</v></c>', '<row r="999999999">', '&', '&#0;', '<c t="s"><v>99999</v></c>', '"', '\u0000']) +
        sheet.slice(at);
    }
    return { bytes: zip(workbookParts(sheet, sharedStringsXml(strings))) };
  },
  xlsxWideDimension: (r) => {
    const width = int(r, 500, 17_000);
    const header = Array.from({ length: width }, (_, c) => (c < HEADER.length ? HEADER[c]! : `${columnName(c)}`));
    return { bytes: xlsxOf([header, ['SO-1', 'C001', '王芳', '2025-01-01', '1.00']]) };
  },
  xlsxEntityBomb: (r) => ({ bytes: bombs.entities(int(r, 2, 9)) }),
  xlsxZipBomb: (r) => {
    const mb = pick(r, [64, 200]);
    return { bytes: pick(r, [() => bombs.sheetRows(mb), () => bombs.wideRow(Math.min(mb, 256)), () => bombs.sharedStrings(mb), () => bombs.lyingSizes(mb)])() };
  },
  xlsxGiantString: (r) => ({ bytes: bombs.giantString(pick(r, [40_000, 2_000_000, 30_000_000])) }),
  xlsxManyEntries: (r) => ({ bytes: bombs.manyEntries(int(r, 100, 30_000)) }),
  xlsxNotZip: (r) => ({ bytes: Buffer.from(baseCsv(r)) }),
  xlsxHeaderOnly: () => ({ bytes: xlsxOf([HEADER]) }),
  xlsxEmptySheet: () => ({ bytes: zip(workbookParts(`${XML_HEAD}${XML_TAIL}`, null)) }),
  xlsxStoredParts: (r) => {
    const { sheet, strings } = sheetXml(baseXlsxRows(r));
    const parts: ZipPart[] = workbookParts(sheet, sharedStringsXml(strings)).map((p) => ({ ...p, store: true }));
    return { bytes: zip(parts) };
  },
};

const CSV_KINDS = Object.keys(csvKinds);
const XLSX_KINDS = Object.keys(xlsxKinds);
export const KINDS: readonly string[] = [...CSV_KINDS, ...XLSX_KINDS];

/** Case `index` of the run seeded `seed`: the same bytes every time. Every kind comes round in turn. */
export function makeCase(seed: number, index: number): FuzzCase {
  const r = mulberry32(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35));
  const kind = KINDS[index % KINDS.length]!;
  const isXlsx = kind in xlsxKinds;
  const made = isXlsx ? xlsxKinds[kind]!(r) : csvKinds[kind]!(r);
  const ext = made.ext ?? (isXlsx ? '.xlsx' : pick(r, ['.csv', '.csv', '.txt', '.tsv']));
  return { index, kind, name: `case-${index}${ext}`, bytes: made.bytes };
}

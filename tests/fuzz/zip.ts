// A minimal zip writer for the fuzz cases and the hostile-workbook tests: deflate (or store) each part
// with the platform's zlib and write local headers, the central directory and its end record by hand,
// so a case can lie in exactly the field it means to (sizes, counts, offsets) and nowhere else.
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  data: Buffer | string;
  /** Stored instead of deflated. */
  store?: boolean;
  /** Already deflated bytes (a cached bomb) with the expanded size and CRC they stand for. */
  deflated?: { bytes: Buffer; size: number; crc: number };
  /** What the directories claim, when the case lies about it. */
  claimSize?: number;
  claimCompressedSize?: number;
}

export function zip(parts: readonly ZipPart[], opts: { claimCount?: number } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    let body: Buffer;
    let size: number;
    let crc: number;
    let method: number;
    if (p.deflated !== undefined) {
      body = p.deflated.bytes;
      size = p.deflated.size;
      crc = p.deflated.crc;
      method = 8;
    } else {
      const raw = typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : p.data;
      size = raw.length;
      crc = crc32(raw);
      method = p.store === true ? 0 : 8;
      body = method === 0 ? raw : deflateRawSync(raw);
    }
    const claimedSize = p.claimSize ?? size;
    const claimedCompressed = p.claimCompressedSize ?? body.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(claimedCompressed >>> 0, 18);
    local.writeUInt32LE(claimedSize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(claimedCompressed >>> 0, 20);
    central.writeUInt32LE(claimedSize >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = Math.min(opts.claimCount ?? parts.length, 0xffff);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Sheet XML for rows of text and numbers; text as shared strings (their table returned too). */
export function sheetXml(rows: readonly (readonly (string | number)[])[]): { sheet: string; strings: string[] } {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const body: string[] = [];
  rows.forEach((row, r) => {
    const cells = row.map((v, c) => {
      const ref = `${columnName(c)}${r + 1}`;
      if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
      let i = index.get(v);
      if (i === undefined) {
        i = strings.length;
        strings.push(v);
        index.set(v, i);
      }
      return `<c r="${ref}" t="s"><v>${i}</v></c>`;
    });
    body.push(`<row r="${r + 1}">${cells.join('')}</row>`);
  });
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body.join('')}</sheetData></worksheet>`;
  return { sheet, strings };
}

export function sharedStringsXml(strings: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`;
}

/** The parts every workbook needs around its one sheet and its shared strings. */
export function workbookParts(sheet: ZipPart['data'] | ZipPart, strings: ZipPart['data'] | ZipPart | null): ZipPart[] {
  const part = (name: string, p: ZipPart['data'] | ZipPart): ZipPart => (typeof p === 'string' || Buffer.isBuffer(p) ? { name, data: p } : { ...p, name });
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="订单" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    },
  ];
  if (strings !== null) parts.push(part('xl/sharedStrings.xml', strings));
  parts.push(part('xl/worksheets/sheet1.xml', sheet));
  return parts;
}

/** A whole workbook of these rows. */
export function xlsxOf(rows: readonly (readonly (string | number)[])[]): Buffer {
  const { sheet, strings } = sheetXml(rows);
  return zip(workbookParts(sheet, sharedStringsXml(strings)));
}

/** `unit` repeated `times` times, deflated in pieces so a bomb of hundreds of MB is never held whole. */
export function deflatedRepeat(head: string, unit: string, times: number, tail: string): { bytes: Buffer; size: number; crc: number } {
  const headB = Buffer.from(head, 'utf8');
  const unitB = Buffer.from(unit, 'utf8');
  const tailB = Buffer.from(tail, 'utf8');
  // A block of many units, deflated once per copy; the copies are joined as one raw deflate stream by
  // ending every block but the last with a sync flush (a byte-aligned empty stored block).
  const perBlock = Math.max(1, Math.floor((4 * 1024 * 1024) / unitB.length));
  const block = Buffer.alloc(perBlock * unitB.length);
  for (let i = 0; i < perBlock; i++) unitB.copy(block, i * unitB.length);
  const out: Buffer[] = [];
  let crc = crc32(headB);
  out.push(deflateRawSync(headB, { finishFlush: constants.Z_SYNC_FLUSH }));
  let left = times;
  const blockDeflated = deflateRawSync(block, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const blockCrcOf = (n: number): Buffer => (n === perBlock ? block : block.subarray(0, n * unitB.length));
  while (left > 0) {
    const n = Math.min(perBlock, left);
    const piece = blockCrcOf(n);
    crc = crc32(piece, crc);
    out.push(n === perBlock ? blockDeflated : deflateRawSync(piece, { level: 9, finishFlush: constants.Z_SYNC_FLUSH }));
    left -= n;
  }
  crc = crc32(tailB, crc);
  out.push(deflateRawSync(tailB));
  return { bytes: Buffer.concat(out), size: headB.length + unitB.length * times + tailB.length, crc };
}

// The workbook's table of contents read straight from the zip's central directory: sheet names in tab
// order, hidden state, which part holds each sheet, the date system, and each sheet's <dimension>.
// Why not ask exceljs: its streaming reader sees xl/workbook.xml only when the single pass reaches it
// (exceljs's own writer stores it last), and a race in that pass sometimes loses it (exceljs issue
// #3064: "Cannot read properties of undefined (reading 'sheets')"). Reading the directory costs a few
// small reads and never decompresses a sheet in full.
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { constants, inflateRawSync } from 'node:zlib';
import { ImportFileError } from './errors';
import { READ_LIMITS } from './read-limits';
import { checkWorkbookParts } from './xlsx-limits';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export interface WorkbookDirectory {
  sheets: { name: string; state: string; part: string; rId: string; sheetId: string; lastRow: number | null }[];
  date1904: boolean;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
// The workbook's own small parts (its list of sheets, their relations) are read whole; past this they are not small.
const PART_READ_BYTES = 64 * 1024 * 1024;

async function readAt(fh: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, offset);
  return buf.subarray(0, bytesRead);
}

export async function readZipEntries(fh: FileHandle, size: number): Promise<Map<string, ZipEntry>> {
  return (await readZipDirectory(fh, size)).entries;
}

/** The central directory's entries, and the count its end record declares (a lie shows as a difference). */
export async function readZipDirectory(fh: FileHandle, size: number): Promise<{ entries: Map<string, ZipEntry>; declaredCount: number }> {
  // The end-of-central-directory record is in the last 22 bytes plus a comment of up to 64 KB.
  const tailLength = Math.min(size, 22 + 65_535);
  const tail = await readAt(fh, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no zip directory');
  const count = tail.readUInt16LE(eocd + 10);
  const dirSize = tail.readUInt32LE(eocd + 12);
  const dirOffset = tail.readUInt32LE(eocd + 16);
  if (dirOffset === 0xffffffff || count === 0xffff) throw new Error('zip64 archives are not supported');
  if (dirOffset + dirSize > size) throw new Error('damaged zip directory (it points past the end of the file)');
  if (count > READ_LIMITS.zipEntries) return { entries: new Map(), declaredCount: count };
  const dir = await readAt(fh, dirOffset, dirSize);
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let i = 0; i < count && p + 46 <= dir.length; i++) {
    if (dir.readUInt32LE(p) !== CENTRAL) throw new Error('damaged zip directory');
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
    const entry = {
      name,
      method: dir.readUInt16LE(p + 10),
      compressedSize: dir.readUInt32LE(p + 20),
      size: dir.readUInt32LE(p + 24),
      localHeaderOffset: dir.readUInt32LE(p + 42),
    };
    if (entry.localHeaderOffset + 30 + entry.compressedSize > size) throw new Error(`damaged zip directory (${name} points past the end of the file)`);
    entries.set(name, entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, declaredCount: count };
}

/** Where an entry's compressed bytes start: after its local header, whose name and extra lengths may differ from the directory's. */
export async function entryDataOffset(fh: FileHandle, entry: ZipEntry): Promise<number> {
  const local = await readAt(fh, entry.localHeaderOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) throw new Error(`damaged zip entry ${entry.name}`);
  return entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
}

/** An entry's bytes, or only its first `limit` decompressed bytes (enough to find a sheet's <dimension>). */
export async function readZipEntry(fh: FileHandle, entry: ZipEntry, limit?: number): Promise<Buffer> {
  const start = await entryDataOffset(fh, entry);
  const compressedWanted = limit === undefined ? entry.compressedSize : Math.min(entry.compressedSize, Math.max(limit, 4096));
  const data = await readAt(fh, start, compressedWanted);
  if (entry.method === 0) return limit === undefined ? data : data.subarray(0, limit);
  if (entry.method !== 8) throw new Error(`unsupported zip compression ${entry.method}`);
  if (limit === undefined) return inflateRawSync(data, { maxOutputLength: PART_READ_BYTES });
  // A prefix of a deflate stream inflates fine up to where it was cut; finishFlush keeps what was decoded.
  return inflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH }).subarray(0, limit);
}

function xmlUnescape(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (e.toLowerCase() in named) return named[e.toLowerCase()]!;
    const code = e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m?.[1] === undefined ? undefined : xmlUnescape(m[1]);
}

// Workbooks already found within the limits (path, size, mtime): the preview and the run each read
// the directory, and a large workbook's check is a full decompression pass.
const checked = new Set<string>();

export async function readWorkbookDirectory(path: string): Promise<WorkbookDirectory> {
  const fh = await open(path, 'r');
  try {
    const { size, mtimeMs } = await fh.stat();
    const { entries, declaredCount } = await readZipDirectory(fh, size);
    const key = `${path}\0${size}\0${mtimeMs}`;
    if (!checked.has(key)) {
      await checkWorkbookParts(fh, entries, declaredCount, basename(path));
      if (checked.size >= 32) checked.clear();
      checked.add(key);
    }
    const workbook = entries.get('xl/workbook.xml');
    const rels = entries.get('xl/_rels/workbook.xml.rels');
    if (workbook === undefined) throw new Error('no xl/workbook.xml');
    const wbXml = (await readZipEntry(fh, workbook)).toString('utf8');
    const relsXml = rels === undefined ? '' : (await readZipEntry(fh, rels)).toString('utf8');
    const targets = new Map<string, string>();
    for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      const id = attr(m[0], 'Id');
      const target = attr(m[0], 'Target');
      if (id !== undefined && target !== undefined) targets.set(id, target.replace(/^\/?xl\//, '').replace(/^\//, ''));
    }
    const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(wbXml)?.[0] ?? '';
    const d1904 = attr(pr, 'date1904');
    const sheets: WorkbookDirectory['sheets'] = [];
    for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
      const name = attr(m[0], 'name') ?? `Sheet${sheets.length + 1}`;
      const rId = attr(m[0], 'r:id') ?? '';
      const part = `xl/${targets.get(rId) ?? `worksheets/sheet${sheets.length + 1}.xml`}`;
      const entry = entries.get(part);
      let lastRow: number | null = null;
      if (entry !== undefined) {
        const head = (await readZipEntry(fh, entry, 4096)).toString('latin1');
        const ref = /<(?:\w+:)?dimension\s+ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(head);
        if (ref) lastRow = Number(ref[1] ?? 1);
      }
      sheets.push({ name, state: attr(m[0], 'state') ?? 'visible', part, rId, sheetId: attr(m[0], 'sheetId') ?? '', lastRow });
    }
    return { sheets, date1904: d1904 === '1' || d1904 === 'true' };
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw new ImportFileError('workbook_unreadable', { file: basename(path), cause: err instanceof Error ? err.message : String(err) }, { cause: err });
  } finally {
    await fh.close();
  }
}

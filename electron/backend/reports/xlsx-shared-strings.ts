import type ExcelJS from 'exceljs';
import { zipCaughtUp, type ZipEntryStream } from './xlsx-zip-backlog';

// xl/sharedStrings.xml written in chunks instead of as one string. exceljs renders the whole table
// (~700k strings at 100k customers: names, contacts, phones, emails, evidence) through an XmlStream
// of several pieces per string, joined at the end: a few hundred MB at the very end of the export.
// The XML is exceljs's own, character for character (SharedStringsXform, TextXform, xmlEncode of
// exceljs 4.4); the integration test compares the part with exceljs's.

interface SharedStringsInternals {
  count: number;
  values: unknown[];
}

interface WorkbookWriterInternals {
  sharedStrings: SharedStringsInternals;
  addSharedStrings(): Promise<void>;
  _openStream(path: string): ZipEntryStream & { write(text: string): unknown; end(): void };
}

const HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const CHUNK = 1 << 16;
const ENTITIES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** exceljs's xmlEncode: five entities; DEL and C0 controls other than tab, LF and CR dropped. */
// eslint-disable-next-line no-control-regex
const ENCODE = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g;
function xmlEncode(text: string): string {
  return text.replace(ENCODE, (c) => ENTITIES[c] ?? '');
}

/** One <si>: exceljs's TextXform marks text with edge whitespace or a line feed as preserved. */
function sharedStringXml(text: string): string {
  const preserve = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<si><t${preserve}>${xmlEncode(text)}</t></si>`;
}

/** Makes the workbook write its shared strings part in chunks, waiting for the zip between them. */
export function streamSharedStrings(workbook: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const book = workbook as unknown as WorkbookWriterInternals;
  const original = book.addSharedStrings.bind(book);
  book.addSharedStrings = async () => {
    const { values } = book.sharedStrings;
    // Rich text (never written by the report) or an empty table: exceljs's own way.
    if (values.length === 0 || values.some((v) => typeof v !== 'string')) return original();
    const stream = book._openStream('/xl/sharedStrings.xml');
    let xml = `${HEADER} count="${book.sharedStrings.count}" uniqueCount="${values.length}">`;
    for (const v of values as string[]) {
      xml += sharedStringXml(v);
      if (xml.length >= CHUNK) {
        stream.write(xml);
        xml = '';
        await zipCaughtUp(stream);
      }
    }
    stream.write(`${xml}</sst>`);
    stream.end();
  };
}

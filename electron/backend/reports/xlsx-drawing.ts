import type ExcelJS from 'exceljs';
import { escapeHtml } from './html-escape';

// exceljs's streaming WorksheetWriter has no addImage (only background images), yet large reports
// must stream. This adds one drawing part per sheet through the writer's own relationship writer
// and zip, at the point of commit where the <drawing> element belongs (just before legacyDrawing).
// It touches exceljs internals (4.4): the integration test reads the images back so a version bump
// that breaks this fails loudly.

const DRAWING_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
const EMU_PER_PX = 9525;

export interface SheetImage {
  png: Buffer;
  /** Zero-based top-left cell. */
  col: number;
  row: number;
  widthPx: number;
  heightPx: number;
  description: string;
}

interface WorksheetWriterInternals {
  _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
  _writeLegacyData(): void;
  _write(text: string): void;
}

interface ZipLike {
  append(data: string | Buffer, options: { name: string }): unknown;
}

interface WorkbookWriterInternals {
  zip: ZipLike;
  addContentTypes(): Promise<void>;
  addImage(image: { buffer: Buffer; extension: 'png' }): number;
}

export class StreamingDrawings {
  private count = 0;
  private readonly book: WorkbookWriterInternals;

  constructor(book: ExcelJS.stream.xlsx.WorkbookWriter) {
    this.book = book as unknown as WorkbookWriterInternals;
    const original = this.book.addContentTypes.bind(this.book);
    this.book.addContentTypes = async () => {
      const zip = this.book.zip;
      const append = zip.append.bind(zip);
      const overrides = Array.from(
        { length: this.count },
        (_, i) => `<Override PartName="/xl/drawings/drawing${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
      ).join('');
      zip.append = (data, options) =>
        append(options.name === '[Content_Types].xml' && typeof data === 'string' ? data.replace('</Types>', `${overrides}</Types>`) : data, options);
      try {
        await original();
      } finally {
        zip.append = append;
      }
    };
  }

  /** Registers the images of one sheet; call before the sheet is committed. */
  attach(sheet: ExcelJS.Worksheet, images: readonly SheetImage[]): void {
    if (images.length === 0) return;
    const ws = sheet as unknown as WorksheetWriterInternals;
    const n = ++this.count;
    const mediaNames = images.map((img) => `image${this.book.addImage({ buffer: img.png, extension: 'png' })}.png`);
    const writeLegacy = ws._writeLegacyData.bind(ws);
    ws._writeLegacyData = () => {
      const rId = ws._sheetRelsWriter.addRelationship({ Type: DRAWING_REL, Target: `../drawings/drawing${n}.xml` });
      ws._write(`<drawing r:id="${rId}"/>`);
      this.book.zip.append(drawingXml(images), { name: `xl/drawings/drawing${n}.xml` });
      this.book.zip.append(drawingRelsXml(mediaNames), { name: `xl/drawings/_rels/drawing${n}.xml.rels` });
      writeLegacy();
    };
  }
}

function drawingXml(images: readonly SheetImage[]): string {
  const anchors = images
    .map((img, i) => {
      const cx = Math.round(img.widthPx * EMU_PER_PX);
      const cy = Math.round(img.heightPx * EMU_PER_PX);
      return `<xdr:oneCellAnchor><xdr:from><xdr:col>${img.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${img.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="${cx}" cy="${cy}"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}" descr="${escapeHtml(img.description)}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId${i + 1}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${anchors}</xdr:wsDr>`;
}

function drawingRelsXml(mediaNames: readonly string[]): string {
  const rels = mediaNames.map((name, i) => `<Relationship Id="rId${i + 1}" Type="${IMAGE_REL}" Target="../media/${name}"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`;
}

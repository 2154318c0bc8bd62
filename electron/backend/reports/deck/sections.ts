import type { KeyFigure, ReportBlock, TableBlock } from '../../../../shared/reports/model';
import { cellValue } from '../../../../shared/reports/model';
import { formatValue } from '../../../../shared/reports/format';
import type { DeckContext, SectionSlides } from './context';
import { SLIDE } from './theme';
import { deckText } from './text';

// Which slides each report section contributes. A domain that wants its own slides registers a maker
// for its section id with registerDeckSection (call it at module load, beside the section builder);
// every other section gets the generic slides: its key figures, each chart, its first table.

const registry = new Map<string, SectionSlides>();

export function registerDeckSection(id: string, slides: SectionSlides): void {
  registry.set(id, slides);
}

export function sectionSlides(id: string): SectionSlides {
  return registry.get(id) ?? genericSectionSlides;
}

const MAX_TABLE_ROWS = 12;
// An executive deck, not the PDF: a section gets its key figures and its first chart (or its first
// table when it has no chart); the workbook and the PDF carry the rest.
const MAX_CHARTS = 1;
const MAX_TABLE_COLUMNS = 10;

/** The largest size up to `max` points at which the text fits one line of `width` inches (digits ≈ 0.7 em in bold). */
export function fitSize(text: string, width: number, max: number): number {
  const ems = [...text].reduce((s, c) => s + (c.charCodeAt(0) > 0x2e80 ? 1 : 0.72), 0);
  return Math.max(12, Math.min(max, Math.floor((width * 72) / Math.max(1, ems))));
}

export function figureText(ctx: DeckContext, f: KeyFigure): string {
  return typeof f.value === 'string'
    ? f.value
    : formatValue(f.value, f.format, { locale: ctx.locale, currency: ctx.model.currency, ...(f.decimals === undefined ? {} : { decimals: f.decimals }) });
}

/** Up to eight key figures as cards, two rows of four; their notes go to the speaker notes. */
export function addFigureCards(ctx: DeckContext, slide: ReturnType<DeckContext['contentSlide']>, figures: readonly KeyFigure[], top = 1.45): void {
  const shown = figures.slice(0, 8);
  const cols = Math.min(4, Math.max(1, shown.length));
  const gap = 0.25;
  const w = (SLIDE.w - 1.0 - gap * (cols - 1)) / cols;
  const h = 2.3;
  shown.forEach((f, i) => {
    const x = 0.5 + (i % cols) * (w + gap);
    const y = top + Math.floor(i / cols) * (h + gap);
    const tone = f.tone === 'red' ? ctx.theme.red : f.tone === 'yellow' ? ctx.theme.yellow : f.tone === 'green' ? ctx.theme.green : ctx.theme.primary;
    slide.addShape('rect', { x, y, w, h, fill: { color: 'F4F7FB' }, line: { color: ctx.theme.rule, width: 0.75 } });
    slide.addShape('rect', { x, y, w: 0.08, h, fill: { color: tone }, line: { color: tone, width: 0 } });
    ctx.addText(slide, f.label, { x: x + 0.2, y: y + 0.12, w: w - 0.3, h: 0.5, fontSize: 13, color: ctx.theme.muted });
    const value = figureText(ctx, f);
    ctx.addText(slide, value, { x: x + 0.2, y: y + 0.62, w: w - 0.3, h: 0.8, fontSize: fitSize(value, w - 0.3, 30), bold: true, color: tone });
    if (f.note) ctx.addText(slide, f.note, { x: x + 0.2, y: y + 1.45, w: w - 0.3, h: 0.75, fontSize: 10, color: ctx.theme.muted, valign: 'top' });
  });
}

export function figureNotes(ctx: DeckContext, figures: readonly KeyFigure[]): string[] {
  return figures.map((f) => `${f.label}: ${figureText(ctx, f)}${f.note ? ` — ${f.note}` : ''}`);
}

/** A native (editable) table: the first rows of the block, numbers formatted as in the PDF. */
export function addTable(ctx: DeckContext, slide: ReturnType<DeckContext['contentSlide']>, block: TableBlock, top = 1.4, maxRows = MAX_TABLE_ROWS): void {
  const rows = block.rows.slice(0, maxRows);
  const widths = block.columns.map((c) => c.width ?? 12);
  const total = widths.reduce((s, w) => s + w, 0);
  const tableW = SLIDE.w - 1.0;
  const header = block.columns.map((c) => ({
    text: deckText(c.label),
    options: ctx.textOptions({ bold: true, color: 'FFFFFF', fill: { color: ctx.theme.primary }, fontSize: 11 }),
  }));
  const body = rows.map((r) =>
    block.columns.map((c, ci) => {
      const v = cellValue(r[ci] ?? null);
      const text = formatValue(v, c.format, {
        locale: ctx.locale,
        currency: ctx.model.currency,
        ...(c.decimals === undefined ? {} : { decimals: c.decimals }),
      });
      const numeric = c.format === 'integer' || c.format === 'number' || c.format === 'currency' || c.format === 'percent';
      return { text: deckText(text), options: ctx.textOptions({ fontSize: 10, align: numeric ? 'right' : 'left' }) };
    }),
  );
  slide.addTable([header, ...body], {
    x: 0.5,
    y: top,
    w: tableW,
    colW: widths.map((w) => (w / total) * tableW),
    border: { type: 'solid', pt: 0.5, color: ctx.theme.rule },
    fontFace: ctx.textOptions({}).fontFace ?? '',
    fontSize: 10,
    valign: 'middle',
    rowH: 0.36,
  });
  if (block.rows.length > rows.length) {
    ctx.addText(slide, ctx.label('reports:deck.moreRows', { shown: rows.length, total: block.rows.length }), {
      x: 0.5,
      y: SLIDE.h - 0.75,
      w: tableW,
      h: 0.3,
      fontSize: 10,
      color: ctx.theme.muted,
    });
  }
}

export function blockNotes(ctx: DeckContext, blocks: readonly ReportBlock[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') out.push(b.text);
    if (b.kind === 'keyFigures') out.push(...figureNotes(ctx, b.figures));
    if (b.kind === 'table' && b.note) out.push(`${b.title ?? ''}: ${b.note}`);
    if (b.kind === 'chart' && b.caption) out.push(`${b.title ?? ''}: ${b.caption}`);
  }
  return out;
}

/** The generic slides: key figures, up to three charts, the first table; every note to the speaker notes. */
export const genericSectionSlides: SectionSlides = async (ctx, section) => {
  // A section's formulas and denominators go to its slides' speaker notes; the appendix keeps to the
  // findings', the KPIs' and the methods section's definitions.
  const notes = blockNotes(ctx, section.blocks);
  if (section.pending) {
    const slide = ctx.contentSlide(section.title, notes);
    const text = section.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])).join('\n');
    ctx.addText(slide, text, { x: 0.5, y: 1.5, w: SLIDE.w - 1, h: 1.5, fontSize: 16, color: ctx.theme.muted });
    return;
  }
  const figures = section.blocks.find((b) => b.kind === 'keyFigures');
  if (figures && figures.kind === 'keyFigures') {
    const slide = ctx.contentSlide(section.title, [...(section.consultantText ? [section.consultantText] : []), ...notes]);
    addFigureCards(ctx, slide, figures.figures);
  }
  let charts = 0;
  for (const b of section.blocks) {
    if (b.kind !== 'chart' || charts >= MAX_CHARTS) continue;
    charts++;
    const slide = ctx.contentSlide(`${section.title} · ${b.title ?? ''}`, [...(b.caption ? [b.caption] : []), ...notes]);
    await ctx.addChart(slide, b, { x: 0.9, y: 1.35, w: SLIDE.w - 1.8, h: SLIDE.h - 2.2 });
    if (b.caption) ctx.addText(slide, b.caption, { x: 0.9, y: SLIDE.h - 0.8, w: SLIDE.w - 1.8, h: 0.4, fontSize: 11, color: ctx.theme.muted });
  }
  const table = charts === 0 ? section.blocks.find((b): b is TableBlock => b.kind === 'table' && b.columns.length <= MAX_TABLE_COLUMNS) : undefined;
  if (table) {
    const slide = ctx.contentSlide(`${section.title} · ${table.title ?? ''}`, [...(table.note ? [table.note] : []), ...notes]);
    addTable(ctx, slide, table);
  }
  if (!figures && charts === 0 && !table) {
    const slide = ctx.contentSlide(section.title, notes);
    const text = section.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.kind === 'bullets' ? b.items : [])).join('\n');
    ctx.addText(slide, text, { x: 0.5, y: 1.5, w: SLIDE.w - 1, h: SLIDE.h - 2.2, fontSize: 16, valign: 'top' });
  }
};

import type { ReportSection, TableBlock } from '../../../../shared/reports/model';
import { addTable, genericSectionSlides } from './sections';
import type { SectionSlides } from './context';
import { SLIDE } from './theme';

// 成效评估 in the deck: the indicator system against its baseline (indicator, baseline, current,
// change, deviation: the basis column goes to the speaker notes), then one slide with each
// experiment's verdict in words and its caveats. Reads the section's blocks as the report built them
// (electron/backend/reports/sections/impact.ts), so the deck says what the PDF says.

const EXPERIMENT_LINE = /^#\d+ /;

export const impactSlides: SectionSlides = async (ctx, section: ReportSection) => {
  if (section.pending) return genericSectionSlides(ctx, section);
  const table = section.blocks.find((b): b is TableBlock => b.kind === 'table');
  const paragraphs = section.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  if (table) {
    const keep = [0, 2, 3, 4, 5];
    const basis = table.rows.map((r) => `${String(r[0] ?? '')}: ${String(r[6] ?? '')}`);
    if (table.note) ctx.noteFormula(table.note);
    const slide = ctx.contentSlide(section.title, [paragraphs[0] ?? '', ...basis, table.note ?? '']);
    addTable(ctx, slide, { ...table, columns: keep.map((i) => table.columns[i]!), rows: table.rows.map((r) => keep.map((i) => r[i] ?? null)) }, 1.4);
  }
  const verdicts = paragraphs.filter((p) => EXPERIMENT_LINE.test(p));
  if (verdicts.length) {
    const caveats = section.blocks.flatMap((b) => (b.kind === 'bullets' ? b.items : []));
    const slide = ctx.contentSlide(`${section.title} · ${ctx.locale === 'zh-CN' ? '对照实验' : 'Experiments'}`, [...verdicts, ...caveats]);
    ctx.addText(slide, verdicts.slice(0, 5).join('\n\n'), { x: 0.5, y: 1.4, w: SLIDE.w - 1, h: SLIDE.h - 2.2, fontSize: 15, valign: 'top' });
  }
};

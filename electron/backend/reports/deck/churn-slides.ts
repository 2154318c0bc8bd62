import type { KeyFiguresBlock } from '../../../../shared/reports/model';
import type { SectionSlides } from './context';
import { addFigureCards, blockNotes, genericSectionSlides } from './sections';
import { SLIDE } from './theme';

// The churn-risk section's slides: the evaluation figures (AUC, Brier…) never go on a slide without
// the model's verdict beside them. A reader who sees "AUC 0.56" alone takes it for a usable model;
// the PDF says when it is no better than the base rate and must not be relied on, and so does the
// deck, on the slide and first in its speaker notes. The section builder (sections/churn.ts) writes
// the verdict (status and its reason) as a paragraph opening with the status label.

export const churnSectionSlides: SectionSlides = async (ctx, section) => {
  const figures = section.blocks.find((b): b is KeyFiguresBlock => b.kind === 'keyFigures');
  // The verdict is the paragraph the builder opens with the status label (the source line comes first).
  const statusLabel = `${ctx.label('churn:report.status')}: `;
  const verdict = section.blocks.find((b) => b.kind === 'paragraph' && b.text.startsWith(statusLabel));
  if (section.pending || !figures || !verdict || verdict.kind !== 'paragraph') return genericSectionSlides(ctx, section);
  const slide = ctx.contentSlide(section.title, [
    verdict.text,
    ...(section.consultantText ? [section.consultantText] : []),
    ...blockNotes(ctx, section.blocks),
  ]);
  ctx.addText(slide, verdict.text, { x: 0.5, y: 1.3, w: SLIDE.w - 1, h: 1.0, fontSize: 16, bold: true, color: ctx.theme.text, valign: 'top' });
  addFigureCards(ctx, slide, figures.figures, 2.45);
  // Charts and tables as every section has them; the verdict stays in their notes (a paragraph).
  await genericSectionSlides(ctx, { ...section, blocks: section.blocks.filter((b) => b !== figures) });
};

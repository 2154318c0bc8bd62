import type { KeyFigure, ReportBlock } from '../../../../shared/reports/model';
import type { SectionContent, SectionContext } from './context';

// Summary and key findings: the headline figures and findings the other sections derived from their
// stored results, gathered in one place (so the summary can never disagree with the pages after it).

/**
 * With reviewed findings (findingsBlocks: the accepted ones, else the first drafts said to be drafts)
 * they replace the sections' one-line findings; without any, those lines stay.
 */
export function summarySection(ctx: SectionContext, others: readonly SectionContent[], findingBlocks: readonly ReportBlock[] = []): SectionContent {
  const figures: KeyFigure[] = others.flatMap((c) => c.highlights ?? []);
  const findings = others.flatMap((c) => c.findings ?? []);
  const missing = others.filter((c) => c.status === 'missing').length;
  const blocks: ReportBlock[] = [];
  if (figures.length > 0) blocks.push({ kind: 'keyFigures', figures });
  if (findingBlocks.length > 0) blocks.push(...findingBlocks);
  else if (findings.length > 0) blocks.push({ kind: 'paragraph', text: ctx.r('summary.findingsHeading') }, { kind: 'bullets', items: findings });
  else blocks.push({ kind: 'paragraph', text: ctx.r('summary.noFindings') });
  if (missing > 0) blocks.push({ kind: 'paragraph', text: ctx.r('summary.missingNote', { n: missing }) });
  return { blocks, status: findings.length > 0 || findingBlocks.length > 0 ? 'stored' : 'missing', source: null };
}

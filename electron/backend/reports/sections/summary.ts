import type { KeyFigure, ReportBlock } from '../../../../shared/reports/model';
import type { SectionContent, SectionContext } from './context';

// Summary and key findings: the headline figures and findings the other sections derived from their
// stored results, gathered in one place (so the summary can never disagree with the pages after it).

export function summarySection(ctx: SectionContext, others: readonly SectionContent[]): SectionContent {
  const figures: KeyFigure[] = others.flatMap((c) => c.highlights ?? []);
  const findings = others.flatMap((c) => c.findings ?? []);
  const missing = others.filter((c) => c.status === 'missing').length;
  const blocks: ReportBlock[] = [];
  if (figures.length > 0) blocks.push({ kind: 'keyFigures', figures });
  if (findings.length > 0) blocks.push({ kind: 'paragraph', text: ctx.r('summary.findingsHeading') }, { kind: 'bullets', items: findings });
  else blocks.push({ kind: 'paragraph', text: ctx.r('summary.noFindings') });
  if (missing > 0) blocks.push({ kind: 'paragraph', text: ctx.r('summary.missingNote', { n: missing }) });
  return { blocks, status: findings.length > 0 ? 'stored' : 'missing', source: null };
}

import type { CancelSignal } from '../../../shared/contract/define';
import { createTranslator } from '../../../shared/i18n/translate';
import type { ReportDefinition, ReportSectionSource } from '../../../shared/reports/definition';
import { reportText } from '../../../shared/reports/messages';
import type { ReportModel, ReportSection, ReportSectionId } from '../../../shared/reports/model';
import { getEngagement } from '../workspace/repositories/engagement';
import type { Workspace } from '../workspace/workspace';
import { localNow } from '../health/clock';
import { checkpoint } from '../jobs';
import { sectionTitle, type SectionContent, type SectionContext } from './sections/context';
import { SECTION_BUILDERS } from './sections';
import { summarySection } from './sections/summary';
import { paramsText, runSource } from './sections/diagnostics-run';
import { reportRuns } from './run-choice';
import { engagementFindings } from '../findings/review';
import { findingsBlocks, toReportFindings } from '../findings/report';
import { reportFindings } from '../../../shared/findings';
import type { ChartBlock } from '../../../shared/reports/model';

export interface AssembledReport {
  model: ReportModel;
  sources: ReportSectionSource[];
}

/**
 * The report model from what the workspace has stored, for the sections the definition includes in
 * its order. The summary is made from the other sections' highlights, so those are built even when
 * only the summary is chosen.
 */
export async function assembleReport(ws: Workspace, def: ReportDefinition, options: { now?: string; signal?: CancelSignal } = {}): Promise<AssembledReport> {
  const locale = def.language;
  const meta = await getEngagement(ws.db);
  const now = options.now ?? localNow();
  const runs = reportRuns(ws.sqlite, def);
  const ctx: SectionContext = {
    db: ws.db,
    sqlite: ws.sqlite,
    locale,
    t: createTranslator(locale),
    r: (key, params) => reportText(locale, key, params),
    currency: meta.currency,
    now,
    diagnosticRunId: runs.diagnostic?.id ?? null,
    healthRunId: runs.health?.id ?? null,
  };
  const included = def.sections.filter((s) => s.included);
  const wantSummary = included.some((s) => s.id === 'summary');
  const contents = new Map<ReportSectionId, SectionContent>();
  for (const [id, build] of Object.entries(SECTION_BUILDERS) as [
    Exclude<ReportSectionId, 'summary'>,
    (typeof SECTION_BUILDERS)[keyof typeof SECTION_BUILDERS],
  ][]) {
    if (!wantSummary && !included.some((s) => s.id === id)) continue;
    // An export stops between sections when cancelled (each reads a stored run or a table).
    if (options.signal) await checkpoint(options.signal);
    contents.set(id, await build(ctx));
  }
  // The findings that lead the summary, the deck and the workbook; each needs its evidence's chart,
  // so the sections they cite are built even when the consultant left them out.
  const reviewed = engagementFindings(ws.sqlite, meta.currency, def, {}, now);
  for (const f of reportFindings(reviewed).findings) {
    const id = f.evidence.section;
    if (id === 'summary' || contents.has(id)) continue;
    if (options.signal) await checkpoint(options.signal);
    contents.set(id, await SECTION_BUILDERS[id](ctx));
  }
  const sectionChart = (id: string): ChartBlock | null => contents.get(id as ReportSectionId)?.blocks.find((b): b is ChartBlock => b.kind === 'chart') ?? null;
  const findings = toReportFindings(ctx, reviewed, sectionChart);
  if (wantSummary) {
    // The summary's order follows the report's, so its first finding is the first section's.
    const order: ReportSectionId[] = included.map((s) => s.id).filter((id) => id !== 'summary');
    const rest = [...contents.keys()].filter((id) => !order.includes(id));
    const others = [...order, ...rest].flatMap((id) => contents.get(id) ?? []);
    contents.set('summary', summarySection(ctx, others, findingsBlocks(ctx, findings)));
  }
  const sections: ReportSection[] = [];
  const sources: ReportSectionSource[] = [];
  for (const choice of included) {
    const content = contents.get(choice.id);
    if (!content) continue;
    const title = sectionTitle(locale, choice.id);
    // Each section names the stored result its figures come from, on its first lines.
    const blocks =
      content.status === 'stored' && content.source
        ? [{ kind: 'paragraph' as const, text: ctx.r('document.sectionSource', { source: content.source }) }, ...content.blocks]
        : content.blocks;
    sections.push({
      id: choice.id,
      title,
      consultantText: choice.text.trim() === '' ? null : choice.text,
      blocks,
      ...(content.status === 'missing' && choice.id !== 'summary' ? { pending: true } : {}),
    });
    sources.push({ id: choice.id, title, status: content.status, source: content.source });
  }
  return {
    model: {
      cover: {
        title: def.title ?? reportText(locale, 'document.defaultTitle'),
        subtitle: def.subtitle,
        client: meta.clientName,
        industry: meta.industry,
        consultant: meta.consultant ?? '',
        date: now.slice(0, 10),
        language: locale,
        runs: [
          ...(runs.diagnostic ? [runSource(ctx, runs.diagnostic)] : []),
          ...(runs.health ? [ctx.r('sources.health', { id: runs.health.id, asOf: runs.health.asOf, params: paramsText(ctx, runs.health.paramSet) })] : []),
        ],
      },
      currency: meta.currency,
      sections,
      pseudonymised: false,
      findings,
    },
    sources,
  };
}

import { buildRadarChart } from '../../../../shared/charts';
import type { BilingualText } from '../../../../shared/checklists/template-schema';
import type { ColourRule, ReportBlock, TableCell } from '../../../../shared/reports/model';
import { listAssessments } from '../../checklists/assessments';
import { scoreAssessmentById } from '../../checklists/results';
import { missingSection, type SectionBuilder } from './context';

// Checklist results: the stored assessments (checklist_assessment and its answers), scored by the
// checklists domain's own scoreAssessmentById, so the report shows the score the workshop saw.

const DETAILED = 3; // newest assessments shown with sections and gaps
const GAPS = 6;

export const checklistsSection: SectionBuilder = async (ctx) => {
  const all = await listAssessments(ctx.db);
  if (all.length === 0) return missingSection(ctx, 'checklists');
  const bi = (text: BilingualText) => (ctx.locale === 'en' ? text.en : text.zh);
  const scale: ColourRule = { kind: 'scale', min: 0, max: 100 };
  const blocks: ReportBlock[] = [
    {
      kind: 'table',
      title: ctx.r('checklists.assessments'),
      columns: [
        { key: 'title', label: ctx.r('columns.assessment'), format: 'text', width: 26 },
        { key: 'template', label: ctx.r('columns.template'), format: 'text', width: 24 },
        { key: 'status', label: ctx.r('columns.status'), format: 'text', width: 10 },
        { key: 'respondents', label: ctx.r('columns.respondents'), format: 'integer', width: 10 },
        { key: 'completion', label: ctx.r('columns.completion'), format: 'percent', width: 10 },
        { key: 'score', label: ctx.r('columns.score'), format: 'number', decimals: 1, width: 10, colour: scale },
        { key: 'stage', label: ctx.r('columns.stage'), format: 'text', width: 14 },
      ],
      rows: all.map((a): TableCell[] => [
        a.title,
        bi(a.templateTitle),
        ctx.r(`checklists.status.${a.status}`),
        a.respondents.length,
        a.completion / 100,
        a.score,
        a.stage ? bi(a.stage.label) : null,
      ]),
      note: ctx.r('checklists.scoreNote'),
    },
  ];

  const findings: string[] = [];
  for (const summary of all.slice(0, DETAILED)) {
    const res = await scoreAssessmentById(ctx.db, summary.id);
    const sectionTitle = new Map(res.template.sections.map((s) => [s.id, bi(s.title)]));
    const heading = `${summary.title}${summary.subject ? ` · ${summary.subject}` : ''}`;
    const scored = res.aggregate.sections.filter((s) => s.spread !== null);
    if (scored.length >= 3) {
      blocks.push({
        kind: 'chart',
        title: ctx.r('checklists.radar', { title: heading }),
        width: 560,
        height: 380,
        option: buildRadarChart({
          indicators: res.aggregate.sections.map((s) => ({ name: sectionTitle.get(s.sectionId) ?? s.sectionId, max: 100 })),
          unansweredLabel: ctx.r('checklists.radarUnanswered'),
          series: [
            { name: ctx.r('checklists.mean'), values: res.aggregate.sections.map((s) => s.spread?.mean ?? null) },
            ...(res.gaps.target < 100 || res.gaps.targetStage
              ? [{ name: ctx.r('checklists.target'), values: res.aggregate.sections.map(() => res.gaps.target), style: 'reference' as const }]
              : []),
          ],
        }),
      });
    }
    blocks.push({
      kind: 'table',
      title: ctx.r('checklists.sectionsTable', { title: heading }),
      columns: [
        { key: 'section', label: ctx.r('columns.checklistSection'), format: 'text', width: 26 },
        { key: 'score', label: ctx.r('columns.score'), format: 'number', decimals: 1, width: 10, colour: scale },
        { key: 'stage', label: ctx.r('columns.stage'), format: 'text', width: 14 },
        { key: 'sd', label: ctx.r('columns.spread'), format: 'number', decimals: 1, width: 12 },
        { key: 'gap', label: ctx.r('columns.gap'), format: 'number', decimals: 1, width: 12 },
      ],
      rows: res.aggregate.sections.map((s): TableCell[] => {
        const gap = res.gaps.sections.find((g) => g.sectionId === s.sectionId);
        return [
          sectionTitle.get(s.sectionId) ?? s.sectionId,
          s.spread?.mean ?? null,
          s.stage ? bi(s.stage.label) : null,
          s.spread?.sd ?? null,
          gap?.gap ?? null,
        ];
      }),
      note: ctx.r('checklists.sectionsNote', {
        n: res.aggregate.respondents.length,
        target: res.gaps.target.toFixed(0),
      }),
    });
    const gaps = res.gaps.items.slice(0, GAPS);
    if (gaps.length > 0) {
      blocks.push({
        kind: 'table',
        title: ctx.r('checklists.gapsTable', { title: heading }),
        columns: [
          { key: 'q', label: ctx.r('columns.question'), format: 'text', width: 34 },
          { key: 'score', label: ctx.r('columns.score'), format: 'number', decimals: 0, width: 8 },
          { key: 'gap', label: ctx.r('columns.gap'), format: 'number', decimals: 0, width: 8 },
          { key: 'rec', label: ctx.r('columns.recommendation'), format: 'text', width: 40 },
        ],
        rows: gaps.map((g): TableCell[] => [bi(g.text), g.score, g.gap, bi(g.recommendation)]),
        note: ctx.r('checklists.gapsNote'),
      });
    }
    const weakest = [...scored].sort((a, b) => (a.spread?.mean ?? 0) - (b.spread?.mean ?? 0))[0];
    if (summary.score !== null) {
      findings.push(
        ctx.r('checklists.finding', {
          title: summary.title,
          score: summary.score.toFixed(1),
          stage: summary.stage ? bi(summary.stage.label) : '—',
          weakest: weakest ? (sectionTitle.get(weakest.sectionId) ?? weakest.sectionId) : '—',
        }),
      );
    }
  }
  const latest = all.find((a) => a.score !== null);
  return {
    blocks,
    status: 'stored',
    source: ctx.r('sources.checklists', { n: all.length }),
    highlights: latest
      ? [
          {
            label: ctx.r('summary.checklistScore'),
            value: latest.score,
            format: 'number',
            decimals: 1,
            note: `${latest.title}${latest.stage ? ` · ${bi(latest.stage.label)}` : ''}`,
          },
        ]
      : [],
    findings,
  };
};

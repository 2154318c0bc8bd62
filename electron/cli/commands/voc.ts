import type { Command } from 'commander';
import { action } from '../program';
import { printResult, type CliGlobals } from '../output';
import { createTranslator } from '../../../shared/i18n/translate';
import { VOC_GRAINS, COMMENT_SOURCES, type VocSummary, type VocThemeRun } from '../../../shared/voc/types';
import type { VocGrain } from '../../../shared/voc/breakdown';
import type { CommentSource } from '../../../shared/voc/themes';
import type { ChurnReview } from '../../../shared/churn-review/types';
import { reviewDefinitionText } from '../../../shared/churn-review/definition';
import type { NpsFigure } from '../../../shared/voc/nps';

const f1 = (v: number | null | undefined): string => (v === null || v === undefined ? '-' : v.toFixed(1));
const signed = (v: number | null | undefined): string => (v === null || v === undefined ? '-' : `${v >= 0 ? '+' : ''}${v.toFixed(1)}`);

function npsLine(n: NpsFigure): string {
  return `${f1(n.nps)} [${f1(n.low)}, ${f1(n.high)}] n=${n.responses}${n.thin ? ' *' : ''}`;
}

function vocText(s: VocSummary, themes: VocThemeRun | null, g: CliGlobals): string {
  const tr = createTranslator(g.lang);
  const t = (key: string, params?: Record<string, string | number>): string => tr(`voc:${key}`, params ?? {});
  const o = s.overall;
  const lines = [
    t('title'),
    `  NPS ${npsLine(o.nps)}  (${t('formula.nps')})`,
    `  CSAT ${f1(o.csat.csat)}% n=${o.csat.responses}  (${t('formula.csat')})`,
    `  ${t('summary.responseRate')}: ${f1(o.responseRate)}% (${o.respondents}/${o.base})`,
    '',
    `${t('summary.byPeriod')} (${t(`grain.${s.grain}`)})`,
  ];
  for (const r of s.byPeriod)
    lines.push(
      `  ${r.key.padEnd(8)} NPS ${npsLine(r.nps).padEnd(28)} CSAT ${f1(r.csat.csat).padStart(5)}%  ${t('summary.responseRate')} ${f1(r.responseRate)}%`,
    );
  lines.push('', `${t('summary.byDimension')}: ${s.dimension}`);
  for (const r of s.byDimension)
    lines.push(`  ${(r.key || t('summary.noValue')).padEnd(10)} NPS ${npsLine(r.nps).padEnd(28)} CSAT ${f1(r.csat.csat).padStart(5)}%`);
  if (o.nps.thin || s.byPeriod.some((r) => r.nps.thin)) lines.push(`  * ${t('summary.thin', { min: 30 })}`);
  if (themes) {
    const a = themes.analysis;
    lines.push('', t('themes.heading', { comments: a.comments, coverage: f1(a.coveragePct) }));
    lines.push(`  ${t('themes.columns')}`);
    for (const th of a.themes) {
      if (th.comments === 0) continue;
      lines.push(
        `  ${th.name[g.lang].padEnd(10)} ${String(th.comments).padStart(5)}  ${f1(th.shareOfDetractors).padStart(5)}%  ${f1(th.shareOfPromoters).padStart(5)}%  ${signed(th.npsEffect).padStart(6)}  ${f1(th.meanSentiment == null ? null : th.meanSentiment * 100).padStart(6)}`,
      );
      const ex = th.examples[0];
      if (ex) lines.push(`      “${ex.text}” (${ex.customerKey}, ${ex.date})`);
    }
    const c = themes.communication;
    lines.push('', t('signals.heading'));
    for (const k of ['competitor', 'decisionMaker', 'complaint'] as const)
      lines.push(`  ${t(`signals.kind.${k}`)}: ${c.counts[k]} (${t('signals.customers', { count: c.customers[k] })})`);
  }
  return lines.join('\n');
}

function reviewText(r: ChurnReview, g: CliGlobals): string {
  const tr = createTranslator(g.lang);
  const t = (key: string, params?: Record<string, string | number>): string => tr(`voc:${key}`, params ?? {});
  const money = (v: number): string => Math.round(v).toLocaleString(g.lang);
  const lines = [
    `${t('review.title')} ${r.params.period} (${r.period.start} – ${r.period.end}) #${r.id}`,
    `  ${t('review.kpi.churned')}: ${r.churnedCount} / ${r.onBook} (${f1(r.churnRatePct)}%)   ${t('review.kpi.lostRevenue')}: ${money(r.lostRevenue)}`,
    ...(r.definition ? [`  ${reviewDefinitionText(r.definition, t)}`] : []),
    `  ${t('review.rates.churnOfStarting')}: ${f1(r.rates.churnOfStarting.pct)}%   ${t('review.rates.churnOfDue')}: ${f1(r.rates.churnOfDue.pct)}%`,
    `  ${t('review.rates.downsellOfStarting')}: ${f1(r.rates.downsellOfStarting.pct)}%   ${t('review.rates.downsellOfDue')}: ${f1(r.rates.downsellOfDue.pct)}%`,
    '',
    t('review.customers.heading', { top: r.params.top }),
  ];
  for (const c of r.customers) {
    lines.push(`  ${money(c.lostRevenue).padStart(10)}  ${c.churnDate}  ${c.customerKey} ${c.name}  ${c.reason ?? ''}`);
    lines.push(
      `      ${t('review.customers.line', { signals: c.signalsBefore, actions: c.actionsBefore, done: c.actionsDone, nps: c.lastNps ?? '-', owner: c.owner ?? '-' })}${c.lastComment ? `  “${c.lastComment}”` : ''}`,
    );
  }
  if (r.healthRuns === 0) lines.push(`  ${t('review.noHealthRuns')}`);
  lines.push(
    '',
    t('review.traits.heading', {
      churned: r.traits.churned,
      retained: r.traits.retained,
      start: r.traitWindow.start,
      end: r.traitWindow.end,
      min: r.traits.minSupport,
    }),
  );
  for (const x of r.traits.rows.slice(0, 15)) {
    lines.push(
      `  ${`${x.dimension}=${x.value}`.padEnd(24)} lift ${x.lift.toFixed(2)}  ratio ${Number.isFinite(x.shareRatio) ? x.shareRatio.toFixed(2) : '∞'}  ${x.churnedWith}/${x.churned} vs ${x.retainedWith}/${x.retained}  q=${x.q.toFixed(3)}${x.q <= 0.1 ? '' : ` (${t('review.traits.notSignificant')})`}`,
    );
  }
  return lines.join('\n');
}

export function registerVocCommands(program: Command): void {
  program
    .command('voc')
    .description('voice of the customer: NPS and CSAT with intervals by period and dimension; with --themes, themes of the comments and communication signals')
    .argument('<file>', 'workspace file')
    .option('--grain <grain>', VOC_GRAINS.join(' | '), 'quarter')
    .option('--by <dimension>', 'segment | tier | owner | industry | region | attr:<name>', 'segment')
    .option('--from <date>', 'answers from YYYY-MM-DD')
    .option('--to <date>', 'answers up to YYYY-MM-DD')
    .option('--no-themes', 'skip the theme analysis (segmentation of every comment)')
    .option('--sources <list>', `comma-separated: ${COMMENT_SOURCES.join(',')}`, 'survey')
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as { grain: string; by: string; from?: string; to?: string; themes: boolean; sources: string };
        await s.call('engagement.open', { path: String(file) });
        const scope = { from: o.from ?? null, to: o.to ?? null };
        const summary = await s.call('voc.summary', { scope, grain: o.grain as VocGrain, dimension: o.by });
        const themes = o.themes
          ? await s.call('voc.analyse', { params: { scope, sources: o.sources.split(',').map((x) => x.trim()) as CommentSource[] } })
          : null;
        printResult(g, { summary, themes }, () => vocText(summary, themes, g));
      }),
    );

  program
    .command('churn-review')
    .description('the churn review of one period: churned customers by lost revenue with their history, over-represented traits, churn and downsell rates')
    .argument('<file>', 'workspace file')
    .option('--period <period>', '2026-09 (month), 2026-Q3 (quarter) or 2026 (year); default: the last complete period on or before the as-of date')
    .option('--top <n>', 'churned customers to review, by lost revenue', '20')
    .option('--trait-months <n>', 'months of churn the traits compare, ending with the period', '12')
    .option('--min-support <n>', 'churned customers a trait needs before it is tested', '5')
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as { period?: string; top: string; traitMonths: string; minSupport: string };
        await s.call('engagement.open', { path: String(file) });
        const period = o.period ?? (await s.call('churn.reviewDefaults', {})).period;
        const review = await s.call('churn.review', {
          params: { period, top: Number(o.top), traitMonths: Number(o.traitMonths), minSupport: Number(o.minSupport) },
        });
        printResult(g, review, () => reviewText(review, g));
      }),
    );
}

import type { ColourRule, ReportBlock, TableCell } from '../../../../shared/reports/model';
import { listActions } from '../../health/actions-store';
import { overdueClock } from '../../health/overdue-clock';
import { missingSection, type SectionBuilder } from './context';
import { runActionPolicy } from '../../health/action-policy-store';
import { policyWhich } from '../../../../shared/health/action-policy-text';

// Action plans: the playbook actions stored by the health domain (health_action). Counts come from
// SQL with the action board's overdue rule (open or in progress, due before now); the listed rows
// come from the health domain's own listActions.

const SHOWN = 40;

export const actionsSection: SectionBuilder = async (ctx) => {
  // On historical data overdue is judged at the end of the health run's as-of day (overdue-clock.ts).
  const overdueAt = overdueClock(ctx.sqlite, ctx.now).at;
  const counts = ctx.sqlite
    .prepare(
      `select template_id, status, count(*) as n, sum(status in ('open','inProgress') and due_at < ?) as late
         from health_action group by template_id, status`,
    )
    .all(overdueAt) as { template_id: string; status: string; n: number; late: number }[];
  const total = counts.reduce((s, r) => s + r.n, 0);
  if (total === 0) return missingSection(ctx, 'actions');
  const run = ctx.sqlite.prepare('select action_policy from health_run where finished_at is not null order by as_of desc, id desc limit 1').get() as
    { action_policy: string | null } | undefined;
  const latestPolicy = run ? runActionPolicy(run.action_policy) : null;
  const count = (s: string) => counts.filter((r) => r.status === s).reduce((a, r) => a + r.n, 0);
  const overdue = counts.reduce((s, r) => s + (r.late ?? 0), 0);
  const openish = count('open') + count('inProgress');
  const statusLabel = (s: string) => ctx.t(`health:actionStatuses.${s}`);
  const overdueLabel = ctx.r('actions.overdue');
  const blocks: ReportBlock[] = [
    {
      kind: 'keyFigures',
      figures: [
        { label: statusLabel('open'), value: count('open'), format: 'integer' },
        { label: statusLabel('inProgress'), value: count('inProgress'), format: 'integer' },
        { label: overdueLabel, value: overdue, format: 'integer', tone: overdue > 0 ? 'red' : 'green', note: ctx.r('actions.overdueNote') },
        { label: statusLabel('done'), value: count('done'), format: 'integer', tone: 'green' },
      ],
    },
  ];
  const tones: ColourRule = { kind: 'tones', tones: { [overdueLabel]: 'red', [statusLabel('inProgress')]: 'yellow', [statusLabel('done')]: 'green' } };
  // listActions orders by due time, so the overdue ones (due before now) come first.
  const rows = [
    ...listActions(ctx.sqlite, { status: 'open', limit: SHOWN }, overdueAt),
    ...listActions(ctx.sqlite, { status: 'inProgress', limit: SHOWN }, overdueAt),
  ]
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
    .slice(0, SHOWN);
  blocks.push({
    kind: 'table',
    title: ctx.r('actions.openTable'),
    columns: [
      { key: 'name', label: ctx.r('columns.customer'), format: 'text', width: 20, pii: 'customer' },
      { key: 'action', label: ctx.r('columns.action'), format: 'text', width: 30 },
      { key: 'role', label: ctx.r('columns.ownerRole'), format: 'text', width: 12 },
      { key: 'owner', label: ctx.r('columns.owner'), format: 'text', width: 12 },
      { key: 'due', label: ctx.r('columns.due'), format: 'datetime', width: 16 },
      { key: 'status', label: ctx.r('columns.status'), format: 'text', width: 12, colour: tones },
    ],
    rows: rows.map((a): TableCell[] => [
      a.customerName,
      ctx.t(`health:actions.${a.templateId}.title`),
      ctx.t(`health:ownerRoles.${a.ownerRole}`),
      a.owner,
      a.dueAt,
      a.overdue ? overdueLabel : statusLabel(a.status),
    ]),
    note: openish > SHOWN ? ctx.r('actions.more', { shown: SHOWN, total: openish }) : null,
  });
  const byTemplate = new Map<string, { open: number; done: number; overdue: number }>();
  for (const r of counts) {
    const g = byTemplate.get(r.template_id) ?? { open: 0, done: 0, overdue: 0 };
    if (r.status === 'done') g.done += r.n;
    else if (r.status !== 'cancelled') g.open += r.n;
    g.overdue += r.late ?? 0;
    byTemplate.set(r.template_id, g);
  }
  blocks.push({
    kind: 'table',
    title: ctx.r('actions.byTemplate'),
    columns: [
      { key: 'action', label: ctx.r('columns.action'), format: 'text', width: 36 },
      { key: 'open', label: ctx.r('actions.openCount'), format: 'integer', width: 12 },
      { key: 'overdue', label: overdueLabel, format: 'integer', width: 12 },
      { key: 'done', label: statusLabel('done'), format: 'integer', width: 12 },
    ],
    rows: [...byTemplate.entries()].map(([id, g]): TableCell[] => [ctx.t(`health:actions.${id}.title`), g.open, g.overdue, g.done]),
  });
  return {
    blocks,
    status: 'stored',
    // Which signals opened actions in the latest run: a board without light-signal actions is the policy, not an omission.
    source: [
      ctx.r('sources.actions', { n: total }),
      ...(latestPolicy ? [ctx.t('triage:policy.summary', { which: policyWhich(latestPolicy, ctx.t) })] : []),
    ].join(' · '),
    highlights: [
      {
        label: ctx.r('summary.overdueActions'),
        value: overdue,
        format: 'integer',
        tone: overdue > 0 ? 'red' : 'green',
        note: ctx.r('summary.openActions', { n: openish }),
      },
    ],
    findings: overdue > 0 ? [ctx.r('actions.findingOverdue', { n: overdue, open: openish })] : [],
  };
};

import type { ColourRule, ReportBlock, TableCell } from '../../../../shared/reports/model';
import { listActions } from '../../health/actions-store';
import { missingSection, type SectionBuilder } from './context';

// Action plans: the playbook actions stored by the health domain (health_action), read through its
// listActions with the same "overdue" clock the action board uses.

const SHOWN = 40;

export const actionsSection: SectionBuilder = async (ctx) => {
  const all = listActions(ctx.sqlite, { limit: 100_000 }, ctx.now);
  if (all.length === 0) return missingSection(ctx, 'actions');
  const count = (s: string) => all.filter((a) => a.status === s).length;
  const overdue = all.filter((a) => a.overdue).length;
  const done = count('done');
  const openish = all.filter((a) => a.status === 'open' || a.status === 'inProgress');
  const statusLabel = (s: string) => ctx.t(`health:actionStatuses.${s}`);
  const overdueLabel = ctx.r('actions.overdue');
  const blocks: ReportBlock[] = [
    {
      kind: 'keyFigures',
      figures: [
        { label: statusLabel('open'), value: count('open'), format: 'integer' },
        { label: statusLabel('inProgress'), value: count('inProgress'), format: 'integer' },
        { label: overdueLabel, value: overdue, format: 'integer', tone: overdue > 0 ? 'red' : 'green', note: ctx.r('actions.overdueNote') },
        { label: statusLabel('done'), value: done, format: 'integer', tone: 'green' },
      ],
    },
  ];
  const tones: ColourRule = { kind: 'tones', tones: { [overdueLabel]: 'red', [statusLabel('inProgress')]: 'yellow', [statusLabel('done')]: 'green' } };
  const rows = [...openish].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueAt.localeCompare(b.dueAt));
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
    rows: rows.slice(0, SHOWN).map((a): TableCell[] => [
      a.customerName,
      ctx.t(`health:actions.${a.templateId}.title`),
      ctx.t(`health:ownerRoles.${a.ownerRole}`),
      a.owner,
      a.dueAt,
      a.overdue ? overdueLabel : statusLabel(a.status),
    ]),
    note: rows.length > SHOWN ? ctx.r('actions.more', { shown: SHOWN, total: rows.length }) : null,
  });
  const byTemplate = new Map<string, { open: number; done: number; overdue: number }>();
  for (const a of all) {
    const g = byTemplate.get(a.templateId) ?? { open: 0, done: 0, overdue: 0 };
    if (a.status === 'done') g.done++;
    else if (a.status !== 'cancelled') g.open++;
    if (a.overdue) g.overdue++;
    byTemplate.set(a.templateId, g);
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
    source: ctx.r('sources.actions', { n: all.length }),
    highlights: [{ label: ctx.r('summary.overdueActions'), value: overdue, format: 'integer', tone: overdue > 0 ? 'red' : 'green', note: ctx.r('summary.openActions', { n: openish.length }) }],
    findings: overdue > 0 ? [ctx.r('actions.findingOverdue', { n: overdue, open: openish.length })] : [],
  };
};

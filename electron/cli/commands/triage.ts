// rwb signals / rwb actions / rwb triage: the inbox and the board from a terminal, over the same
// triage channels as the UI (filters, grouping, sorting, bulk steps, undo, the action policy).
import type { Command } from 'commander';
import { action } from '../program';
import { CliFailure, printResult, type CliGlobals } from '../output';
import type { CliSession } from '../session';
import { createTranslator } from '../../../shared/i18n/translate';
import { SEVERITIES, type Severity } from '../../../shared/health/vocabulary';
import type { ActionPolicy } from '../../../shared/health/action-policy';
import { policyWhich } from '../../../shared/health/action-policy-text';
import type { ActionFilterInput, DismissReason, SignalFilterInput } from '../../../shared/health/triage';
import type { ArgsOf, ResultOf } from '../../../shared/contract';
import type { TriageSignalRow } from '../../../shared/contract/triage';

export { policyWhich };

const list = (v: string, prev: string[] = []): string[] => [
  ...prev,
  ...v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
];
const repeat = (v: string, prev: string[] = []): string[] => [...prev, v];
/** "-" stands for "not set" (no owner, no tier, no segment). */
const orNone = (xs: string[] | undefined): (string | null)[] | undefined => xs?.map((x) => (x === '-' ? null : x));

interface FilterOpts {
  severity?: string[];
  rule?: string[];
  owner?: string[];
  tier?: string[];
  segment?: string[];
  band?: string[];
  churnRisk?: string[];
  search?: string;
}

function withFilterOptions(c: Command): Command {
  return c
    .option('--severity <list>', 'heavy, medium, light (comma-separated)', list)
    .option('--rule <list>', 'rule ids, e.g. silent,lowSatisfaction', list)
    .option('--owner <name>', 'owner (repeat for several; - = no owner)', repeat)
    .option('--tier <list>', 'strategic, core, potential, ordinary (- = none)', list)
    .option('--segment <name>', "the client's segment (repeat; - = none)", repeat)
    .option('--band <list>', 'health band: red, yellow, green, none', list)
    .option('--churn-risk <list>', 'high (top 10% of the latest churn run), medium (next 20%), low, none', list)
    .option('--search <text>', 'customer id or name');
}

/** The filter as the channels take it; zod checks the values. */
function filterOf(o: FilterOpts): Omit<SignalFilterInput, 'view'> {
  return {
    ...(o.severity ? { severity: o.severity as Severity[] } : {}),
    ...(o.rule ? { ruleId: o.rule as SignalFilterInput['ruleId'] } : {}),
    ...(o.owner ? { owner: orNone(o.owner) } : {}),
    ...(o.tier ? { tier: orNone(o.tier) } : {}),
    ...(o.segment ? { segment: orNone(o.segment) } : {}),
    ...(o.band ? { band: o.band as SignalFilterInput['band'] } : {}),
    ...(o.churnRisk ? { churnRisk: o.churnRisk as SignalFilterInput['churnRisk'] } : {}),
    ...(o.search ? { search: o.search } : {}),
  };
}

function idsOf(v: string | undefined): number[] | null {
  if (!v) return null;
  return v.split(',').map((x) => Number(x.trim()));
}

function needTarget(g: CliGlobals, ids: number[] | null, all: boolean): void {
  if (ids || all) return;
  throw new CliFailure({
    code: 'TRIAGE_STEP_INCOMPLETE',
    message: 'give --ids or --all',
    params: { op: 'bulk', missing: g.lang === 'en' ? '--ids or --all (with filters)' : '--ids 或 --all（配合筛选条件）' },
  });
}

const money = (n: number | null): string => (n === null ? '-' : Math.round(n).toLocaleString('en-US'));

function signalLine(t: ReturnType<typeof createTranslator>, s: TriageSignalRow): string[] {
  return [
    `  #${s.id} ${s.customerKey} ${s.customerName} · ${t(`health:signals.${s.ruleId}.name`)}${s.owner ? ` · ${s.owner}` : ''}${s.revenueAtStake !== null ? ` · ${money(s.revenueAtStake)}` : ''}`,
    `      ${t(`health:${s.evidence.messageKey}`, s.evidence.params)}`,
  ];
}

function signalsText(r: ResultOf<'signals.triage'>, g: CliGlobals): string {
  const t = createTranslator(g.lang);
  const counts = severityCounts(r);
  const lines: string[] = [t('health:cli.signalsLine', counts), t('triage:cli.matching', { count: r.signals })];
  if (r.groups.length) {
    for (const grp of r.groups) {
      lines.push('', `${grp.customerKey} ${grp.customerName}${grp.owner ? ` (${grp.owner})` : ''} · ${grp.signals.length}`);
      for (const s of grp.signals) lines.push(...signalLine(t, s).map((l) => `  ${l}`));
    }
    return lines.join('\n');
  }
  for (const sev of [...SEVERITIES].reverse()) {
    const group = r.items.filter((s) => s.severity === sev);
    if (!group.length) continue;
    lines.push('', `${t(`health:severities.${sev}`)} (${group.length})`);
    for (const s of group) lines.push(...signalLine(t, s));
  }
  return lines.join('\n');
}

function severityCounts(r: ResultOf<'signals.triage'>): Record<Severity, number> {
  const out: Record<Severity, number> = { heavy: 0, medium: 0, light: 0 };
  for (const f of r.facets?.severity ?? []) if (f.value) out[f.value as Severity] = f.count;
  return out;
}

function policyText(p: ActionPolicy, g: CliGlobals): string {
  const t = createTranslator(g.lang);
  return t('triage:policy.summary', { which: policyWhich(p, t) });
}

async function open(s: CliSession, file: unknown): Promise<void> {
  await s.call('engagement.open', { path: String(file) });
}

/** The rows a bulk step works on: --ids, or --all with the filters (the count just read is what the step expects). */
async function signalTarget(s: CliSession, o: FilterOpts & { ids?: string; all?: boolean; view?: string }, g: CliGlobals) {
  const ids = idsOf(o.ids);
  needTarget(g, ids, Boolean(o.all));
  if (ids) return { ids };
  const filter = { ...filterOf(o), view: (o.view ?? 'open') as SignalFilterInput['view'] };
  const n = await s.call('signals.triage', { ...filter, limit: 1, facets: false });
  return { filter, expected: n.signals };
}

async function actionTarget(s: CliSession, o: FilterOpts & { ids?: string; all?: boolean; status?: string }, g: CliGlobals) {
  const ids = idsOf(o.ids);
  needTarget(g, ids, Boolean(o.all));
  if (ids) return { ids };
  const filter: ActionFilterInput = { ...filterOf(o), ...(o.status ? { status: o.status as ActionFilterInput['status'] } : {}) };
  const n = await s.call('actions.triage', { ...filter, limit: 1, facets: false });
  return { filter, expected: n.total };
}

function bulkText(r: ResultOf<'signals.bulk'>, g: CliGlobals): string {
  return createTranslator(g.lang)('triage:cli.bulk', { count: r.count, skipped: r.skipped, step: r.stepId ?? '-' });
}

export function registerTriageCommands(program: Command): void {
  const signals = withFilterOptions(
    program
      .command('signals')
      .description('the signal inbox: list (open by default) with filters, or a bulk step (dismiss, assign, snooze, close)')
      .argument('<file>', 'workspace file'),
  )
    .option('--status <view>', 'open, snoozed, dismissed or resolved', 'open')
    .option('--sort <by>', 'severity, revenue (revenue at stake), recent or customer', 'severity')
    .option('--by-customer', 'one row a customer with all their signals')
    .option('--limit <n>', 'rows (signals, or customers with --by-customer)', '5000')
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as FilterOpts & { status: string; sort: string; byCustomer?: boolean; limit: string };
        await open(s, file);
        const r = await s.call('signals.triage', {
          ...filterOf(o),
          view: o.status as SignalFilterInput['view'],
          sort: o.sort as 'severity',
          groupBy: o.byCustomer ? 'customer' : 'signal',
          limit: Number(o.limit),
        });
        printResult(g, { ...r, counts: severityCounts(r) }, () => signalsText(r, g));
      }),
    );

  const bulkSignals = (
    name: string,
    describe: string,
    extra: (c: Command) => Command,
    run: (s: CliSession, o: Record<string, string>) => Omit<ArgsOf<'signals.bulk'>, 'target'>,
  ) =>
    withFilterOptions(extra(signals.command(name).description(describe).argument('<file>', 'workspace file')))
      .option('--ids <list>', 'signal ids (comma-separated)')
      .option('--all', 'every signal the filters match')
      .option('--status <view>', 'with --all: open or snoozed', 'open')
      .action(
        action(async (s, g, file, opts) => {
          const o = opts as FilterOpts & Record<string, string> & { all?: boolean };
          await open(s, file);
          const target = await signalTarget(s, { ...o, view: o.status }, g);
          const r = await s.call('signals.bulk', { target, ...run(s, o) });
          printResult(g, r, () => bulkText(r, g));
        }),
      );
  bulkSignals(
    'dismiss',
    'dismiss signals with a reason',
    (c) =>
      c
        .requiredOption('--reason <code>', 'known, dataIssue, handled, notRelevant or other')
        .option('--note <text>', 'the reason in words (required with other)'),
    (_s, o) => ({ op: 'dismiss', reason: { code: o.reason as DismissReason, note: o.note ?? '' } }),
  );
  bulkSignals(
    'assign',
    'assign signals to an owner',
    (c) => c.requiredOption('--to <name>', 'the owner'),
    (_s, o) => ({ op: 'assign', owner: o.to }),
  );
  bulkSignals(
    'snooze',
    'put signals off until a date',
    (c) => c.requiredOption('--until <date>', 'YYYY-MM-DD'),
    (_s, o) => ({ op: 'snooze', until: o.until }),
  );
  bulkSignals(
    'close',
    'close signals by hand (a later run that finds the condition opens a new one)',
    (c) => c,
    () => ({ op: 'close' }),
  );

  const actions = withFilterOptions(
    program
      .command('actions')
      .description('the action board: list with filters, a bulk step (assign, snooze, close), or the action policy')
      .argument('<file>', 'workspace file'),
  )
    .option('--status <status>', 'open, inProgress, done, cancelled or snoozed')
    .option('--overdue', 'only open or in progress past due')
    .option('--sort <by>', 'due, revenue or customer', 'due')
    .option('--limit <n>', 'rows', '5000')
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as FilterOpts & { status?: string; overdue?: boolean; sort: string; limit: string };
        await open(s, file);
        const r = await s.call('actions.triage', {
          ...filterOf(o),
          ...(o.status ? { status: o.status as ActionFilterInput['status'] } : {}),
          overdueOnly: Boolean(o.overdue),
          sort: o.sort as 'due',
          limit: Number(o.limit),
        });
        const t = createTranslator(g.lang);
        printResult(g, r, () =>
          [
            t('triage:cli.actions', { count: r.total, overdue: r.overdue }),
            ...(r.overdueAsOf ? [t('triage:list.overdueAsOf', { date: r.overdueAsOf })] : []),
            ...r.items.map(
              (a) =>
                `  #${a.id} ${a.customerKey} ${a.customerName} · ${t(`health:actions.${a.templateId}.title`)} · ${t(`health:actionStatuses.${a.status}`)} · ${a.owner ?? '-'} · ${a.dueAt}${a.overdue ? ' !' : ''}`,
            ),
          ].join('\n'),
        );
      }),
    );

  const bulkActions = (
    name: string,
    describe: string,
    extra: (c: Command) => Command,
    run: (o: Record<string, string>) => Omit<ArgsOf<'actions.bulk'>, 'target'>,
  ) =>
    withFilterOptions(extra(actions.command(name).description(describe).argument('<file>', 'workspace file')))
      .option('--ids <list>', 'action ids (comma-separated)')
      .option('--all', 'every action the filters match')
      .option('--status <status>', 'with --all: open, inProgress or snoozed')
      .action(
        action(async (s, g, file, opts) => {
          const o = opts as FilterOpts & Record<string, string> & { all?: boolean };
          await open(s, file);
          const target = await actionTarget(s, o, g);
          const r = await s.call('actions.bulk', { target, ...run(o) });
          printResult(g, r, () => bulkText(r, g));
        }),
      );
  bulkActions(
    'assign',
    'assign actions to an owner',
    (c) => c.requiredOption('--to <name>', 'the owner'),
    (o) => ({ op: 'assign', owner: o.to }),
  );
  bulkActions(
    'snooze',
    'put actions off until a date (the board hides them until then)',
    (c) => c.requiredOption('--until <date>', 'YYYY-MM-DD'),
    (o) => ({ op: 'snooze', until: o.until }),
  );
  bulkActions(
    'close',
    'close actions: done, or cancelled',
    (c) => c.option('--outcome <outcome>', 'done or cancelled', 'done'),
    (o) => ({ op: 'close', outcome: o.outcome as 'done' | 'cancelled' }),
  );

  actions
    .command('policy')
    .description('show or set which signals open actions by themselves (default: heavy signals and red health)')
    .argument('<file>', 'workspace file')
    .option('--light <on|off>', 'light signals open actions')
    .option('--medium <on|off>', 'medium signals open actions')
    .option('--heavy <on|off>', 'heavy signals open actions')
    .option('--red-score <on|off>', 'a red health score opens an action')
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as { light?: string; medium?: string; heavy?: string; redScore?: string };
        await open(s, file);
        const current = await s.call('health.actionPolicy', {});
        const flag = (v: string | undefined, was: boolean): boolean => (v === undefined ? was : /^(on|yes|true|1)$/i.test(v));
        const changed = [o.light, o.medium, o.heavy, o.redScore].some((v) => v !== undefined);
        const r = changed
          ? await s.call('health.saveActionPolicy', {
              policy: {
                light: flag(o.light, current.policy.light),
                medium: flag(o.medium, current.policy.medium),
                heavy: flag(o.heavy, current.policy.heavy),
                redScore: flag(o.redScore, current.policy.redScore),
              },
            })
          : current;
        printResult(g, r, () => policyText(r.policy, g));
      }),
    );

  const triage = program.command('triage').description('bulk steps on signals and actions: list them, undo the latest');
  triage
    .command('steps')
    .description('the latest bulk steps, newest first')
    .argument('<file>', 'workspace file')
    .action(
      action(async (s, g, file) => {
        await open(s, file);
        const r = await s.call('triage.steps', {});
        printResult(g, r, () =>
          r.map((x) => `#${x.id} ${x.at} ${x.target} ${x.op} ${x.count}${x.undoneAt ? ` (undone ${x.undoneAt})` : x.undoable ? ' *' : ''}`).join('\n'),
        );
      }),
    );
  triage
    .command('undo')
    .description('undo the latest bulk step (or --step N when it is the latest)')
    .argument('<file>', 'workspace file')
    .option('--step <id>', 'the step id (default: the latest not undone)')
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as { step?: string };
        await open(s, file);
        const latest = (await s.call('triage.steps', { limit: 50 })).find((x) => x.undoable);
        const stepId = o.step ? Number(o.step) : latest?.id;
        if (stepId === undefined) throw new CliFailure({ code: 'NOT_FOUND', message: 'no step to undo', params: { what: '批量操作 / bulk step', id: '-' } });
        const r = await s.call('triage.undo', { stepId });
        printResult(g, r, () => createTranslator(g.lang)('triage:cli.undone', { step: stepId, restored: r.restored, skipped: r.skipped }));
      }),
    );
}

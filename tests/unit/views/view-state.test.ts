import { describe, expect, it } from 'vitest';
import { mergeForm, readDiagnosticsView } from '../../../shared/views/diagnostics-view';
import { readBoardView, readInboxView } from '../../../shared/views/health-view';

// Saved views are read defensively: a view stored by an older build, the CLI or a hand edit puts back
// what parses and leaves the rest as the screen has it.

describe('saved view state', () => {
  it('diagnostics: run, drill, table and form come back; what does not parse falls back', () => {
    const v = readDiagnosticsView({
      runId: 4,
      drill: { kind: 'tier', tier: 'core' },
      table: { sort: { column: 'name', descending: false }, search: '华东', hidden: ['mrr', 7] },
      form: { asOf: '2026-06-30', grain: 'quarter', basis: 'contractual', windowDays: 90, cohortFrom: '2025-Q1', cohortTo: '' },
      paramSet: '零售',
    });
    expect(v).toEqual({
      runId: 4,
      baseId: null,
      drill: { kind: 'tier', tier: 'core' },
      table: { sort: { column: 'name', descending: false }, search: '华东', hidden: ['mrr'] },
      form: { asOf: '2026-06-30', grain: 'quarter', basis: 'contractual', windowDays: 90, cohortFrom: '2025-Q1', cohortTo: '' },
      paramSet: '零售',
    });
    const bad = readDiagnosticsView({ runId: -1, drill: { kind: 'tier', tier: 'nope' }, table: 'x', form: { grain: 'decade' } });
    expect(bad).toMatchObject({ runId: null, drill: null, form: null, table: { sort: { column: 'revenue12m', descending: true }, search: '', hidden: [] } });
  });

  it('mergeForm keeps fields added to the toolbar later when their saved value has the same type', () => {
    const cur = {
      asOf: '2026-10-28',
      grain: 'month' as const,
      basis: 'non-contractual' as const,
      windowDays: null,
      cohortFrom: '',
      cohortTo: '',
      trend: { kind: 'last', n: 12 },
    };
    const checked = { asOf: '2026-06-30', grain: 'quarter' as const, basis: 'non-contractual' as const, windowDays: null, cohortFrom: '', cohortTo: '' };
    expect(mergeForm(cur, { ...checked, trend: { kind: 'all' } }, checked).trend).toEqual({ kind: 'all' });
    expect(mergeForm(cur, { ...checked, trend: 'all' }, checked).trend).toEqual({ kind: 'last', n: 12 });
    expect(mergeForm(cur, { ...checked, unknown: 1 }, checked)).not.toHaveProperty('unknown');
  });

  it('health lists: the inbox and the board filters, sort and grouping', () => {
    expect(
      readInboxView({
        tab: 'signals',
        inbox: { view: 'snoozed', filter: { severity: ['heavy'], owner: ['张伟', null] }, sort: 'revenue', groupBy: 'customer' },
      }),
    ).toEqual({
      view: 'snoozed',
      filter: { severity: ['heavy'], owner: ['张伟', null] },
      sort: 'revenue',
      groupBy: 'customer',
    });
    expect(readInboxView({ tab: 'signals', inbox: { view: 'x', filter: { severity: ['extreme'] }, sort: 1 } })).toEqual({
      view: 'open',
      filter: {},
      sort: 'severity',
      groupBy: 'signal',
    });
    expect(readInboxView({ tab: 'actions' })).toBeNull();
    expect(readBoardView({ board: { view: 'overdue', filter: { band: ['red'] }, sort: 'revenue' } }, ['board', 'overdue'], 'board')).toEqual({
      view: 'overdue',
      filter: { band: ['red'] },
      sort: 'revenue',
    });
  });
});

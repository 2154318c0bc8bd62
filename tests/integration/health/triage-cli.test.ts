// rwb signals / rwb actions / rwb triage as a user runs them: filters, a bulk dismiss with a reason
// over everything a filter matches, the undo, the board's bulk close and the action policy.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { ResultOf } from '../../../shared/contract';
import { tempDir } from '../../helpers/temp';
import { rwb } from '../../helpers/cli';
import { newWorkspace } from '../../helpers/workspace';
import { AS_OF, insertFixture } from './fixture';

const dir = tempDir();
const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs'), LANG: 'en_US.UTF-8' };
let file: string;

beforeAll(async () => {
  const ws = await newWorkspace(dir);
  insertFixture(ws);
  ws.sqlite.prepare(`update customers set owner = '张经理' where customer_key in ('SILENT', 'DROP', 'LOWSAT', 'COMP')`).run();
  file = ws.path;
  await ws.close();
});

type Signals = ResultOf<'signals.triage'> & { counts: Record<string, number> };

/** Runs rwb and reads its JSON, failing with its stderr when it did not succeed. */
function json<T>(args: string[]): T {
  const r = rwb(args, env);
  expect(r.status, r.stderr).toBe(0);
  return r.json<T>();
}

describe('rwb signals / actions / triage', { timeout: 240_000 }, () => {
  it('filters the inbox, dismisses all matching with a reason, undoes it, closes actions and sets the policy', () => {
    const run = rwb(['health', file, '--as-of', AS_OF], env);
    expect(run.status, run.stderr).toBe(0);
    // The run line names the policy it applied.
    expect(run.stdout).toContain('Opens actions: heavy signals, red health');

    const mine = json<Signals>(['signals', file, '--owner', '张经理', '--severity', 'heavy,medium', '--json']);
    expect(mine.signals).toBeGreaterThan(0);
    expect(mine.items.every((s) => s.owner === '张经理' && s.severity !== 'light')).toBe(true);

    const refused = rwb(['signals', 'dismiss', file, '--owner', '张经理', '--all', '--reason', 'other', '--json'], env);
    expect(refused.status).not.toBe(0);

    const dismissed = rwb(
      ['signals', 'dismiss', file, '--owner', '张经理', '--severity', 'heavy,medium', '--all', '--reason', 'handled', '--note', '电话确认'],
      env,
    );
    expect(dismissed.status, dismissed.stderr).toBe(0);
    expect(dismissed.stdout).toContain(`${mine.signals} changed`);
    expect(json<Signals>(['signals', file, '--owner', '张经理', '--severity', 'heavy,medium', '--json']).signals).toBe(0);
    const gone = json<Signals>(['signals', file, '--owner', '张经理', '--status', 'dismissed', '--json']);
    expect(gone.items.every((s) => s.dismissedReasonCode === 'handled' && s.dismissedReason === '电话确认')).toBe(true);

    const undo = rwb(['triage', 'undo', file], env);
    expect(undo.status, undo.stderr).toBe(0);
    expect(undo.stdout).toContain(`${mine.signals} restored`);
    expect(json<Signals>(['signals', file, '--owner', '张经理', '--severity', 'heavy,medium', '--json']).signals).toBe(mine.signals);

    const grouped = json<Signals>(['signals', file, '--by-customer', '--sort', 'revenue', '--json']);
    expect(grouped.groups.length).toBe(grouped.total);

    const board = json<ResultOf<'actions.triage'>>(['actions', file, '--status', 'open', '--json']);
    expect(board.total).toBeGreaterThan(0);
    const id = board.items[0]!.id;
    expect(rwb(['actions', 'close', file, '--ids', String(id), '--outcome', 'cancelled'], env).status).toBe(0);
    expect(
      rwb(['actions', file, '--status', 'cancelled', '--json'], env)
        .json<ResultOf<'actions.triage'>>()
        .items.map((a) => a.id),
    ).toEqual([id]);

    const policy = json<ResultOf<'health.actionPolicy'>>(['actions', 'policy', file, '--light', 'on', '--json']);
    expect(policy.policy).toEqual({ light: true, medium: false, heavy: true, redScore: true });
    expect(rwb(['actions', 'policy', file], env).stdout).toContain('Opens actions: heavy signals, light signals, red health');
  });
});

import { describe, expect, expectTypeOf, it } from 'vitest';
import { CHANNEL_NAMES, contract, type EngineStatus, type JobChannelName, type JobProgress } from '../../../shared/contract';
import type { WorkbenchBridge } from '../../../shared/contract/bridge';
import { EventListeners } from '../../../shared/contract/event-listeners';
import type { ShellArgsOf, ShellResultOf } from '../../../shared/contract/shell';

// Partly a type test: `tsc -b` (part of `npm test`) checks every line, and each @ts-expect-error fails
// the typecheck if the call it marks ever compiles, i.e. if the page could send a payload, argument or
// channel the contract does not declare. The functions below are never called.

export function eventsAreTyped(bridge: WorkbenchBridge<{ name: string }>, events: EventListeners): void {
  bridge.on('job.progress', (p) => expectTypeOf(p).toEqualTypeOf<JobProgress>());
  bridge.on('engine.status', (s) => expectTypeOf(s).toEqualTypeOf<EngineStatus>());
  // @ts-expect-error a listener reads only its own event's payload
  bridge.on('engagement.changed', (p) => p.jobId);
  // @ts-expect-error no such event
  events.add('job.finished', () => {});
  // @ts-expect-error an event is emitted with its own payload
  events.emit('engine.status', { jobId: 'x', phase: 'p', done: 0, total: null });
}

export function callsAreTyped(bridge: WorkbenchBridge<{ name: string }>): void {
  void bridge.invoke('engagement.open', { path: '/x.rwb' });
  // @ts-expect-error arguments follow the channel's schema
  void bridge.invoke('engagement.open', { file: '/x.rwb' });
  // @ts-expect-error a shell channel is not a contract channel
  void bridge.invoke('dialog.saveFile', { suggestedName: 'a.xlsx', kind: 'xlsx' });
  void bridge.shell('dialog.saveFile', { suggestedName: 'a.xlsx', kind: 'xlsx' });
  // @ts-expect-error the file kinds are the shell map's enum
  void bridge.shell('dialog.saveFile', { suggestedName: 'a.doc', kind: 'doc' });
  expectTypeOf<ShellArgsOf<'shell.showItemInFolder'>>().toEqualTypeOf<{ path: string }>();
  expectTypeOf<ShellResultOf<'dialog.openDataFile'>>().toEqualTypeOf<string | null>();
}

describe('the typed contract', () => {
  it('counts as job channels exactly those declared { job: true }, at run time and in the type useJob takes', () => {
    const jobChannels: JobChannelName[] = [
      'engagement.createDemo',
      'import.run',
      'diagnostics.run',
      'health.run',
      'report.exportXlsx',
      'report.exportPdf',
      'report.exportPptx',
      'churn.fit',
      'churn.backtest',
      'clv.fit',
      'table.export',
      'voc.analyse',
      'churn.review',
      'impact.indicators',
      'impact.fee',
    ];
    // @ts-expect-error a quick call is not a job
    const notAJob: JobChannelName = 'app.info';
    expect(notAJob).toBe('app.info');
    expect(CHANNEL_NAMES.filter((n) => contract[n].job).sort()).toEqual([...jobChannels].sort());
    for (const name of jobChannels) expect(contract[name].args.safeParse({}).success || 'jobId' in contract[name].args.shape).toBe(true);
  });
});

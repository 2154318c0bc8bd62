import { randomUUID } from 'node:crypto';
import { contract, isChannelName, type ChannelName, type Envelope } from '../../shared/contract';
import type { CallContext, CancelSignal } from '../../shared/contract/define';
import type { Backend } from './backend';
import { WorkbenchError, toWireError } from './errors';
import type { Handler, Handlers } from './handlers';
import { throttledProgress } from './jobs';
import { classifySystemError } from './system-errors';

export interface DispatchOptions {
  /**
   * A job thread's cancel flag (Int32Array over a SharedArrayBuffer, 1 = cancelled): a run that
   * computes for seconds without yielding still sees a cancel at its next checkpoint, because the
   * flag is read synchronously, not delivered as a message.
   */
  cancelFlag?: Int32Array;
}

function flaggedSignal(signal: AbortSignal, flag: Int32Array): CancelSignal {
  return {
    get aborted() {
      return signal.aborted || Atomics.load(flag, 0) === 1;
    },
    addEventListener: (type, listener) => signal.addEventListener(type, listener),
    removeEventListener: (type, listener) => signal.removeEventListener(type, listener),
  };
}

/**
 * The single entry every host uses: validate the arguments against the contract, run the handler,
 * and return an envelope. Nothing thrown escapes: errors become {ok:false, error:{code, message}}.
 */
export async function dispatch(
  backend: Backend,
  handlers: Handlers,
  name: string,
  rawArgs: unknown,
  options: DispatchOptions = {},
): Promise<Envelope<unknown>> {
  if (!isChannelName(name)) return { ok: false, error: new WorkbenchError('UNKNOWN_CHANNEL', { channel: name }).toWire() };
  const spec = contract[name];
  const parsed = spec.args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(args)'}: ${i.message}`).join('; ');
    return { ok: false, error: new WorkbenchError('INVALID_ARGUMENTS', { detail }).toWire() };
  }
  const args = parsed.data as { jobId?: string };
  const jobId = spec.job ? (args.jobId ?? randomUUID()) : null;
  const controller = jobId ? backend.jobs.start(jobId) : new AbortController();
  const signal = options.cancelFlag ? flaggedSignal(controller.signal, options.cancelFlag) : controller.signal;
  const ctx: CallContext = {
    jobId,
    signal,
    progress: jobId ? throttledProgress((p) => backend.events.emit('job.progress', p), jobId) : () => {},
  };
  try {
    const handler = handlers[name] as Handler<ChannelName>;
    const value = await handler(parsed.data as never, ctx);
    return { ok: true, value };
  } catch (err) {
    if (signal.aborted) return { ok: false, error: new WorkbenchError('CANCELLED').toWire() };
    const classified = classifySystemError(err, backend.workspace?.path ?? null);
    if (!(classified instanceof WorkbenchError)) console.error(`[rwb] ${name} failed:`, err);
    return { ok: false, error: toWireError(classified) };
  } finally {
    if (jobId) backend.jobs.finish(jobId);
  }
}

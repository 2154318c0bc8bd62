// The engine's side of the relay: one Backend, the contract's calls answered by dispatch (the long
// ones in job threads), events pushed to the host. Each call is answered on its own: a slow call
// never holds up the answer to a quick one that came after it.
import { isChannelName, type Envelope } from '../../../shared/contract';
import { Backend } from '../backend';
import { dispatch } from '../dispatch';
import { createHandlers, type Handlers } from '../handlers';
import { isExportedFile } from '../reports/exported-files';
import type { PdfPageOptions, PdfPrinter } from '../reports/pdf';
import { JobThreads, THREADED_JOBS } from './job-threads';
import type { EngineInit, EngineQuery, FromEngine, ToEngine } from './protocol';

export interface EnginePort {
  post(message: FromEngine): void;
  onMessage(listener: (message: ToEngine) => void): void;
  /** Ends the engine's thread or process once the workspace is closed. */
  exit(): void;
}

/** Calls that change which workspace is open: running jobs are cancelled and awaited first. */
const SWITCHES = new Set(['engagement.open', 'engagement.create', 'engagement.createDemo', 'engagement.close']);

export function serveEngine(port: EnginePort): void {
  let state: { backend: Backend; handlers: Handlers; jobs: JobThreads } | null = null;
  const hostCalls = new Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void }>();
  let hostSeq = 0;

  // Electron prints with the window's own Chromium, which lives in main: ask the host.
  const hostPrinter = (): Promise<PdfPrinter> =>
    Promise.resolve({
      print(html: string, page: PdfPageOptions) {
        const seq = ++hostSeq;
        return new Promise<Buffer>((resolve, reject) => {
          hostCalls.set(seq, { resolve, reject });
          port.post({ kind: 'hostCall', seq, op: 'printPdf', html, page });
        });
      },
      close: () => Promise.resolve(),
    });

  function start(init: EngineInit): void {
    const backend = new Backend({ ...init, createPdfPrinter: init.pdf === 'host' ? hostPrinter : undefined });
    backend.events.subscribe((name, payload) => port.post({ kind: 'event', name, payload }));
    state = { backend, handlers: createHandlers(backend), jobs: new JobThreads(backend, init) };
    port.post({ kind: 'ready' });
  }

  async function call(name: string, args: unknown): Promise<Envelope<unknown>> {
    const s = state!;
    if (SWITCHES.has(name)) await s.jobs.cancelAll();
    const ws = s.backend.workspace;
    if (ws && isChannelName(name) && THREADED_JOBS.has(name)) return s.jobs.run(name, args, ws);
    return dispatch(s.backend, s.handlers, name, args);
  }

  function query(q: EngineQuery): boolean | null {
    const s = state!;
    switch (q.op) {
      case 'isExportedFile':
        return isExportedFile(s.backend, q.path);
      case 'integrityCheck': {
        const ws = s.backend.workspace;
        return ws ? ws.sqlite.pragma('quick_check', { simple: true }) === 'ok' : null;
      }
    }
  }

  async function shutdown(): Promise<void> {
    if (state) {
      await state.jobs.cancelAll();
      await state.backend.shutdown();
    }
    port.post({ kind: 'closed' });
    port.exit();
  }

  port.onMessage((m) => {
    switch (m.kind) {
      case 'init':
        start(m.init);
        return;
      case 'call':
        void call(m.name, m.args).then((envelope) => port.post({ kind: 'result', seq: m.seq, envelope }));
        return;
      case 'query':
        port.post({ kind: 'queryResult', seq: m.seq, value: query(m.query) });
        return;
      case 'hostReply': {
        const pending = hostCalls.get(m.seq);
        hostCalls.delete(m.seq);
        if (m.ok) pending?.resolve(Buffer.from(m.value));
        else pending?.reject(new Error(m.message));
        return;
      }
      case 'shutdown':
        void shutdown();
        return;
    }
  });
}

// The host's side of the relay (Signal Desktop's MainSQL shape): calls numbered, answered through a
// seq → resolve map, events forwarded. When the engine dies, every call in flight is answered with a
// coded error, the UI is told, and a new engine starts and reopens the workspace after checking it.
import type { Envelope, EventName } from '../../../shared/contract';
import { WorkbenchError } from '../errors';
import type { Engine, EngineListener } from './engine';
import type { EngineLink } from './links';
import type { EngineInit, EngineQuery, FromEngine } from './protocol';
import type { PdfPageOptions } from '../reports/pdf';

export interface EngineClientOptions {
  init: EngineInit;
  link: () => EngineLink;
  /** The host's PDF printer, for engines started with pdf: 'host' (Electron). */
  printPdf?: (html: string, page: PdfPageOptions) => Promise<Uint8Array>;
  /** How many restarts in a minute before the client stops trying (a crash loop helps nobody). */
  maxRestartsPerMinute?: number;
}

type Pending = { resolve: (env: Envelope<unknown>) => void };

export class EngineClient implements Engine {
  private link: EngineLink | null = null;
  private ready: Promise<void> | null = null;
  private seq = 0;
  private readonly calls = new Map<number, Pending>();
  private readonly queries = new Map<number, (v: boolean | null) => void>();
  private readonly listeners = new Set<EngineListener>();
  private openPath: string | null = null;
  /**
   * The open workspace's passphrase, when it is encrypted, so a new engine can reopen it after a
   * crash: held in this process's memory only, as the call that carried it was.
   */
  private openPassphrase: string | null = null;
  private closing: Promise<void> | null = null;
  private onClosed: (() => void) | null = null;
  private restarts: number[] = [];

  constructor(private readonly options: EngineClientOptions) {}

  /** Start the engine; resolves when it is ready to answer. */
  start(): Promise<void> {
    const link = this.options.link();
    this.link = link;
    this.ready = new Promise<void>((resolve) => {
      link.onMessage((m) => this.receive(m, resolve));
    });
    link.onExit((reason) => void this.lost(link, reason));
    link.send({ kind: 'init', init: this.options.init });
    return this.ready;
  }

  /** The engine's process id, when it runs in a process of its own. */
  get pid(): number | null {
    return this.link?.pid ?? null;
  }

  async call(name: string, args: unknown): Promise<Envelope<unknown>> {
    if (!this.ready) await this.start();
    await this.ready;
    const link = this.link!;
    const seq = ++this.seq;
    const env = await new Promise<Envelope<unknown>>((resolve) => {
      this.calls.set(seq, { resolve });
      link.send({ kind: 'call', seq, name, args });
    });
    if (env.ok) this.notePassphrase(name, args);
    return env;
  }

  private notePassphrase(name: string, args: unknown): void {
    const a = (args ?? {}) as { passphrase?: unknown; next?: unknown };
    const text = (v: unknown) => (typeof v === 'string' ? v : null);
    if (name === 'engagement.open' || name === 'engagement.create' || name === 'engagement.encrypt') this.openPassphrase = text(a.passphrase);
    else if (name === 'engagement.changePassphrase') this.openPassphrase = text(a.next);
    else if (name === 'engagement.close' || name === 'engagement.createDemo') this.openPassphrase = null;
  }

  subscribe(listener: EngineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async isExportedFile(path: string): Promise<boolean> {
    return (await this.query({ op: 'isExportedFile', path })) === true;
  }

  async close(): Promise<void> {
    if (this.closing) return this.closing;
    if (!this.link) return;
    this.closing = new Promise<void>((resolve) => (this.onClosed = resolve));
    this.link.send({ kind: 'shutdown' });
    // An engine that does not close in time (a stuck job) is ended: the workspace's transaction
    // rolls back, which is what a cancel would have left.
    const timer = setTimeout(() => this.link?.kill(), 10_000);
    await this.closing;
    clearTimeout(timer);
  }

  private async query(q: EngineQuery): Promise<boolean | null> {
    if (!this.ready) await this.start();
    await this.ready;
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.queries.set(seq, resolve);
      this.link!.send({ kind: 'query', seq, query: q });
    });
  }

  private emit(name: EventName, payload: unknown): void {
    for (const l of this.listeners) l(name, payload as never);
  }

  private receive(m: FromEngine, ready: () => void): void {
    switch (m.kind) {
      case 'ready':
        ready();
        return;
      case 'result': {
        const p = this.calls.get(m.seq);
        this.calls.delete(m.seq);
        p?.resolve(m.envelope);
        return;
      }
      case 'queryResult': {
        const q = this.queries.get(m.seq);
        this.queries.delete(m.seq);
        q?.(m.value);
        return;
      }
      case 'event':
        if (m.name === 'engagement.changed') this.openPath = (m.payload as { info: { path: string } | null }).info?.path ?? null;
        this.emit(m.name, m.payload);
        return;
      case 'hostCall':
        void this.hostCall(m.seq, m.html, m.page);
        return;
      case 'closed':
        return;
    }
  }

  private async hostCall(seq: number, html: string, page: PdfPageOptions): Promise<void> {
    try {
      if (!this.options.printPdf) throw new Error('this host prints no PDF');
      const value = await this.options.printPdf(html, page);
      this.link?.send({ kind: 'hostReply', seq, ok: true, value });
    } catch (err) {
      this.link?.send({ kind: 'hostReply', seq, ok: false, message: err instanceof Error ? err.message : String(err) });
    }
  }

  /** The engine is gone: answer what was in flight, then start a new one unless we were closing it. */
  private async lost(link: EngineLink, reason: string): Promise<void> {
    if (link !== this.link) return;
    const stopped = new WorkbenchError('ENGINE_STOPPED', { reason }).toWire();
    for (const p of this.calls.values()) p.resolve({ ok: false, error: stopped });
    this.calls.clear();
    for (const q of this.queries.values()) q(null);
    this.queries.clear();
    this.link = null;
    this.ready = null;
    if (this.closing) {
      this.onClosed?.();
      return;
    }
    console.error(`[rwb] engine stopped: ${reason}`);
    this.emit('engine.status', { state: 'crashed', reason, workspaceReopened: false, integrityOk: null });
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < 60_000);
    if (this.restarts.length >= (this.options.maxRestartsPerMinute ?? 3)) {
      this.emit('engine.status', { state: 'stopped', reason, workspaceReopened: false, integrityOk: null });
      return;
    }
    this.restarts.push(now);
    await this.start();
    const path = this.openPath;
    let reopened = false;
    let integrityOk: boolean | null = null;
    if (path) {
      // Opening inspects the file (quick_check, as every open does) and rolls back what the dead
      // engine left uncommitted; a refusal comes back as the open's own coded error.
      const passphrase = this.openPassphrase;
      const env = await this.call('engagement.open', { path, ...(passphrase ? { passphrase } : {}) });
      reopened = env.ok;
      integrityOk = reopened ? await this.query({ op: 'integrityCheck' }) : false;
    }
    this.emit('engine.status', { state: 'restarted', reason, workspaceReopened: reopened, integrityOk });
  }
}

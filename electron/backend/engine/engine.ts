import type { BackendEvents, Envelope, EventName } from '../../../shared/contract';
import { Backend, type BackendOptions } from '../backend';
import { dispatch } from '../dispatch';
import { createHandlers, type Handlers } from '../handlers';
import { isExportedFile } from '../reports/exported-files';

export type EngineListener = <E extends EventName>(name: E, payload: BackendEvents[E]) => void;

/**
 * What a host talks to: the contract's calls, the engine's events, and the two questions a host
 * asks besides (may this file be downloaded; is the open workspace intact). Implemented in-process
 * (the CLI, tests) and by EngineClient, which relays to an engine in its own thread or process.
 */
export interface Engine {
  call(name: string, args: unknown): Promise<Envelope<unknown>>;
  subscribe(listener: EngineListener): () => void;
  isExportedFile(path: string): Promise<boolean>;
  close(): Promise<void>;
}

/** The engine on the caller's own thread: for the CLI, which has no UI to keep responsive, and tests. */
export class InProcessEngine implements Engine {
  readonly backend: Backend;
  private readonly handlers: Handlers;

  constructor(backendOrOptions: Backend | BackendOptions) {
    this.backend = backendOrOptions instanceof Backend ? backendOrOptions : new Backend(backendOrOptions);
    this.handlers = createHandlers(this.backend);
  }

  call(name: string, args: unknown): Promise<Envelope<unknown>> {
    return dispatch(this.backend, this.handlers, name, args);
  }

  subscribe(listener: EngineListener): () => void {
    return this.backend.events.subscribe(listener);
  }

  isExportedFile(path: string): Promise<boolean> {
    return Promise.resolve(isExportedFile(this.backend, path));
  }

  close(): Promise<void> {
    return this.backend.shutdown();
  }
}

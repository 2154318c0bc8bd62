import type { BackendEvents, EventName } from '../../shared/contract';

type Listener = <E extends EventName>(name: E, payload: BackendEvents[E]) => void;

/** Hosts (Electron main, web host) subscribe once and forward every event to their UI. */
export class EventHub {
  private readonly listeners = new Set<Listener>();
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit<E extends EventName>(name: E, payload: BackendEvents[E]): void {
    for (const l of this.listeners) l(name, payload);
  }
}

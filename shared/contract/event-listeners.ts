import type { BackendEvents, EventName } from './events';

type ListenerSets = { [E in EventName]: Set<(payload: BackendEvents[E]) => void> };

/** Listeners per event name, so each receives only its event, with its payload typed. */
export class EventListeners {
  // One set per event, listed so that a new event fails to compile here until it has its set.
  private readonly byName: ListenerSets = {
    'job.progress': new Set(),
    'engagement.changed': new Set(),
    'app.localeChanged': new Set(),
    'engine.status': new Set(),
  };

  add<E extends EventName>(name: E, cb: (payload: BackendEvents[E]) => void): () => void {
    const set = this.byName[name];
    set.add(cb);
    return () => {
      set.delete(cb);
    };
  }

  emit<E extends EventName>(name: E, payload: BackendEvents[E]): void {
    // A copy: a listener may unsubscribe itself (a finished job) while the set is being walked.
    for (const cb of [...this.byName[name]]) cb(payload);
  }

  count(name: EventName): number {
    return this.byName[name].size;
  }
}

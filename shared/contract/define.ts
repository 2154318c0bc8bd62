import type { z } from 'zod';

/** A call the UI can make: its argument schema and (as a phantom type) its result. */
export interface Channel<A extends z.ZodType, R, J extends boolean = boolean> {
  readonly args: A;
  /** true when the call reports progress and can be cancelled through job.cancel (a literal type, so the UI's job hook accepts only these) */
  readonly job: J;
  /** never set at run time; carries the result type */
  readonly __result?: R;
}

export function channel<A extends z.ZodType>(args: A): { returns<R>(): Channel<A, R, false> };
export function channel<A extends z.ZodType, J extends boolean>(args: A, opts: { job: J }): { returns<R>(): Channel<A, R, J> };
export function channel<A extends z.ZodType>(args: A, opts: { job?: boolean } = {}) {
  return {
    returns<R>(): Channel<A, R> {
      return { args, job: opts.job ?? false };
    },
  };
}

/** The part of AbortSignal a handler uses; declared here because shared/ has no DOM or Node types. */
export interface CancelSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** Per-call context the host gives a handler: progress reporting and cancellation for jobs. */
export interface CallContext {
  readonly jobId: string | null;
  readonly signal: CancelSignal;
  progress(phase: string, done: number, total: number | null): void;
}

type ResultOfChannel<C> = C extends Channel<z.ZodType, infer R> ? R : never;

/** The handler map a domain must provide for its channel map. */
export type HandlersFor<M extends Record<string, Channel<z.ZodType, unknown>>> = {
  [K in keyof M]: (args: z.output<M[K]['args']>, ctx: CallContext) => Promise<ResultOfChannel<M[K]>>;
};

/** The intersection of a tuple of maps: what merging them gives when no name repeats. */
export type MergedMaps<T extends readonly object[]> = T extends readonly [infer H, ...infer R extends readonly object[]] ? H & MergedMaps<R> : unknown;

/**
 * Merge channel (or handler) maps into one, refusing a name that two maps declare. Spreading would let
 * the later map overwrite the earlier one silently: one domain's call would run another's handler.
 * Runs at module load, so a clash stops every host and test at start-up.
 */
export function mergeChannels<T extends readonly object[]>(...maps: T): MergedMaps<T> {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, value] of Object.entries(map)) {
      if (Object.hasOwn(merged, name)) throw new Error(`channel '${name}' is declared twice; every channel name must be unique`);
      merged[name] = value;
    }
  }
  return merged as MergedMaps<T>;
}

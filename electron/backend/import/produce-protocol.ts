// What the producer worker and the pipeline's thread say to each other. Errors cross as plain data
// (structured clone keeps an Error's message but not its code and params) and are rebuilt on arrival,
// so a file the reader refuses halfway still reaches the user as the same coded, translated error.
import type { ErrorCode, ErrorParams } from '../../../shared/errors';
import { WorkbenchError } from '../errors';
import { ImportFileError, type ImportFileErrorCode, type ImportFileErrorParams } from './errors';
import type { ProducedChunk } from './produce';

/** Chunks the worker may post before the pipeline has written them. */
export const IN_FLIGHT = 3;

export type SentError =
  | { kind: 'file'; code: ImportFileErrorCode; params: ImportFileErrorParams }
  | { kind: 'workbench'; code: ErrorCode; params: ErrorParams }
  | { kind: 'other'; message: string; stack: string | undefined };

export type ProducerMessage = { type: 'chunk'; chunk: ProducedChunk } | { type: 'done' } | { type: 'error'; error: SentError };

export function describeError(err: unknown): SentError {
  if (err instanceof ImportFileError) return { kind: 'file', code: err.code, params: err.params };
  if (err instanceof WorkbenchError) return { kind: 'workbench', code: err.code, params: err.params };
  return err instanceof Error ? { kind: 'other', message: err.message, stack: err.stack } : { kind: 'other', message: String(err), stack: undefined };
}

export function rebuildError(e: SentError): Error {
  if (e.kind === 'file') return new ImportFileError(e.code, e.params);
  if (e.kind === 'workbench') return new WorkbenchError(e.code, e.params);
  const err = new Error(e.message);
  if (e.stack !== undefined) err.stack = e.stack;
  return err;
}

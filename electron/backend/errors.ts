import { formatError, type ErrorCode, type ErrorParams, type WireError } from '../../shared/errors';

/** The one error type the backend throws on purpose; dispatch turns it into an envelope. */
export class WorkbenchError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  constructor(code: ErrorCode, params: ErrorParams = {}, options?: { cause?: unknown }) {
    super(formatError(code, params, 'en'), options);
    this.name = 'WorkbenchError';
    this.code = code;
    this.params = params;
  }
  toWire(): WireError {
    return { code: this.code, message: this.message, params: this.params };
  }
}

export function toWireError(err: unknown): WireError {
  if (err instanceof WorkbenchError) return err.toWire();
  const detail = err instanceof Error ? err.message : String(err);
  return new WorkbenchError('INTERNAL', { detail }).toWire();
}

import type { SignalFilterInput } from '../../../../../shared/health/triage';

/** The filters the inbox and the board share (every dimension "any of" its values; null = not set). Plain .ts so non-React code (saved views) can import it. */
export type TriageFilter = Omit<SignalFilterInput, 'view'>;

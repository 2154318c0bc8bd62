import type { z } from 'zod';
import { mergeChannels, type Channel } from './define';
import type { WireError } from '../errors';
import { engagementChannels } from './engagement';
import { importChannels } from './import';
import { diagnosticsChannels } from './diagnostics';
import { healthChannels } from './health';
import { triageChannels } from './triage';
import { checklistsChannels } from './checklists';
import { reportsChannels } from './reports';
import { churnChannels } from './churn';
import { privacyChannels } from './privacy';
import { clvChannels } from './clv';
import { impactChannels } from './impact';
import { paramsChannels } from './params';
import { attributesChannels } from './attributes';
import { vocChannels } from './voc';
import { tableExportChannels } from './table-export';
import { viewsChannels } from './views';
import { overviewChannels } from './overview';
import { documentsChannels } from './documents';
import { displayChannels } from './display';
import { findingsChannels } from './findings';

// THE contract: every call the UI can make. Preload, main's IPC registration, the web host and the
// renderer client are all derived from this object; a domain adds its map to the list. A name two
// domains declare throws here, at load, instead of one silently replacing the other.
export const contract = mergeChannels(
  engagementChannels,
  importChannels,
  diagnosticsChannels,
  healthChannels,
  triageChannels,
  checklistsChannels,
  reportsChannels,
  churnChannels,
  clvChannels,
  impactChannels,
  paramsChannels,
  privacyChannels,
  attributesChannels,
  vocChannels,
  tableExportChannels,
  viewsChannels,
  overviewChannels,
  documentsChannels,
  displayChannels,
  findingsChannels,
);

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

type ArgsSchema<K extends ChannelName> = Contract[K]['args'];
/** What the caller passes (defaults may be omitted). */
export type ArgsOf<K extends ChannelName> = z.input<ArgsSchema<K>>;
/** What the handler receives, after validation and defaults. */
export type ParsedArgsOf<K extends ChannelName> = z.output<ArgsSchema<K>>;
export type ResultOf<K extends ChannelName> = Contract[K] extends Channel<z.ZodType, infer R> ? R : never;

/** The channels declared { job: true }: they take a jobId, report progress and can be cancelled. */
export type JobChannelName = { [K in ChannelName]: Contract[K]['job'] extends true ? K : never }[ChannelName];

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: WireError };

/** The renderer's one API type; both transports (Electron bridge, HTTP) implement it. */
export type WorkbenchApi = { [K in ChannelName]: (args: ArgsOf<K>) => Promise<ResultOf<K>> };

export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(contract, name);
}

export type { BackendEvents, EngineStatus, EventName, JobProgress } from './events';
export { EVENT_NAMES, isEventName } from './events';

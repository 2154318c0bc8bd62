import type { ChannelName, ParsedArgsOf, ResultOf } from '../../../shared/contract';
import { mergeChannels, type CallContext } from '../../../shared/contract/define';
import type { Backend } from '../backend';
import { engagementHandlers } from './engagement';
import { importHandlers } from './import';
import { diagnosticsHandlers } from './diagnostics';
import { healthHandlers } from './health';
import { triageHandlers } from './triage';
import { checklistsHandlers } from './checklists';
import { reportsHandlers } from './reports';
import { churnHandlers } from './churn';
import { privacyHandlers } from './privacy';
import { clvHandlers } from './clv';
import { impactHandlers } from './impact';
import { paramsHandlers } from './params';
import { attributesHandlers } from './attributes';
import { vocHandlers } from './voc';
import { tableExportHandlers } from './table-export';
import { viewsHandlers } from './views';
import { overviewHandlers } from './overview';
import { documentsHandlers } from './documents';
import { displayHandlers } from './display';
import { findingsHandlers } from './findings';

export type Handler<K extends ChannelName> = (args: ParsedArgsOf<K>, ctx: CallContext) => Promise<ResultOf<K>>;
export type Handlers = { [K in ChannelName]: Handler<K> };

/**
 * Every channel of the contract must have a handler here; the type fails to compile otherwise, and a
 * handler two domains provide throws instead of the later one winning.
 */
export function createHandlers(b: Backend): Handlers {
  return mergeChannels(
    engagementHandlers(b),
    importHandlers(b),
    diagnosticsHandlers(b),
    healthHandlers(b),
    triageHandlers(b),
    checklistsHandlers(b),
    reportsHandlers(b),
    churnHandlers(b),
    clvHandlers(b),
    impactHandlers(b),
    paramsHandlers(b),
    privacyHandlers(b),
    attributesHandlers(b),
    vocHandlers(b),
    tableExportHandlers(b),
    viewsHandlers(b),
    overviewHandlers(b),
    documentsHandlers(b),
    displayHandlers(b),
    findingsHandlers(b),
  );
}

import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { action } from '../program';
import { CliFailure, padText, printResult, textWidth, type CliGlobals } from '../output';
import { batchNotes } from '../../../shared/import/batch-notes';
import { createTranslator } from '../../../shared/i18n/translate';
import { ENTITY_KINDS, type EntityKind } from '../../../shared/domain/entities';
import type { ImportBatchDetail, ImportBatchSummary, RejectPage } from '../../../shared/import/batch';
import type { AttributeType } from '../../../shared/import/attributes';
import type { UndoResult } from '../../../shared/contract/import';

interface ImportOptions {
  entity?: string;
  sheet?: string;
  mapping?: string;
  unknownCustomers?: string;
  undo?: string;
  saveMapping?: string;
  headerRow?: string;
  encoding?: string;
}

function invalid(detail: string): CliFailure {
  return new CliFailure({ code: 'INVALID_ARGUMENTS', message: detail, params: { detail } });
}

/**
 * A mapping file: {"orderKey": "单号", ...} (field → header), or a saved mapping
 * {"entity": "orders", "fields": [{"field": "orderKey", "header": "单号"}]} as the app stores it.
 */
function readMappingFile(path: string): { field: string; header: string; scale?: number }[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw invalid(`cannot read mapping file ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (json && typeof json === 'object' && Array.isArray((json as { fields?: unknown }).fields)) {
    return (json as { fields: { field: string; header: string; scale?: number; attributeType?: AttributeType }[] }).fields;
  }
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    return Object.entries(json as Record<string, unknown>).map(([field, header]) => {
      if (typeof header !== 'string') throw invalid(`mapping file ${path}: the header for ${field} must be a string`);
      return { field, header };
    });
  }
  throw invalid(`mapping file ${path}: expected {"field": "header", ...}`);
}

export function batchText(b: ImportBatchDetail | ImportBatchSummary, g: CliGlobals): string {
  const t = createTranslator(g.lang);
  const n = (v: number) => v.toLocaleString(g.lang === 'en' ? 'en' : 'zh-CN');
  // Label, value (right-aligned), and what follows: labels padded to the widest, in terminal columns.
  const rows: [string, string, string][] = [
    [t('import:summary.read'), n(b.rowsRead), ''],
    [t('import:summary.accepted'), n(b.rowsAccepted), ''],
    [t('import:summary.rejected'), n(b.rowsRejected), ''],
    [t('import:summary.duplicates'), n(b.rowsDuplicate), ''],
  ];
  if (b.customersCreated > 0 || b.unknownCustomers > 0) {
    rows.push([t('import:summary.unknownCustomers'), n(b.unknownCustomers), `   ${t('import:summary.customersCreatedN', { count: b.customersCreated })}`]);
  }
  const labelWidth = Math.max(...rows.map(([label]) => textWidth(label)));
  const lines = [
    t('import:cli.batchLine', { id: b.id, entity: t(`import:entities.${b.entity}`), file: b.fileName }),
    ...rows.map(([label, value, after]) => `  ${padText(label, labelWidth)}  ${value.padStart(10)}${after}`),
  ];
  if (b.dateMin) lines.push(`  ${padText(t('import:summary.dateRange'), labelWidth)}  ${b.dateMin} – ${b.dateMax}`);
  for (const note of batchNotes(b, (type) => t(`import:attributeTypes.${type}`), g.lang !== 'en')) lines.push(`  ${t(`import:${note.key}`, note.params)}`);
  if ('rejectsByReason' in b && b.rejectsByReason.length > 0) {
    lines.push('', t('import:summary.rejectsByReason'));
    for (const r of b.rejectsByReason)
      lines.push(`  ${n(r.count).padStart(8)}  ${t(`import:reasonNames.${r.code}`, { defaultValue: r.code })}${r.column ? `  (${r.column})` : ''}`);
    lines.push('', t('import:cli.rejectsHint', { id: b.id }));
  }
  if (b.status === 'undone') lines.push(t('import:cli.undoneAt', { at: b.undoneAt ?? '' }));
  return lines.join('\n');
}

function rejectsText(page: RejectPage, g: CliGlobals): string {
  const t = createTranslator(g.lang);
  if (page.total === 0) return t('import:rejects.none');
  const lines = [t('import:cli.rejectsCount', { count: page.total })];
  for (const r of page.rows) {
    const reason = t(`import:reasons.${r.code}`, { ...r.params, defaultValue: r.reason });
    lines.push(`  ${String(r.rowNumber).padStart(7)}  ${(r.column ?? '').padEnd(12)} ${JSON.stringify(r.rawValue ?? '')}  ${reason}`);
  }
  if (page.rows.length < page.total) lines.push(t('import:cli.rejectsMore', { shown: page.rows.length, total: page.total }));
  return lines.join('\n');
}

export function registerImportCommands(program: Command): void {
  program
    .command('import')
    .description('import a CSV/TSV/TXT or XLSX export into the engagement as one batch (or undo a batch)')
    .argument('<file>', 'workspace file (.rwb)')
    .argument('[data]', 'the data file to import')
    .option('--entity <entity>', `what the file holds: ${ENTITY_KINDS.join(', ')} (default: guessed from the headers)`)
    .option('--sheet <name>', 'XLSX: the sheet to import (default: the first with data)')
    .option('--mapping <file.json>', 'column mapping {"field": "header", ...} (default: saved mapping or suggestion)')
    .option('--unknown-customers <mode>', 'orders naming a customer not in the customer list: create or reject', 'create')
    .option('--header-row <n>', 'the header row (1-based), when detection gets it wrong')
    .option('--encoding <name>', 'text encoding, when detection gets it wrong (UTF-8, GB18030, UTF-16LE ...)')
    .option('--save-mapping <system>', 'save the mapping used under this client-system name')
    .option('--undo <batchId>', 'undo an import batch instead of importing')
    .action(
      action(async (s, g, file, data, opts) => {
        const o = opts as ImportOptions;
        await s.call('engagement.open', { path: String(file) });
        if (o.undo !== undefined) {
          const r: UndoResult = await s.call('import.undo', { batchId: Number(o.undo) });
          printResult(g, r, () => `${createTranslator(g.lang)('import:cli.undone', { id: r.batch.id, rows: r.rowsDeleted, customers: r.customersDeleted })}`);
          return;
        }
        if (typeof data !== 'string') throw invalid('give the data file to import, or --undo BATCH_ID');
        if (o.entity !== undefined && !(ENTITY_KINDS as readonly string[]).includes(o.entity))
          throw invalid(`unknown entity ${o.entity}; one of ${ENTITY_KINDS.join(', ')}`);
        if (o.unknownCustomers !== 'create' && o.unknownCustomers !== 'reject') throw invalid('--unknown-customers must be create or reject');
        // One plan: the preview detects the file and settles entity and mapping once; the run reuses it.
        const headerRow = o.headerRow === undefined ? undefined : Number(o.headerRow);
        const preview = await s.call('import.preview', {
          path: data,
          ...(o.entity ? { entity: o.entity as EntityKind } : {}),
          ...(o.sheet ? { sheet: o.sheet } : {}),
          ...(headerRow ? { headerRow } : {}),
          ...(o.encoding ? { encoding: o.encoding } : {}),
        });
        const r = await s.call('import.run', {
          plan: preview.plan,
          ...(o.saveMapping ? { saveMappingAs: o.saveMapping } : {}),
          ...(o.mapping ? { headerMapping: readMappingFile(o.mapping) } : {}),
          options: { unknownCustomers: o.unknownCustomers },
        });
        if (r.replanned && !g.json) process.stderr.write(`${createTranslator(g.lang)('import:cli.replanned')}\n`);
        printResult(g, r.batch, () => batchText(r.batch, g));
      }),
    );

  program
    .command('undo-import')
    .description('undo an import batch: delete its rows (and customers it created); the batch stays in the history')
    .argument('<file>', 'workspace file (.rwb)')
    .argument('<batchId>', 'the batch to undo')
    .action(
      action(async (s, g, file, batchId) => {
        await s.call('engagement.open', { path: String(file) });
        const r = await s.call('import.undo', { batchId: Number(batchId) });
        printResult(g, r, () => createTranslator(g.lang)('import:cli.undone', { id: r.batch.id, rows: r.rowsDeleted, customers: r.customersDeleted }));
      }),
    );

  program
    .command('imports')
    .description('list the import batches of an engagement')
    .argument('<file>', 'workspace file (.rwb)')
    .action(
      action(async (s, g, file) => {
        await s.call('engagement.open', { path: String(file) });
        const list = await s.call('import.batches', {});
        const t = createTranslator(g.lang);
        printResult(g, list, () =>
          list.length === 0
            ? t('import:history.none')
            : list
                .map(
                  (b) =>
                    `#${String(b.id).padEnd(4)} ${b.startedAt.slice(0, 16).replace('T', ' ')}  ${t(`import:entities.${b.entity}`).padEnd(10)} ${b.fileName}  ${t('import:cli.counts', { read: b.rowsRead, accepted: b.rowsAccepted, rejected: b.rowsRejected, duplicate: b.rowsDuplicate })}${b.status === 'undone' ? `  [${t('import:history.undone')}]` : ''}`,
                )
                .join('\n'),
        );
      }),
    );

  program
    .command('rejects')
    .description('list the rows an import batch rejected, with their reasons (or write them as CSV)')
    .argument('<file>', 'workspace file (.rwb)')
    .argument('<batchId>', 'the batch')
    .option('--csv <out>', 'write every reject with its source row to this CSV file')
    .option('--limit <n>', 'rows to print', '50')
    .action(
      action(async (s, g, file, batchId, opts) => {
        const o = opts as { csv?: string; limit: string };
        await s.call('engagement.open', { path: String(file) });
        if (o.csv) {
          const r = await s.call('import.exportRejects', { batchId: Number(batchId), path: o.csv });
          printResult(g, r, () => createTranslator(g.lang)('import:cli.rejectsWritten', { count: r.rows, path: r.path }));
          return;
        }
        const page = await s.call('import.rejects', { batchId: Number(batchId), limit: Math.min(1000, Math.max(1, Number(o.limit) || 50)) });
        printResult(g, page, () => rejectsText(page, g));
      }),
    );
}

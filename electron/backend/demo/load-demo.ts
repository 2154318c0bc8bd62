import { join } from 'node:path';
import { ENTITY_KINDS, type EntityKind } from '../../../shared/domain/entities';
import type { ImportBatchDetail } from '../../../shared/import/batch';
import { importFile } from '../import/import-file';
import { checkpoint } from '../jobs';
import type { Workspace } from '../workspace/workspace';
import { countEntities } from '../workspace/repositories/counts';
import { DEMO_FILES } from './demo-files';

// The demo exports of resources/demo/ go in through the real import pipeline, one batch per file,
// with the mapping the pipeline suggests for their headers: the demo shows what a consultant's own
// files get. The customer list comes first so orders can tell known customers from the two the CRM
// export lacks (created, flagged, as resources/demo/README.md documents).

export class DemoLoadError extends Error {}

export interface DemoLoad {
  counts: Record<EntityKind, number>;
  batches: ImportBatchDetail[];
}

export async function loadDemoData(
  ws: Workspace,
  dir: string,
  onFile?: (entity: EntityKind, index: number) => void,
  opts: { allowDuplicates?: boolean; signal?: AbortSignal } = {},
): Promise<DemoLoad> {
  const batches: ImportBatchDetail[] = [];
  for (const [i, entity] of ENTITY_KINDS.entries()) {
    onFile?.(entity, i);
    await checkpoint(opts.signal);
    const { batch } = await importFile(
      ws,
      { path: join(dir, DEMO_FILES[entity].file), entity, options: { unknownCustomers: 'create' } },
      opts.signal ? { signal: opts.signal } : {},
    );
    // The demo data is clean by construction: a reject means the generator or the mapping broke.
    if (batch.rowsRejected > 0 || (batch.rowsDuplicate > 0 && !opts.allowDuplicates)) {
      throw new DemoLoadError(
        `${DEMO_FILES[entity].file}: ${batch.rowsRejected} rejected, ${batch.rowsDuplicate} duplicate rows (${batch.rejectsByReason.map((r) => `${r.code} in ${r.column}`).join('; ')})`,
      );
    }
    batches.push(batch);
  }
  return { counts: await countEntities(ws.db), batches };
}

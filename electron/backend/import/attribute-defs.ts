// The workspace's list of customer attributes and their types: written when a batch keeps an
// attribute (the latest batch's type wins), and pruned when an undo leaves an attribute no value.
import type { WritableDB } from '../workspace/connection';
import type { AttributeType } from '../../../shared/import/attributes';

/** Inside the batch's transaction. */
export function defineAttributes(sqlite: WritableDB, attributes: readonly { name: string; type: AttributeType }[], batchId: number): void {
  if (attributes.length === 0) return;
  const put = sqlite.prepare(
    `insert into customer_attribute_def (name, type, batch_id) values (?, ?, ?)
     on conflict (name) do update set type = excluded.type, batch_id = excluded.batch_id`,
  );
  for (const a of attributes) put.run(a.name, a.type, batchId);
}

/** An undone batch's attribute values go with it; attributes left with no value are dropped. Returns values deleted. */
export function undoAttributes(sqlite: WritableDB, batchId: number): number {
  const deleted = sqlite.prepare('delete from customer_attribute where batch_id = ?').run(batchId).changes;
  sqlite.prepare('delete from customer_attribute_def where not exists (select 1 from customer_attribute a where a.name = customer_attribute_def.name)').run();
  return deleted;
}

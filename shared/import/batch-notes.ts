// What a batch's summary says beyond its figures, the same in the app and in `rwb import`: ids read
// back from floats, customers named by their id, and the columns kept as customer attributes.
import { ATTRIBUTE_FIELD } from './attributes';
import type { ImportBatchSummary } from './batch';

export interface BatchNote {
  /** Catalogue key under import: */
  key: 'summary.idsUnfloated' | 'summary.namesFromIds' | 'summary.attributesKept';
  params: Record<string, string | number>;
}

/** attributeType(type) names an attribute type in the reader's language; Chinese lists take （） and 、. */
export function batchNotes(b: ImportBatchSummary, attributeType: (type: string) => string, chinese = false): BatchNote[] {
  const notes: BatchNote[] = [];
  if (b.idsUnfloated > 0) notes.push({ key: 'summary.idsUnfloated', params: { count: b.idsUnfloated } });
  if (b.namesFromIds > 0) notes.push({ key: 'summary.namesFromIds', params: { count: b.namesFromIds } });
  const kept = b.mapping.filter((m) => m.field === ATTRIBUTE_FIELD);
  if (kept.length > 0) {
    const [open, close, sep] = chinese ? ['（', '）', '、'] : [' (', ')', ', '];
    const names = kept.map((m) => `${m.header || `#${m.column + 1}`}${open}${attributeType(m.attributeType ?? 'category')}${close}`).join(sep);
    notes.push({ key: 'summary.attributesKept', params: { names } });
  }
  return notes;
}

// Which entity a file holds, judged from its headers (and sample values): the entity whose suggested
// mapping covers the file best. The user confirms it in the preview; this only saves a click.
import { ENTITY_KINDS, type EntityKind } from '../domain/entities';
import { ENTITY_FIELDS } from './fields';
import { suggestMapping } from './suggest-mapping';
import type { RawCell } from './text';

export interface EntityGuess {
  entity: EntityKind;
  /** 0-1: how far ahead of the runner-up the winner is, and whether it needs nothing more. */
  confidence: number;
  scores: Record<EntityKind, number>;
}

export function guessEntity(headers: readonly string[], sampleRows: readonly (readonly RawCell[])[]): EntityGuess {
  const scores = {} as Record<EntityKind, number>;
  for (const entity of ENTITY_KINDS) {
    const s = suggestMapping(entity, headers, sampleRows);
    const fields = ENTITY_FIELDS[entity].fields;
    let score = 0;
    for (const a of s.assignments) {
      // Attributes take whatever no field took: no evidence for the entity.
      if (a.reason === 'attribute') continue;
      const f = fields.find((x) => x.name === a.field);
      // The entity's own id (订单编号, 工单编号) is the strongest evidence; the customer id is in most files.
      const weight = f?.key === 'own' ? 2.5 : f?.key === 'customer' || f?.name === 'customerName' ? 0.3 : f?.required ? 1.2 : 1;
      score += a.confidence * weight;
    }
    score -= 1.5 * s.missingRequired.length;
    scores[entity] = Math.round(score * 100) / 100;
  }
  const ranked = [...ENTITY_KINDS].sort((a, b) => scores[b] - scores[a]);
  const best = ranked[0]!;
  const gap = scores[best] - scores[ranked[1]!];
  return { entity: best, confidence: Math.max(0, Math.min(1, gap / 3)), scores };
}

import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntityKind } from '../../../../shared/domain/entities';
import { DEMO_AS_OF, DEMO_FILES, DEMO_MANIFEST_FILE } from '../demo-files';
import { AS_OF, isoDate, yearOf } from './calendar';
import { toCsv, type Cell } from './csv';
import { contractRow, customerRow, interactionRow, orderRow, projectRow, surveyRow, ticketRow, usageRow } from './export-rows';
import { generateInteractions } from './interactions';
import { buildManifest, type DemoManifest } from './manifest';
import { generateOrders } from './orders';
import { buildWorld } from './plan';
import { generateProjects } from './projects';
import { generateSurveys, generateTickets } from './service';
import { generateUsage } from './usage';

export type { DemoManifest } from './manifest';

export interface GeneratedFile {
  entity: EntityKind;
  file: string;
  rows: number;
  bytes: number;
  sha256: string;
}

/** Writes the demo engagement's exports into outDir; the same bytes on every run. */
export async function generateDemo(outDir: string): Promise<{ files: GeneratedFile[]; manifest: DemoManifest }> {
  if (isoDate(AS_OF) !== DEMO_AS_OF) throw new Error('generator and loader disagree on the as-of date');
  const world = buildWorld();

  // The register numbers contracts by year of start, in start order.
  const contracts = [...world.contracts].sort(
    (a, b) => a.startDay - b.startDay || a.customer.key.localeCompare(b.customer.key) || a.product.localeCompare(b.product, 'en'),
  );
  const perYear = new Map<number, number>();
  for (const k of contracts) {
    const y = yearOf(k.startDay);
    const n = (perYear.get(y) ?? 0) + 1;
    perYear.set(y, n);
    k.key = `HT${y}-${String(n).padStart(4, '0')}`;
  }

  const orders = generateOrders(world);
  const interactions = generateInteractions(world);
  const tickets = generateTickets(world);
  const surveys = generateSurveys(world);
  const usage = generateUsage(world);
  const projects = generateProjects(world);

  const rows: Record<EntityKind, Cell[][]> = {
    customers: world.customers.map(customerRow),
    orders: orders.map(orderRow),
    contracts: contracts.map(contractRow),
    interactions: interactions.map(interactionRow),
    tickets: tickets.map(ticketRow),
    surveys: surveys.map(surveyRow),
    usage: usage.map(usageRow),
    projects: projects.map(projectRow),
  };

  await mkdir(outDir, { recursive: true });
  const files: GeneratedFile[] = [];
  for (const entity of Object.keys(DEMO_FILES) as EntityKind[]) {
    const spec = DEMO_FILES[entity];
    const bytes = toCsv(spec.headers, rows[entity]);
    await writeFile(join(outDir, spec.file), bytes);
    files.push({ entity, file: spec.file, rows: rows[entity].length, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  const manifest = buildManifest({ world, contracts, orders, interactions, tickets, surveys, usage, projects, files });
  await writeFile(join(outDir, DEMO_MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n', 'utf8');
  return { files, manifest };
}

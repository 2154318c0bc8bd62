import { sql, type Kysely } from 'kysely';

// Frozen in time: the three RFM groups of the account-care method (高价值忠诚型 / 潜力培育型 /
// 沉睡唤醒型) get their domain name, value groups (价值分群), in the stored runs as in the code.
// - diagnostic_customer: seed_segment -> value_group, prev_seed_segment -> prev_value_group
//   (RENAME COLUMN keeps every row and rewrites any index or view that names the column).
// - diagnostic_run JSON: params rfm.seedRules -> rfm.valueGroupRules; results rfm.seed ->
//   rfm.valueGroups, rfm.movementSeed -> rfm.movementValueGroups, and each breakdown group's
//   seedSegments -> valueGroups. Only those keys are renamed; every value is kept as it was, so a
//   stored run still reproduces exactly what it showed.

type Json = Record<string, unknown>;
type Renames = readonly (readonly [from: string, to: string])[];

const PARAMS_RFM: Renames = [['seedRules', 'valueGroupRules']];
const RESULTS_RFM: Renames = [
  ['seed', 'valueGroups'],
  ['movementSeed', 'movementValueGroups'],
];
const BREAKDOWN_GROUP: Renames = [['seedSegments', 'valueGroups']];

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function renameKeys(o: unknown, renames: Renames, reverse: boolean): void {
  if (!isObject(o)) return;
  for (const [a, b] of renames) {
    const [from, to] = reverse ? [b, a] : [a, b];
    if (!(from in o) || to in o) continue;
    o[to] = o[from];
    delete o[from];
  }
}

function rewriteJson(text: string, change: (o: Json) => void): string {
  const parsed: unknown = JSON.parse(text);
  if (!isObject(parsed)) return text;
  change(parsed);
  return JSON.stringify(parsed);
}

async function renameRunKeys(db: Kysely<unknown>, reverse: boolean): Promise<void> {
  const runs = await sql<{ id: number; params: string; results: string }>`select id, params, results from diagnostic_run`.execute(db);
  for (const run of runs.rows) {
    const params = rewriteJson(run.params, (p) => renameKeys(p.rfm, PARAMS_RFM, reverse));
    const results = rewriteJson(run.results, (r) => {
      renameKeys(r.rfm, RESULTS_RFM, reverse);
      if (!Array.isArray(r.breakdowns)) return;
      for (const breakdown of r.breakdowns) {
        if (isObject(breakdown) && Array.isArray(breakdown.groups)) for (const group of breakdown.groups) renameKeys(group, BREAKDOWN_GROUP, reverse);
      }
    });
    await sql`update diagnostic_run set params = ${params}, results = ${results} where id = ${run.id}`.execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table diagnostic_customer rename column seed_segment to value_group`.execute(db);
  await sql`alter table diagnostic_customer rename column prev_seed_segment to prev_value_group`.execute(db);
  await renameRunKeys(db, false);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table diagnostic_customer rename column prev_value_group to prev_seed_segment`.execute(db);
  await sql`alter table diagnostic_customer rename column value_group to seed_segment`.execute(db);
  await renameRunKeys(db, true);
}

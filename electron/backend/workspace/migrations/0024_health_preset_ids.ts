import { sql, type Kysely } from 'kysely';

// Frozen in time: the three health-model presets taken from the source articles were stored under ids
// that named the article's file ("seed000" …) rather than what the model measures. They become
// "collaboration" (销售与项目协同三维模型), "relationship" (关系维护健康度模型) and "salesRules" (销售维护
// 规则模型) wherever a workspace stored them: a run's model id and model document, a saved model's
// "basedOn", and a red-score action's source. A saved model that already took one of the new ids (a
// preset id was free to take before) keeps its runs by moving to "<id>-saved".

const RENAMES: readonly (readonly [string, string])[] = [
  ['seed000', 'collaboration'],
  ['seed001', 'relationship'],
  ['seed002', 'salesRules'],
];

async function rename(db: Kysely<unknown>, from: string, to: string): Promise<void> {
  await sql`update health_run set model_id = ${to} where model_id = ${from}`.execute(db);
  await sql`update health_run set model = json_set(model, '$.id', ${to}) where json_valid(model) and json_extract(model, '$.id') = ${from}`.execute(db);
  await sql`update health_run set model = json_set(model, '$.basedOn', ${to}) where json_valid(model) and json_extract(model, '$.basedOn') = ${from}`.execute(
    db,
  );
  await sql`update health_model set model = json_set(model, '$.basedOn', ${to}) where json_valid(model) and json_extract(model, '$.basedOn') = ${from}`.execute(
    db,
  );
  await sql`update health_action set source = json_set(source, '$.modelId', ${to}) where json_valid(source) and json_extract(source, '$.modelId') = ${from}`.execute(
    db,
  );
}

async function moveSavedModel(db: Kysely<unknown>, id: string): Promise<void> {
  const moved = `${id}-saved`;
  const taken = await sql<{ n: number }>`select count(*) as n from health_model where id = ${id}`.execute(db);
  if ((taken.rows[0]?.n ?? 0) === 0) return;
  await sql`update health_model set id = ${moved}, model = json_set(model, '$.id', ${moved}) where id = ${id}`.execute(db);
  // Runs of that saved model, not of the preset (which could not have had this id yet).
  await sql`update health_run set model_id = ${moved}, model = json_set(model, '$.id', ${moved}) where model_id = ${id}`.execute(db);
  await sql`update health_action set source = json_set(source, '$.modelId', ${moved}) where json_valid(source) and json_extract(source, '$.modelId') = ${id}`.execute(
    db,
  );
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [, to] of RENAMES) await moveSavedModel(db, to);
  for (const [from, to] of RENAMES) await rename(db, from, to);
}

// Down restores the old preset ids; a saved model moved to "<id>-saved" keeps that id.
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [from, to] of RENAMES) await rename(db, to, from);
}

import { resolve } from 'node:path';
import type { Command } from 'commander';
import { action } from '../program';
import { CliFailure, printResult, type CliGlobals } from '../output';
import { createTranslator } from '../../../shared/i18n/translate';
import { copyHealthModel, type HealthModel } from '../../../shared/health/model';
import { HEALTH_METRICS, type HealthMetric } from '../../../shared/health/metrics';
import { addableMetrics, measureTemplate } from '../../../shared/health/measure-templates';
import type { HealthModelEntry } from '../../../shared/contract/health';

// Health models from the command line: list them, add a measure (the workshop's "add measure, save
// as a model"), export and import the JSON file a committee can read.

function modelsText(entries: HealthModelEntry[], g: CliGlobals): string {
  const t = createTranslator(g.lang);
  return entries
    .map((e) => {
      const name = e.model.nameKey ? t(`health:${e.model.nameKey}`) : (e.model.name ?? e.model.id);
      const measures = e.model.measures.map((m) => `${m.labelKey ? t(`health:${m.labelKey}`) : (m.label ?? m.id)} ×${m.weight}`).join(', ');
      return `${e.model.id.padEnd(20)} ${e.source.padEnd(6)} ${name}\n    ${measures}`;
    })
    .join('\n');
}

function invalid(detail: string): CliFailure {
  return new CliFailure({ code: 'INVALID_ARGUMENTS', message: detail, params: { detail } });
}

export function registerHealthModelCommands(program: Command): void {
  const cmd = program.command('health-model').description('health models: list, add a measure (e.g. the churn probability), export, import');

  cmd
    .command('list')
    .argument('<file>', 'workspace file')
    .action(
      action(async (s, g, file) => {
        await s.call('engagement.open', { path: String(file) });
        const entries = await s.call('health.models', {});
        printResult(g, entries, () => modelsText(entries, g));
      }),
    );

  cmd
    .command('add-measure')
    .description('copy a model with one more measure and save it; model measures read the latest churn / CLV run at each health run')
    .argument('<file>', 'workspace file')
    .requiredOption('--metric <metric>', `the measure's metric: ${addableMetrics().join(', ')}`)
    .option('--from <id>', 'the model to copy', 'combined')
    .option('--id <id>', 'the new model id (default: <from>-<metric>)')
    .option('--name <name>', 'the new model name')
    .option('--weight <n>', "the measure's weight (default: the template's)")
    .action(
      action(async (s, g, file, opts) => {
        const o = opts as { metric: string; from: string; id?: string; name?: string; weight?: string };
        if (!(HEALTH_METRICS as readonly string[]).includes(o.metric)) {
          throw invalid(`--metric ${o.metric}: choose one of ${addableMetrics().join(', ')}`);
        }
        await s.call('engagement.open', { path: String(file) });
        const base = (await s.call('health.models', {})).find((e) => e.model.id === o.from)?.model;
        if (!base) throw new CliFailure({ code: 'NOT_FOUND', message: o.from, params: { what: '健康度模型 / health model', id: o.from } });
        const t = createTranslator(g.lang);
        const baseName = base.nameKey ? t(`health:${base.nameKey}`) : (base.name ?? base.id);
        const id = o.id ?? `${base.id}-${o.metric}`;
        const model: HealthModel = copyHealthModel(base, id, o.name ?? `${baseName} + ${t(`health:metrics.${o.metric}`)}`);
        const measure = measureTemplate(o.metric as HealthMetric, new Set(model.measures.map((m) => m.id)));
        if (!measure) throw invalid(`--metric ${o.metric}: no measure template; choose one of ${addableMetrics().join(', ')}`);
        if (o.weight !== undefined) {
          const w = Number(o.weight);
          if (!Number.isFinite(w) || w < 0) throw invalid(`--weight ${o.weight}: a number of 0 or more`);
          measure.weight = w;
        }
        model.measures.push(measure);
        const saved = await s.call('health.saveModel', { model });
        printResult(g, saved, () => modelsText([saved], g));
      }),
    );

  cmd
    .command('export')
    .argument('<file>', 'workspace file')
    .argument('<id>', 'model id')
    .option('--out <path>', 'write the model file here (default: print it)')
    .action(
      action(async (s, g, file, id, opts) => {
        const o = opts as { out?: string };
        await s.call('engagement.open', { path: String(file) });
        const r = await s.call('health.exportModel', { id: String(id), ...(o.out ? { path: resolve(o.out) } : {}) });
        printResult(g, r, () => (r.path ? r.path : r.text.trimEnd()));
      }),
    );

  cmd
    .command('import')
    .argument('<file>', 'workspace file')
    .argument('<model>', 'a model file (rwb.health-model JSON)')
    .action(
      action(async (s, g, file, modelFile) => {
        await s.call('engagement.open', { path: String(file) });
        // The engine reads it: a missing file is FILE_NOT_FOUND, a malformed one VALIDATION_FAILED with the path inside it.
        const saved = await s.call('health.importModel', { path: resolve(String(modelFile)) });
        printResult(g, saved, () => modelsText([saved], g));
      }),
    );
}

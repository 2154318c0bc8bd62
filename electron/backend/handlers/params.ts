import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { HandlersFor } from '../../../shared/contract/define';
import type { paramsChannels } from '../../../shared/contract/params';
import { defaultParamSet, paramSetText, parseParamSetText, ParamSetSchema } from '../../../shared/params/param-set';
import type { Backend } from '../backend';
import { WorkbenchError } from '../errors';
import { recordAudit } from '../workspace/repositories/audit';
import { localNow, localToday } from '../health/clock';
import { deleteParamSet, getParamSet, listParamSets, saveParamSet } from '../params/store';
import { paramPreview } from '../params/preview';
import { latestBacktest } from '../params/backtest-store';

/** The name the built-in defaults go by when no set is chosen. */
export const DEFAULT_SET_NAME = 'default';

export function paramsHandlers(b: Backend): HandlersFor<typeof paramsChannels> {
  const sqlite = () => b.requireWorkspace().sqlite;
  return {
    'params.list': async () => listParamSets(sqlite()),
    'params.get': async ({ name }) => (name === undefined ? defaultParamSet(DEFAULT_SET_NAME) : getParamSet(sqlite(), name)),
    'params.save': async ({ set }) => {
      const ws = b.requireWorkspace();
      const saved = saveParamSet(ws.sqlite, set, localNow());
      await recordAudit(ws.db, 'params.save', { name: saved.name });
      return saved;
    },
    'params.delete': async ({ name }) => {
      const ws = b.requireWorkspace();
      const deleted = deleteParamSet(ws.sqlite, name);
      if (deleted) await recordAudit(ws.db, 'params.delete', { name });
      return { deleted };
    },
    'params.export': async ({ name, path }) => {
      const ws = b.requireWorkspace();
      const text = paramSetText(getParamSet(ws.sqlite, name));
      if (!path) return { text, path: null };
      const target = resolve(path);
      writeFileSync(target, text, 'utf8');
      await recordAudit(ws.db, 'params.export', { name, path: target });
      return { text, path: target };
    },
    'params.import': async ({ path, text, as }) => {
      const ws = b.requireWorkspace();
      let body = text;
      if (body === undefined && path !== undefined) {
        const file = resolve(path);
        if (!existsSync(file)) throw new WorkbenchError('FILE_NOT_FOUND', { path: file });
        body = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      }
      const parsed = parseParamSetText(body ?? '');
      if (!parsed.ok) {
        throw new WorkbenchError('PARAM_SET_INVALID', {
          detail: parsed.issues
            .slice(0, 3)
            .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
            .join('; '),
        });
      }
      const saved = saveParamSet(ws.sqlite, as === undefined ? parsed.set : { ...parsed.set, name: as }, localNow());
      await recordAudit(ws.db, 'params.import', { name: saved.name, path: path ?? null });
      return saved;
    },
    'params.backtest': async () => latestBacktest(sqlite()),
    'params.preview': async ({ set, ...parts }) => {
      const parsed = ParamSetSchema.safeParse(set);
      if (!parsed.success) {
        const detail = parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
          .join('; ');
        throw new WorkbenchError('PARAM_SET_INVALID', { detail });
      }
      return paramPreview(sqlite(), parsed.data, parts, localToday());
    },
  };
}

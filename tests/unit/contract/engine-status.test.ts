import { describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../../shared/contract';
import { EVENT_NAMES } from '../../../shared/contract';
import { resources } from '../../../shared/i18n/resources';
import { engineStatusLines } from '../../../shared/contract/engine-status';

const status = (s: Partial<EngineStatus>): EngineStatus => ({ state: 'restarted', reason: null, workspaceReopened: false, integrityOk: null, ...s });

describe('the engine status banner', () => {
  it('is an event the web transport subscribes to', () => {
    expect(EVENT_NAMES).toContain('engine.status');
  });

  it('says what happened and what became of the workspace', () => {
    expect(engineStatusLines(status({ state: 'crashed' }), true)).toEqual(['engine.crashed']);
    expect(engineStatusLines(status({ state: 'stopped' }), true)).toEqual(['engine.stopped']);
    expect(engineStatusLines(status({ workspaceReopened: true, integrityOk: true }), true)).toEqual(['engine.restarted', 'engine.reopened']);
    expect(engineStatusLines(status({ integrityOk: false }), true)).toEqual(['engine.restarted', 'engine.integrityFailed']);
    expect(engineStatusLines(status({}), true)).toEqual(['engine.restarted', 'engine.mustReopen']);
    expect(engineStatusLines(status({}), false)).toEqual(['engine.restarted']);
  });

  it('has every line in both languages', () => {
    const keys = ['crashed', 'stopped', 'restarted', 'reopened', 'integrityFailed', 'mustReopen', 'reason'] as const;
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const key of keys) expect(resources[locale].common.engine[key], `${locale} engine.${key}`).toMatch(/\S/);
    }
  });
});

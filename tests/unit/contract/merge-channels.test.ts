import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channel, mergeChannels } from '../../../shared/contract/define';
import { CHANNEL_NAMES, contract } from '../../../shared/contract';

const a = { 'engagement.open': channel(z.object({ path: z.string() })).returns<null>() };
const b = { 'import.run': channel(z.object({})).returns<number>() };
const clash = { 'engagement.open': channel(z.object({})).returns<string>() };

describe('mergeChannels', () => {
  it('merges maps whose names are distinct, keeping each channel as declared', () => {
    const merged = mergeChannels(a, b);
    expect(Object.keys(merged)).toEqual(['engagement.open', 'import.run']);
    expect(merged['engagement.open']).toBe(a['engagement.open']);
    expect(merged['import.run']).toBe(b['import.run']);
  });

  it('throws when two maps declare the same name, naming it', () => {
    expect(() => mergeChannels(a, b, clash)).toThrow(/'engagement\.open' is declared twice/);
  });

  it('merges handler maps the same way', () => {
    const first = { 'app.info': async () => 1 };
    const second = { 'app.info': async () => 2 };
    expect(() => mergeChannels(first, second)).toThrow(/'app\.info'/);
  });

  it('built the real contract with every domain channel once', () => {
    expect(new Set(CHANNEL_NAMES).size).toBe(CHANNEL_NAMES.length);
    expect(CHANNEL_NAMES.length).toBeGreaterThan(40);
    expect(contract['engagement.open'].args.safeParse({ path: '/x.rwb' }).success).toBe(true);
  });
});

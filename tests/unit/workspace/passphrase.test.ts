import { describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import { Passphrase } from '../../../electron/backend/workspace/cipher';
import { WorkbenchError } from '../../../electron/backend/errors';

describe('Passphrase', () => {
  const p = new Passphrase('明文口令 plain words');

  it('shows its text to no serialiser, logger or template', () => {
    for (const shown of [JSON.stringify({ p }), inspect(p), inspect({ nested: { p } }), String(p), `${p}`]) {
      expect(shown).not.toContain('plain words');
      expect(shown).toContain('[passphrase]');
    }
    expect(p.reveal()).toBe('明文口令 plain words');
  });

  it('refuses a chosen passphrase under 8 characters (counted as characters, not bytes)', () => {
    expect(() => Passphrase.chosen('1234567')).toThrow(WorkbenchError);
    expect(Passphrase.chosen('八个汉字的口令吧').reveal()).toBe('八个汉字的口令吧');
  });

  it('derives a key once per salt, and carries it to a job thread through a structured clone', () => {
    const salt = Buffer.alloc(16, 7);
    const key = p.keyFor(salt);
    expect(key).toHaveLength(32);
    const copy = Passphrase.import(structuredClone(p.export()));
    expect(copy?.keyFor(salt).equals(key)).toBe(true);
    expect(new Passphrase('another one').keyFor(salt).equals(key)).toBe(false);
    expect(Passphrase.import(null)).toBeNull();
  });
});

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { RecentEngagement } from '../../shared/domain/engagement';
import type { Locale } from '../../shared/errors';

// App-level settings live outside any workspace: the UI language and the recent engagements list.
const settingsSchema = z.object({
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  firstRunDone: z.boolean().default(false),
  recent: z.array(z.object({ path: z.string(), clientName: z.string(), openedAt: z.string(), encrypted: z.boolean().default(false) })).default([]),
});
type Settings = z.output<typeof settingsSchema>;

const MAX_RECENT = 12;

export function defaultSettingsDir(): string {
  if (process.env.RWB_HOME) return process.env.RWB_HOME;
  const base = process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
  return join(base, 'retention-workbench');
}

export function defaultDocumentsDir(): string {
  return process.env.RWB_DOCUMENTS ?? join(homedir(), 'Documents', 'RetentionWorkbench');
}

export class SettingsStore {
  private readonly file: string;
  private data: Settings;

  /** False when the settings folder cannot be written: the settings then live for this session only. */
  private writable = true;

  constructor(dir: string) {
    this.file = join(dir, 'settings.json');
    try {
      mkdirSync(dir, { recursive: true });
    } catch (err) {
      this.unwritable(err);
    }
    this.data = this.load();
  }

  // A home folder that cannot be written (a locked-down laptop, a read-only profile) must not stop
  // any command: the language and the recent list are conveniences. Said once, on stderr.
  private unwritable(err: unknown): void {
    if (!this.writable) return;
    this.writable = false;
    const code = (err as { code?: string }).code ?? String(err);
    process.stderr.write(`rwb: settings in ${this.file} cannot be saved (${code}); they apply to this session only / 设置无法保存，仅本次有效\n`);
  }

  private load(): Settings {
    if (!existsSync(this.file)) return settingsSchema.parse({});
    try {
      return settingsSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      // A damaged settings file must not stop the app; the recent list is a convenience.
      return settingsSchema.parse({});
    }
  }

  private save(): void {
    if (!this.writable) return;
    // A name of this process's own: two `rwb` processes saving at once each rename a whole file into
    // place (the last one wins) instead of writing into the same temporary file.
    const temp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      writeFileSync(temp, JSON.stringify(this.data, null, 2));
      renameSync(temp, this.file);
    } catch (err) {
      rmSync(temp, { force: true });
      this.unwritable(err);
    }
  }

  get locale(): Locale {
    return this.data.locale;
  }
  get firstRun(): boolean {
    return !this.data.firstRunDone;
  }

  setLocale(locale: Locale): void {
    this.data.locale = locale;
    this.save();
  }

  rememberOpened(path: string, clientName: string, encrypted = false): void {
    const rest = this.data.recent.filter((r) => r.path !== path);
    this.data.recent = [{ path, clientName, openedAt: new Date().toISOString(), encrypted }, ...rest].slice(0, MAX_RECENT);
    this.data.firstRunDone = true;
    this.save();
  }

  forget(path: string): void {
    this.data.recent = this.data.recent.filter((r) => r.path !== path);
    this.save();
  }

  recent(): RecentEngagement[] {
    return this.data.recent.map((r) => ({ ...r, exists: existsSync(r.path) }));
  }
}

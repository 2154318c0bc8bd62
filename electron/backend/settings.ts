import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { RecentEngagement } from '../../shared/domain/engagement';
import type { Locale } from '../../shared/errors';

// App-level settings live outside any workspace: the UI language and the recent engagements list.
const settingsSchema = z.object({
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  firstRunDone: z.boolean().default(false),
  recent: z
    .array(z.object({ path: z.string(), clientName: z.string(), openedAt: z.string() }))
    .default([]),
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

  constructor(dir: string) {
    this.file = join(dir, 'settings.json');
    mkdirSync(dir, { recursive: true });
    this.data = this.load();
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
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(this.data, null, 2));
    renameSync(temp, this.file);
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

  rememberOpened(path: string, clientName: string): void {
    const rest = this.data.recent.filter((r) => r.path !== path);
    this.data.recent = [{ path, clientName, openedAt: new Date().toISOString() }, ...rest].slice(0, MAX_RECENT);
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

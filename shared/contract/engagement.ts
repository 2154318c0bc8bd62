import { z } from 'zod';
import { channel } from './define';
import type { AppInfo, AuditEntry, AuditVerification, RecentEngagement, WorkspaceInfo } from '../domain/engagement';
import { isCurrencyCode } from '../display/numbers';

const localeSchema = z.enum(['zh-CN', 'en']);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const path = z.string().trim().min(1);
// Never trimmed: a passphrase is exactly what was typed. Its length rule is checked by the engine
// for a new one only (PASSPHRASE_TOO_SHORT), so an old file's passphrase still opens it.
const passphrase = z.string().min(1).max(1024);

export const engagementMetaInput = z.object({
  clientName: z.string().trim().min(1).max(200),
  industry: z.string().trim().max(100).nullable().default(null),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/)
    .refine(isCurrencyCode, { message: 'not an ISO 4217 currency code (e.g. CNY, USD, EUR, HKD, SGD)' })
    .default('CNY'),
  locale: localeSchema.default('zh-CN'),
  consultant: z.string().trim().max(100).nullable().default(null),
  startDate: isoDate.nullable().default(null),
  endDate: isoDate.nullable().default(null),
  notes: z.string().max(10_000).nullable().default(null),
});
export type EngagementMetaInput = z.input<typeof engagementMetaInput>;

export const engagementChannels = {
  'app.info': channel(z.object({})).returns<AppInfo>(),
  'app.setLocale': channel(z.object({ locale: localeSchema })).returns<AppInfo>(),
  'engagement.create': channel(z.object({ path, meta: engagementMetaInput, passphrase: passphrase.optional() })).returns<WorkspaceInfo>(),
  'engagement.createDemo': channel(z.object({ path, jobId: z.string().optional() }), { job: true }).returns<WorkspaceInfo>(),
  'engagement.open': channel(z.object({ path, passphrase: passphrase.optional() })).returns<WorkspaceInfo>(),
  /** Encrypt the open (plain) workspace in place under a new passphrase. */
  'engagement.encrypt': channel(z.object({ passphrase })).returns<WorkspaceInfo>(),
  /** Re-encrypt the open (encrypted) workspace under `next`; `current` must be its passphrase. */
  'engagement.changePassphrase': channel(z.object({ current: passphrase, next: passphrase })).returns<WorkspaceInfo>(),
  'engagement.close': channel(z.object({})).returns<null>(),
  'engagement.current': channel(z.object({})).returns<WorkspaceInfo | null>(),
  'engagement.update': channel(z.object({ meta: engagementMetaInput.partial() })).returns<WorkspaceInfo>(),
  'engagement.recent': channel(z.object({})).returns<RecentEngagement[]>(),
  'engagement.forgetRecent': channel(z.object({ path })).returns<RecentEngagement[]>(),
  'engagement.backup': channel(z.object({ destination: path })).returns<{ path: string; bytes: number }>(),
  'audit.list': channel(z.object({ limit: z.number().int().min(1).max(1000).default(200) })).returns<AuditEntry[]>(),
  /** Check the audit log's hash chain: an entry edited or removed afterwards shows where. */
  'audit.verify': channel(z.object({})).returns<AuditVerification>(),
  'job.cancel': channel(z.object({ jobId: z.string() })).returns<{ cancelled: boolean }>(),
};

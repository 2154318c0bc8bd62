import { platform } from 'node:os';
import type { HandlersFor } from '../../../shared/contract/define';
import type { engagementChannels } from '../../../shared/contract/engagement';
import type { AppInfo } from '../../../shared/domain/engagement';
import type { Backend } from '../backend';
import { backupWorkspace, changePassphrase, createWorkspace, describeWorkspace, encryptWorkspace } from '../workspace/workspace';
import { Passphrase } from '../workspace/cipher';
import { updateEngagement } from '../workspace/repositories/engagement';
import { listAudit, verifyAudit } from '../workspace/repositories/audit';
import { createDemoWorkspace } from '../demo/create-demo';

export function engagementHandlers(b: Backend): HandlersFor<typeof engagementChannels> {
  const appInfo = (): AppInfo => ({
    version: b.options.version,
    host: b.options.host,
    platform: platform(),
    defaultDir: b.documentsDir,
    locale: b.settings.locale,
    firstRun: b.settings.firstRun,
  });
  return {
    'app.info': async () => appInfo(),
    'app.setLocale': async ({ locale }) => {
      b.settings.setLocale(locale);
      b.events.emit('app.localeChanged', { locale });
      return appInfo();
    },
    'engagement.create': async ({ path, meta, passphrase }) =>
      b.adopt(await createWorkspace(path, meta, undefined, { passphrase: passphrase === undefined ? null : Passphrase.chosen(passphrase) })),
    'engagement.createDemo': async ({ path }, ctx) => b.adopt(await createDemoWorkspace(path, b.settings.locale, ctx)),
    'engagement.open': async ({ path, passphrase }) => b.open(path, Passphrase.from(passphrase)),
    'engagement.encrypt': async ({ passphrase }) => {
      const ws = b.requireWorkspace();
      await encryptWorkspace(ws, Passphrase.chosen(passphrase));
      return b.adopt(ws);
    },
    'engagement.changePassphrase': async ({ current, next }) => {
      const ws = b.requireWorkspace();
      await changePassphrase(ws, new Passphrase(current), Passphrase.chosen(next));
      return b.adopt(ws);
    },
    'engagement.close': async () => {
      await b.close();
      return null;
    },
    'engagement.current': async () => (b.workspace ? describeWorkspace(b.workspace) : null),
    'engagement.update': async ({ meta }) => {
      const ws = b.requireWorkspace();
      await updateEngagement(ws.db, meta, new Date().toISOString());
      return b.adopt(ws);
    },
    'engagement.recent': async () => b.settings.recent(),
    'engagement.forgetRecent': async ({ path }) => {
      b.settings.forget(path);
      return b.settings.recent();
    },
    'engagement.backup': async ({ destination }) => backupWorkspace(b.requireWorkspace(), destination),
    'audit.list': async ({ limit }) => listAudit(b.requireWorkspace().db, limit),
    'audit.verify': async () => verifyAudit(b.requireWorkspace().sqlite),
    'job.cancel': async ({ jobId }) => ({ cancelled: b.jobs.cancel(jobId) }),
  };
}

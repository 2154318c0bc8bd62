import type { Locale } from '../errors';
import zhCommon from './locales/zh-CN/common.json';
import enCommon from './locales/en/common.json';
import zhImport from './locales/zh-CN/import.json';
import enImport from './locales/en/import.json';
import zhAnalytics from './locales/zh-CN/analytics.json';
import enAnalytics from './locales/en/analytics.json';
import zhHealth from './locales/zh-CN/health.json';
import enHealth from './locales/en/health.json';
import zhChecklists from './locales/zh-CN/checklists.json';
import enChecklists from './locales/en/checklists.json';
import zhReports from './locales/zh-CN/reports.json';
import enReports from './locales/en/reports.json';
import zhChurn from './locales/zh-CN/churn.json';
import enChurn from './locales/en/churn.json';
import zhEncryption from './locales/zh-CN/encryption.json';
import enEncryption from './locales/en/encryption.json';
import zhClv from './locales/zh-CN/clv.json';
import zhImpact from './locales/zh-CN/impact.json';
import enImpact from './locales/en/impact.json';
import enClv from './locales/en/clv.json';
import zhPrivacy from './locales/zh-CN/privacy.json';
import enPrivacy from './locales/en/privacy.json';
import zhParams from './locales/zh-CN/params.json';
import enParams from './locales/en/params.json';
import zhTableExport from './locales/zh-CN/tableExport.json';
import enTableExport from './locales/en/tableExport.json';
import zhWorkbench from './locales/zh-CN/workbench.json';
import enWorkbench from './locales/en/workbench.json';
import zhFindings from './locales/zh-CN/findings.json';
import enFindings from './locales/en/findings.json';
import zhVoc from './locales/zh-CN/voc.json';
import enVoc from './locales/en/voc.json';
import zhTriage from './locales/zh-CN/triage.json';
import enTriage from './locales/en/triage.json';

// Every catalogue, one namespace per domain. Both the renderer (UI) and the backend (reports, CLI)
// read these, so a label is written once. A test checks each locale file is registered here and
// that zh-CN and en have the same keys.
export const resources = {
  'zh-CN': {
    common: zhCommon,
    import: zhImport,
    analytics: zhAnalytics,
    health: zhHealth,
    checklists: zhChecklists,
    reports: zhReports,
    encryption: zhEncryption,
    churn: zhChurn,
    clv: zhClv,
    impact: zhImpact,
    privacy: zhPrivacy,
    params: zhParams,
    tableExport: zhTableExport,
    workbench: zhWorkbench,
    findings: zhFindings,
    voc: zhVoc,
    triage: zhTriage,
  },
  en: {
    common: enCommon,
    import: enImport,
    analytics: enAnalytics,
    health: enHealth,
    checklists: enChecklists,
    reports: enReports,
    encryption: enEncryption,
    churn: enChurn,
    clv: enClv,
    impact: enImpact,
    privacy: enPrivacy,
    params: enParams,
    tableExport: enTableExport,
    workbench: enWorkbench,
    findings: enFindings,
    voc: enVoc,
    triage: enTriage,
  },
} satisfies Record<Locale, Record<string, unknown>>;

export type Namespace = keyof (typeof resources)['zh-CN'];
export const NAMESPACES = Object.keys(resources['zh-CN']) as Namespace[];

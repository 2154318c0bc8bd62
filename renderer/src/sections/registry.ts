import type { ComponentType } from 'react';
import { OverviewSection } from './OverviewSection';
import { AuditSection } from './AuditSection';
import { PrivacySection } from './privacy/PrivacySection';
import { ChecklistsSection } from './checklists/ChecklistsSection';
import { HealthSection } from './health/HealthSection';
import { DiagnosticsSection } from './diagnostics/DiagnosticsSection';
import { ReportsSection } from './reports/ReportsSection';
import { ImportSection } from './import/ImportSection';
import { ParamsSection } from './params/ParamsSection';
import { ChurnSection } from './churn/ChurnSection';
import { ImpactSection } from './impact/ImpactSection';
import { VocSection } from './voc/VocSection';
import { ChurnReviewSection } from './churn-review/ChurnReviewSection';
import { ClvSection } from './clv/ClvSection';

/** The engagement page's areas, in navigation order. A domain replaces its placeholder here. */
export interface SectionDef {
  id: string;
  labelKey: string; // in the common namespace, nav.*
  icon: string;
  Component: ComponentType;
}

export const sections: SectionDef[] = [
  { id: 'overview', labelKey: 'nav.overview', icon: '◉', Component: OverviewSection },
  { id: 'import', labelKey: 'nav.import', icon: '⇪', Component: ImportSection },
  { id: 'diagnostics', labelKey: 'nav.diagnostics', icon: '▤', Component: DiagnosticsSection },
  { id: 'health', labelKey: 'nav.health', icon: '♥', Component: HealthSection },
  { id: 'churn', labelKey: 'nav.churn', icon: '◢', Component: ChurnSection },
  { id: 'voc', labelKey: 'nav.voc', icon: '❝', Component: VocSection },
  { id: 'churnReview', labelKey: 'nav.churnReview', icon: '↺', Component: ChurnReviewSection },
  { id: 'clv', labelKey: 'nav.clv', icon: '¥', Component: ClvSection },
  { id: 'impact', labelKey: 'nav.impact', icon: '✓', Component: ImpactSection },
  { id: 'params', labelKey: 'nav.params', icon: '⚙', Component: ParamsSection },
  { id: 'checklists', labelKey: 'nav.checklists', icon: '☑', Component: ChecklistsSection },
  { id: 'reports', labelKey: 'nav.reports', icon: '⎙', Component: ReportsSection },
  { id: 'audit', labelKey: 'nav.audit', icon: '☰', Component: AuditSection },
  { id: 'privacy', labelKey: 'nav.privacy', icon: '⚿', Component: PrivacySection },
];

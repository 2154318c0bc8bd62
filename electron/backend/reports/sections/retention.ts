import { missingSection, type SectionBuilder } from './context';

// Retention and churn (retention rate, churn, customers gained and lost per period): read from the diagnostics domain's stored run once its storage lands (issue 4). Until
// then no workspace has a stored run, and the section says what to run first instead of computing
// the figures a second, possibly different, way.
export const retentionSection: SectionBuilder = async (ctx) => missingSection(ctx, 'diagnostics');

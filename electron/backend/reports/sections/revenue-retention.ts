import { missingSection, type SectionBuilder } from './context';

// Revenue retention (GRR, NRR and the MRR movements): read from the diagnostics domain's stored run once its storage lands (issue 4). Until
// then no workspace has a stored run, and the section says what to run first instead of computing
// the figures a second, possibly different, way.
export const revenueRetentionSection: SectionBuilder = async (ctx) => missingSection(ctx, 'diagnostics');

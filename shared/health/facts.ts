// Per-customer facts: what the backend aggregates in SQL from the canonical tables and hands to the
// pure health code. Everything a health measure or an early-warning rule needs is here, already
// reduced to a few numbers and short lists, so scoring and rule evaluation never touch raw rows.
// Dates are 'YYYY-MM-DD'; lists are ordered oldest first; null means "no data", never zero.

/** The windows the backend uses when it builds facts (kept here so SQL and docs quote one source). */
export interface FactsWindows {
  /** interactionsLast90 counts (asOf − 90d, asOf]; interactionsPrev90 the 90 days before that. */
  interactionDays: number;
  /** How many of the most recent outbound attempts to pass in `outreach`. */
  outreachAttempts: number;
  /** Ticket first-response: recent window and the baseline window right before it. */
  serviceRecentDays: number;
  serviceBaselineDays: number;
  /** A 需求型 interaction counts as converted when an order follows within this many days. */
  demandConversionDays: number;
  /** Interaction texts and survey comments passed in `texts` (rules may narrow further). */
  textDays: number;
  /** Satisfaction readings passed per series, `surveyReadings` and `ticketRatings` (most recent N of each). */
  satisfactionReadings: number;
  /** Order rhythm: the mean gap over the most recent N distinct order days. */
  rhythmOrderDays: number;
  /** spendRecent sums the last N days to as-of, spendPrior the N days before. */
  spendWindowDays: number;
  /** Complete order periods passed in `periods` (most recent N). */
  orderPeriods: number;
  /** Usage: loginsRecent sums the last N complete months, loginsPrevious the N months before. */
  usageMonths: number;
}

export const DEFAULT_FACTS_WINDOWS: FactsWindows = {
  interactionDays: 90, // DOMAIN.md: "interactions in the last 90 days below half of the 90 days before"
  outreachAttempts: 10,
  serviceRecentDays: 90,
  serviceBaselineDays: 365, // a year of history as the baseline smooths seasonal ticket load
  demandConversionDays: 90,
  textDays: 180,
  satisfactionReadings: 6,
  rhythmOrderDays: 12, // a year of a monthly buyer; older habits say little about today's rhythm
  // The lifecycle rule's window (riskWindowDays, 180): the card shows health's spend trend and the
  // lifecycle's 'spend dropped' side by side, and they must be the same two numbers.
  spendWindowDays: 180,
  orderPeriods: 6,
  usageMonths: 3, // a quarter against the quarter before: one slow month is noise, not a drop
};

export type PeriodKind = 'month' | 'quarter';

/** Totals of one complete order period (returns netted in). */
export interface PeriodTotals {
  start: string; // first day of the period
  orders: number; // distinct order keys
  quantity: number | null; // null when any line in the period lacks a quantity
  spend: number;
}

/** One outbound contact attempt (interactions.direction = 'outbound'). */
export interface OutreachAttempt {
  date: string;
  channel: string | null;
  responded: boolean | null; // null = the source did not say (breaks an unanswered streak: only a recorded 'no' counts)
}

/** Where the customer was last heard from (lastContactDate). */
export const CONTACT_SOURCES = ['interaction', 'order', 'ticket', 'survey', 'usage'] as const;
export type ContactSource = (typeof CONTACT_SOURCES)[number];

export interface SatisfactionReading {
  date: string;
  source: 'survey' | 'ticket';
  nps: number | null; // 0-10
  csat: number | null; // 1-5
}

/** A 需求型 (demand) interaction and how long the customer waited for our feedback. */
export interface DemandFeedback {
  raisedOn: string;
  answeredOn: string | null; // the next outbound interaction after the demand; null = still waiting
  waitDays: number; // to answeredOn, or to asOf when still waiting
}

export interface ContractEnd {
  contractKey: string;
  endDate: string;
  mrr: number;
  renewed: boolean; // another contract names this one in renewal_of
}

export interface TextEvidence {
  date: string;
  source: 'interaction' | 'survey' | 'ticket';
  text: string;
  /**
   * Complaint sentences the voice-of-the-customer machinery found in the text (jieba and the
   * engagement's complaint words, negations dropped); set by the engine when the complaint rule is on.
   */
  complaints?: string[];
}

export interface CustomerFacts {
  customerKey: string;
  asOf: string;

  // interactions (seeds 000, 001, 002)
  interactionsLast90: number;
  interactionsPrev90: number;
  lastInteractionDate: string | null; // null = no interaction on record: interaction measures are NA
  outreach: OutreachAttempt[];

  // orders (seeds 001, 002)
  periodKind: PeriodKind;
  periods: PeriodTotals[]; // complete periods only; the last one is the most recent complete period
  ordersLast365: number;
  lastOrderDate: string | null; // null = never ordered: order measures are NA, not zero
  /**
   * The customer's own buying rhythm: mean days between consecutive distinct order days over the
   * last `rhythmOrderDays` of them, (last − first) / (days − 1); null with fewer than 3 order days
   * (one gap is not a rhythm). A mean over the span, not a median of gaps, so a burst of orders in
   * one week does not make a quarterly buyer look overdue after ten days.
   */
  orderRhythmDays: number | null;
  /**
   * Net spend (returns subtract) of the last spendWindowDays to as-of and of the same span before;
   * null when the customer never ordered, 0 for a window without orders.
   */
  spendRecent: number | null;
  spendPrior: number | null;

  // satisfaction (seeds 001, 002): two series, never merged. A survey answer and a ticket rating
  // measure different things (the relationship vs one service case), and merged by date one routine
  // 5-star ticket between two poor survey answers broke "low twice in a row".
  surveyReadings: SatisfactionReading[];
  ticketRatings: SatisfactionReading[];

  // any contact: the latest day of an interaction, an order (returns too), a ticket opened, a survey
  // answered, or a month with platform usage (its first day). The account-care article's "6个月无互动" reads this:
  // a customer who bought last month has not been silent, whatever the CRM notes say.
  lastContactDate: string | null;
  lastContactSource: ContactSource | null;

  // demand (seed 001): 需求型 interactions
  lastDemandDate: string | null;
  demandsLast365: number;
  demandsConvertedLast365: number;
  demandFeedback: DemandFeedback[];

  // service (seed 003): median first-response hours
  responseHoursRecent: number | null;
  responseHoursBaseline: number | null;
  ticketsRecent: number;

  // usage (seed 003): the 'logins' metric, last usageMonths complete months vs the same span before
  loginsRecent: number | null;
  loginsPrevious: number | null;

  // contracts (seed 001): live contracts with an end date
  contracts: ContractEnd[];

  // projects (seed 000): live projects
  openProjectIssues: number | null;
  projectDelayDays: number | null; // worst (actual or as-of) minus planned end, 0 when on time

  // free text for the text rules (decision-maker change, competitor mention, complaint): interaction
  // notes, survey comments and ticket categories
  texts: TextEvidence[];

  // stored model runs the health run read (model-sources.ts), not the client's rows: null = no run
  // was read, or the run did not score this customer (the run's sources say which)
  churnScore: ChurnScoreFact | null;
  lifetimeValue: LifetimeValueFact | null;
}

/** The customer's score in the churn-model run a health run read. */
export interface ChurnScoreFact {
  runId: number;
  scoredAsOf: string;
  /** Calibrated probability of churning within the run's horizon (0-1). */
  probability: number;
  /** 1 + the run's customers with a higher probability (tied customers share a rank; 1 = riskiest). */
  rank: number;
  /** Customers the run scored (the ranks run 1..scored). */
  scored: number;
}

/** The customer's figures in the lifetime-value run a health run read. */
export interface LifetimeValueFact {
  runId: number;
  asOf: string;
  /** Probability the customer is still buying at the run's as-of (0-1). */
  pAlive: number;
  /** Expected CLV over the run's horizon; null when spend could not be modelled (no positive repeat spend). */
  clv: number | null;
  /** Percent of the run's customers with a CLV whose CLV is lower (ties count half); null with no CLV. */
  clvPercentile: number | null;
}

/** Facts of a customer with no data at all; tests and the backend start from this. */
export function emptyFacts(customerKey: string, asOf: string): CustomerFacts {
  return {
    customerKey,
    asOf,
    interactionsLast90: 0,
    interactionsPrev90: 0,
    lastInteractionDate: null,
    outreach: [],
    periodKind: 'quarter',
    periods: [],
    ordersLast365: 0,
    lastOrderDate: null,
    orderRhythmDays: null,
    spendRecent: null,
    spendPrior: null,
    surveyReadings: [],
    ticketRatings: [],
    lastContactDate: null,
    lastContactSource: null,
    lastDemandDate: null,
    demandsLast365: 0,
    demandsConvertedLast365: 0,
    demandFeedback: [],
    responseHoursRecent: null,
    responseHoursBaseline: null,
    ticketsRecent: 0,
    loginsRecent: null,
    loginsPrevious: null,
    contracts: [],
    openProjectIssues: null,
    projectDelayDays: null,
    texts: [],
    churnScore: null,
    lifetimeValue: null,
  };
}

import { graphql } from '../gql';

/**
 * The selections the dashboard's charts read, shared by the pages' queries (docs/dashboard.md "Charts"): a query
 * spreads them by name (`...TrendPointFields`) and GraphQL Code Generator adds their definitions to what it sends.
 * One place per selection, so a chart function and every page feeding it read the same fields.
 */

/** A point of `performanceTrend`: what `bandTrendChart` and `multiTrendChart` read. */
export const TREND_POINT_FIELDS = graphql(`
  fragment TrendPointFields on TrendPoint {
    key
    label
    year
    quarter
    periodLabel
    n
    mean
    median
    p25
    p75
    suppressed
    note
  }
`);

/** An agency's standing of `agencyComparison`: what `rankingChart` reads (each page adds its own figures). */
export const STANDING_FIELDS = graphql(`
  fragment StandingFields on AgencyStanding {
    agency {
      code
      name
    }
    n
    meanScore
    rank
    suppressed
    note
  }
`);

/** A `trainingImpact` answer: what `impactChart` and the effect line read. */
export const IMPACT_FIELDS = graphql(`
  fragment ImpactFields on TrainingImpact {
    nTreated
    nControl
    treatedPre
    treatedPost
    controlPre
    controlPost
    effect
    ciLow
    ciHigh
    suppressed
    note
  }
`);

/** An agency's row of `completionShares`: what `completionChart` and the agency's completion line read. */
export const COMPLETION_FIELDS = graphql(`
  fragment CompletionFields on AgencyCompletion {
    agency {
      code
      name
    }
    expected
    shareSubmitted
    shareFinal
  }
`);

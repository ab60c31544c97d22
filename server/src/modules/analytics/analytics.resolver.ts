import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import {
  AgencyStandingType,
  DistributionCheckType,
  ScoreStatisticsInput,
  StatGroupType,
  TrendInput,
  TrendPointType,
} from './analytics.types.js';
import { agencyComparison } from './comparison.service.js';
import { distributionCheck } from './distribution.service.js';
import { scoreStatistics } from './statistics.service.js';
import { performanceTrend } from './trend.service.js';
import { wantedFigures } from './wanted.js';

const SUPPRESSION =
  'Aggregates: ADMIN and LEADER see every figure, an agency head every figure of their own agency; for everyone else ' +
  'a group of fewer distinct employees than the policy minimum (5) is suppressed, with a second sibling against ' +
  'differencing (docs/analytics.md "Suppression").';

/** The analytics queries over the read models (docs/analytics.md). */
@Resolver()
export class AnalyticsResolver {
  @Query(() => [TrendPointType], {
    description:
      'Performance trend: per quarter and group, n, mean, median, sample standard deviation and quartiles of the ' +
      'quarterly (or category, or criterion) scores of counted evaluations (SUBMITTED, ACKNOWLEDGED, FINAL). ' +
      SUPPRESSION,
  })
  performanceTrend(
    @Ctx() ctx: Context,
    @Arg('input', () => TrendInput, { description: 'Grouping, quarter range, agencies, criteria and metric.' })
    input: TrendInput,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TrendPointType[]> {
    return performanceTrend(ctx, input, wantedFigures(info));
  }

  @Query(() => [StatGroupType], {
    description:
      'Ad hoc statistics: per group of any combination of dimensions, n, mean, sample standard deviation, min, ' +
      'quartiles, max and quarterly predikat counts of counted evaluations (criterion scores with CRITERION). ' +
      SUPPRESSION,
  })
  scoreStatistics(
    @Ctx() ctx: Context,
    @Arg('input', () => ScoreStatisticsInput, { description: 'Grouping, filter and metric.' })
    input: ScoreStatisticsInput,
    @Info() info: GraphQLResolveInfo,
  ): Promise<StatGroupType[]> {
    return scoreStatistics(ctx, input, wantedFigures(info));
  }

  @Query(() => [AgencyStandingType], {
    description:
      'Agency comparison for a quarter (quarterly scores) or, without `quarter`, a year (annual scores after the ' +
      'innovation rule): n, mean, rank among all agencies (ties share the smaller rank), predikat counts, criterion ' +
      'means and training JP. Ranked agencies first, then suppressed ones by code. ' +
      SUPPRESSION,
  })
  agencyComparison(
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { description: 'Year (tahun).' }) year: number,
    @Arg('quarter', () => Int, { nullable: true, description: 'Quarter (triwulan) 1-4; omit for the whole year.' })
    quarter?: number | null,
  ): Promise<AgencyStandingType[]> {
    return agencyComparison(ctx, year, quarter);
  }

  @Query(() => DistributionCheckType, {
    description:
      "Distribution check (SE MenPANRB 3/2023): an agency's annual predikat counts of a year against the pattern " +
      'its org predikat allows, rule by rule. Reports only; never changes a rating. ' +
      SUPPRESSION,
  })
  distributionCheck(
    @Ctx() ctx: Context,
    @Arg('agencyCode', () => String, { description: 'Agency code, e.g. `DISDIK`.' }) agencyCode: string,
    @Arg('year', () => Int, { description: 'Year (tahun).' }) year: number,
  ): Promise<DistributionCheckType> {
    return distributionCheck(ctx, agencyCode, year);
  }
}

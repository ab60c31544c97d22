import { analyticsNoteText, quarterLabel } from '@kinerja/shared';
import type { Context } from '../../graphql/context.js';
import { badUserInput } from '../../graphql/errors.js';
import { groupedStatistics, type GroupDimension } from './grouped.js';
import { criterionNames, keyLabel } from './labels.js';
import { agencyDirectory, agencyIdsOf, callerOf, localeOf, periodRangeOf, readSql } from './request.js';
import type { TrendInput, TrendPointType } from './analytics.types.js';
import { EVERY_FIGURE, type WantedFigures } from './wanted.js';

/** The dimension of each trend grouping (NONE: the one key `ALL`). */
const TREND_DIMENSION: Record<TrendInput['groupBy'], GroupDimension> = {
  NONE: 'ALL',
  AGENCY: 'AGENCY',
  CRITERION: 'CRITERION',
  POSITION_TYPE: 'POSITION_TYPE',
  EMPLOYMENT_TYPE: 'EMPLOYMENT_TYPE',
  RANK_GROUP: 'RANK_GROUP',
};

/** Refuses criterion codes without a grouping by criterion (docs/analytics.md "Trend"). */
export function checkCriterionCodes(
  codes: readonly string[] | null | undefined,
  byCriterion: boolean,
  field: string,
): void {
  if (codes && codes.length > 0 && !byCriterion) {
    throw badUserInput(field, { code: 'CRITERION_CODES_NEED_CRITERION', params: {} });
  }
}

/**
 * The performance trend (docs/analytics.md "Trend"): per quarter and group, n, mean, median, sample sd, p25 and p75,
 * from the read models, suppressed for the caller with the keys (period, group key). The quartiles are computed only
 * when `wanted` asks for them (null otherwise), so a trend by criterion without them is read from the cells.
 */
export async function performanceTrend(
  ctx: Context,
  input: TrendInput,
  wanted: WantedFigures = EVERY_FIGURE,
): Promise<TrendPointType[]> {
  const groupBy = input.groupBy ?? 'NONE';
  const dimension = TREND_DIMENSION[groupBy];
  checkCriterionCodes(input.criterionCodes, groupBy === 'CRITERION', 'input.criterionCodes');
  const range = periodRangeOf(input.from, input.to, 'input');
  const sql = readSql(ctx);
  const agencies = await agencyDirectory(sql);
  const agencyIds = agencyIdsOf(input.agencyCodes, agencies.byCode, 'input.agencyCodes');
  const locale = localeOf(ctx);
  const groups = await groupedStatistics(
    sql,
    {
      dimensions: ['PERIOD', dimension],
      metric: input.metric ?? 'SCORE',
      filter: { from: range.from, to: range.to, agencyIds, criterionCodes: input.criterionCodes },
      predikatCounts: false,
      quantiles: wanted.quantiles,
    },
    agencies.byId,
    callerOf(ctx, agencies.byId),
    ctx.policy.suppressionMinGroup,
  );
  const sources = {
    locale,
    agencies: agencies.byCode,
    criteria: dimension === 'CRITERION' ? await criterionNames(sql) : null,
  };
  return groups.map((g) => {
    const [year, quarter] = g.keys[0]!.split('-Q').map(Number) as [number, number];
    return {
      year,
      quarter,
      periodLabel: quarterLabel(year, quarter, locale),
      key: g.keys[1]!,
      label: keyLabel(dimension, g.keys[1]!, sources),
      n: g.n,
      mean: g.mean,
      median: g.median,
      stddev: g.stddev,
      p25: g.p25,
      p75: g.p75,
      suppressed: g.suppressed,
      note: g.note ? analyticsNoteText(g.note, locale) : null,
    };
  });
}

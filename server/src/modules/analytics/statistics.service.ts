import { analyticsNoteText } from '@kinerja/shared';
import type { Context } from '../../graphql/context.js';
import { badUserInput } from '../../graphql/errors.js';
import { groupedStatistics } from './grouped.js';
import { criterionNames, keyLabel } from './labels.js';
import { agencyDirectory, agencyIdsOf, callerOf, localeOf, periodRangeOf, readSql } from './request.js';
import { checkCriterionCodes } from './trend.service.js';
import type { ScoreStatisticsInput, StatGroupType } from './analytics.types.js';
import { EVERY_FIGURE, type WantedFigures } from './wanted.js';

/**
 * Ad hoc statistics (docs/analytics.md "Ad hoc statistics"): per group of any `StatDimension` combination, n, mean,
 * sample sd, min, quartiles, max and quarterly predikat counts, from the read models, with the same suppression. The
 * quartiles and predikat counts are computed only when `wanted` asks for them (null otherwise).
 */
export async function scoreStatistics(
  ctx: Context,
  input: ScoreStatisticsInput,
  wanted: WantedFigures = EVERY_FIGURE,
): Promise<StatGroupType[]> {
  const dimensions = input.groupBy ?? [];
  dimensions.forEach((d, i) => {
    if (dimensions.indexOf(d) !== i) {
      throw badUserInput(`input.groupBy.${i}`, { code: 'DIMENSION_TWICE', params: { dimension: d } });
    }
  });
  const filter = input.filter ?? {};
  const byCriterion = dimensions.includes('CRITERION');
  checkCriterionCodes(filter.criterionCodes, byCriterion, 'input.filter.criterionCodes');
  const range = periodRangeOf(filter.from, filter.to, 'input.filter');
  const sql = readSql(ctx);
  const agencies = await agencyDirectory(sql);
  const agencyIds = agencyIdsOf(filter.agencyCodes, agencies.byCode, 'input.filter.agencyCodes');
  const locale = localeOf(ctx);
  const groups = await groupedStatistics(
    sql,
    {
      // No dimension: one group of everything, keyed ALL (not shown).
      dimensions: dimensions.length === 0 ? ['ALL'] : dimensions,
      metric: input.metric ?? 'SCORE',
      filter: {
        from: range.from,
        to: range.to,
        agencyIds,
        criterionCodes: filter.criterionCodes,
        positionTypes: filter.positionTypes,
        employmentTypes: filter.employmentTypes,
        genders: filter.genders,
        predikats: filter.predikats,
      },
      predikatCounts: wanted.predikatCounts,
      quantiles: wanted.quantiles,
    },
    agencies.byId,
    callerOf(ctx, agencies.byId),
    ctx.policy.suppressionMinGroup,
  );
  const sources = { locale, agencies: agencies.byCode, criteria: byCriterion ? await criterionNames(sql) : null };
  return groups.map((g) => ({
    keys: dimensions.map((dimension, i) => ({
      dimension,
      value: g.keys[i]!,
      label: keyLabel(dimension, g.keys[i]!, sources),
    })),
    n: g.n,
    mean: g.mean,
    stddev: g.stddev,
    min: g.min,
    p25: g.p25,
    median: g.median,
    p75: g.p75,
    max: g.max,
    predikatCounts: g.predikatCounts,
    suppressed: g.suppressed,
    note: g.note ? analyticsNoteText(g.note, locale) : null,
  }));
}

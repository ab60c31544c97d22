import type { GraphQLResolveInfo } from 'graphql';
import { selectsField } from '../../graphql/selection.js';

/**
 * The figures of a grouped answer that the query asks for, from its selection set (fragments followed; a field under
 * a directive counts as asked for): without quantiles and predikat counts, the criterion-level figures can come from
 * the pre-aggregated cells (docs/analytics.md "Read models and their refresh").
 */
export interface WantedFigures {
  /** `p25`, `median` or `p75`. */
  quantiles: boolean;
  /** `predikatCounts` (the ad hoc statistics). */
  predikatCounts: boolean;
}

/** Every figure: for a caller that has no selection set to go by. */
export const EVERY_FIGURE: WantedFigures = { quantiles: true, predikatCounts: true };

export function wantedFigures(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): WantedFigures {
  return {
    quantiles: ['p25', 'median', 'p75'].some((name) => selectsField(info, name)),
    predikatCounts: selectsField(info, 'predikatCounts'),
  };
}

import { computed } from 'vue';
import { graphql } from '../gql';
import { fromPeriodIndex, parsePeriod, parseYear, periodIndex, useUrlQuery, type PeriodValue } from './filters';
import { useQuery } from './use-query';

const PERIODS = graphql(`
  query AppPeriods {
    periods {
      year
      quarter
      status
    }
    currentPeriod {
      year
      quarter
      status
    }
  }
`);

/**
 * The appraisal periods and the page's period filters from the URL, with their defaults: the year of the current
 * period, and the range of the eight quarters up to it (`tahun`, `dari`, `sampai`).
 */
export function usePeriodFilters(span = 8) {
  const { query, set } = useUrlQuery();
  const periods = useQuery(PERIODS);
  const current = computed<PeriodValue | null>(() => {
    const period = periods.data.value?.currentPeriod;
    return period ? { year: period.year, quarter: period.quarter } : null;
  });
  const list = computed<PeriodValue[]>(() =>
    (periods.data.value?.periods ?? []).map((p) => ({ year: p.year, quarter: p.quarter })),
  );
  const year = computed(() => parseYear(query.value.tahun) ?? current.value?.year ?? null);
  const to = computed(() => parsePeriod(query.value.sampai) ?? current.value);
  const from = computed(() => {
    const given = parsePeriod(query.value.dari);
    if (given) return given;
    if (!to.value) return null;
    const first = list.value.length > 0 ? Math.min(...list.value.map(periodIndex)) : periodIndex(to.value);
    return fromPeriodIndex(Math.max(first, periodIndex(to.value) - (span - 1)));
  });
  const ready = computed(() => current.value !== null);
  return { periods, list, current, year, from, to, ready, set, query };
}

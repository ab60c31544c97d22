import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CRITERION_CATEGORIES } from '@kinerja/shared';
import { notFound } from '../../graphql/errors.js';
import { Agency } from '../agency/agency.entity.js';
import { Criterion } from './criterion.entity.js';

/**
 * The criteria in force: with an agency, the city-wide ones plus that agency's own (what its employees are scored
 * on); without one, every agency's. With a year, those in force that year (yearFrom <= year <= yearTo, an open end
 * counting as in force); without one, every year's. Work results first, city-wide before agency criteria, then in
 * catalogue order.
 */
export async function criteriaInForce(
  em: EntityManager,
  agencyCode: string | null | undefined,
  year: number | null | undefined,
): Promise<Criterion[]> {
  const conditions: FilterQuery<Criterion>[] = [];
  if (agencyCode !== null && agencyCode !== undefined) {
    const agency = await em.findOne(Agency, { code: agencyCode });
    if (!agency) throw notFound({ code: 'AGENCY_NOT_FOUND', params: { code: agencyCode } });
    conditions.push({ $or: [{ agency: null }, { agency: agency.id }] });
  }
  if (year !== null && year !== undefined) {
    conditions.push({ yearFrom: { $lte: year } }, { $or: [{ yearTo: null }, { yearTo: { $gte: year } }] });
  }
  const rows = await em.find(Criterion, conditions.length > 0 ? { $and: conditions } : {}, { orderBy: { id: 'asc' } });
  const categoryRank = (c: Criterion) => CRITERION_CATEGORIES.indexOf(c.category);
  return rows.sort(
    (a, b) =>
      categoryRank(a) - categoryRank(b) ||
      Number(a.agency !== null) - Number(b.agency !== null) ||
      (a.agency?.id ?? 0) - (b.agency?.id ?? 0) ||
      a.yearFrom - b.yearFrom ||
      a.id - b.id,
  );
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '../../graphql/errors.js';
import { Agency } from './agency.entity.js';

/**
 * The ids of the agencies with these codes, for filters. An unknown code is refused (BAD_USER_INPUT on `field`)
 * rather than matching nothing, so that a typing error in an analyst's query does not read as "no data".
 */
export async function agencyIdsByCodes(em: EntityManager, codes: readonly string[], field: string): Promise<number[]> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return [];
  const agencies = await em.find(Agency, { code: { $in: unique } });
  const known = new Set(agencies.map((a) => a.code));
  const unknown = unique.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw badUserInput(field, `Unknown agency code${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
  }
  return agencies.map((a) => a.id);
}

import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { checkYear } from '@kinerja/shared';
import type { Context } from '../../graphql/context.js';
import { throwProblems } from '../../graphql/errors.js';
import { accountScope, mayVerifyInnovation } from '../access/write-rules.js';
import { Innovation } from './innovation.entity.js';
import { InnovationType } from './innovation.types.js';

/** At most this many rows: a city's innovations awaiting verification fit, with room. */
const MAX_ROWS = 500;

@Resolver()
export class InnovationsToVerifyResolver {
  @Query(() => [InnovationType], {
    description:
      'The innovations awaiting verification that the caller may verify (docs/access.md#who-changes-what): of their ' +
      'direct reports, of their agency for its head, every one for an administrator; never their own. Newest period ' +
      `first, at most ${MAX_ROWS}.`,
  })
  async innovationsToVerify(
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { nullable: true, description: 'Only innovations recorded for this year.' })
    year?: number | null,
  ): Promise<Innovation[]> {
    const scope = accountScope(ctx);
    if (year !== null && year !== undefined) throwProblems(checkYear(year), null, { year: 'year' });
    const { viewer } = scope;
    const conditions = ['i.verified_at is null', 'i.verified_by_id is null'];
    const params: unknown[] = [];
    if (viewer.role !== 'ADMIN') {
      // Candidates: direct reports, and the agency of its head; mayVerifyInnovation decides each (never one's own).
      const own = [...scope.directReportIds];
      const parts: string[] = [];
      if (own.length > 0) {
        parts.push(`i.employee_id in (${own.map(() => '?').join(', ')})`);
        params.push(...own);
      }
      if (viewer.role === 'AGENCY_HEAD' && viewer.agencyId !== null) {
        parts.push('e.agency_id = ?');
        params.push(viewer.agencyId);
      }
      if (parts.length === 0) return [];
      conditions.push(`(${parts.join(' or ')})`);
    }
    if (year !== null && year !== undefined) {
      conditions.push('i.year = ?');
      params.push(year);
    }
    const rows = await ctx.em.execute<{ id: number; employee_id: number; agency_id: number }[]>(
      `select i.id, i.employee_id, e.agency_id from innovation i join employee e on e.id = i.employee_id
        where ${conditions.join(' and ')} order by i.year desc, i.quarter desc, i.id limit ?`,
      [...params, MAX_ROWS],
    );
    const ids = rows
      .filter((r) => mayVerifyInnovation(scope, { id: r.employee_id, agencyId: r.agency_id }))
      .map((r) => r.id);
    if (ids.length === 0) return [];
    const found = await ctx.em.find(Innovation, { id: { $in: ids } });
    const byId = new Map(found.map((i) => [i.id, i]));
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }
}

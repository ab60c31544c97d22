import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import type { AgencyRow } from '../agency/agency.entity.js';
import { AgencyType } from '../agency/agency.types.js';
import type { OrgPerformance } from './org-performance.entity.js';
import { OrgPerformanceType } from './org-performance.types.js';

/** Adds the agency's own performance predikat to the Agency type. */
@Resolver(() => AgencyType)
export class AgencyPerformanceResolver {
  @FieldResolver(() => OrgPerformanceType, {
    nullable: true,
    description: "The agency's own performance predikat for a year (proposed and set); null when there is none.",
  })
  async orgPerformance(
    @Root() agency: AgencyRow,
    @Ctx() { loaders }: Context,
    @Arg('year', () => Int, { description: 'The year, e.g. 2025.' }) year: number,
  ): Promise<OrgPerformance | null> {
    return loaders.orgPerformance.load({ agencyId: agency.id, year });
  }
}

import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { notFound } from '../../graphql/errors.js';
import { Agency } from './agency.entity.js';
import { AgencyType } from './agency.types.js';

@Resolver(() => AgencyType)
export class AgencyResolver {
  @Query(() => [AgencyType], { description: 'Every agency (perangkat daerah), ordered by code.' })
  async agencies(@Ctx() { em }: Context): Promise<Agency[]> {
    return em.find(Agency, {}, { orderBy: { code: 'asc' } });
  }

  @Query(() => AgencyType, { description: 'One agency by its code; NOT_FOUND when there is none.' })
  async agency(
    @Arg('code', () => String, { description: 'Agency code, e.g. `DISDIK`.' }) code: string,
    @Ctx() { em }: Context,
  ): Promise<Agency> {
    const agency = await em.findOne(Agency, { code });
    if (!agency) throw notFound(`Agency ${code}`);
    return agency;
  }

  @FieldResolver(() => Int)
  async employeeCount(@Root() agency: Agency, @Ctx() { loaders }: Context): Promise<number> {
    return loaders.employeeCountByAgency.load(agency.id);
  }
}

import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { badUserInput, notFound } from '../../graphql/errors.js';
import { selectsField } from '../../graphql/selection.js';
import { Agency, type AgencyRow } from './agency.entity.js';
import { agencyRows } from './agency.service.js';
import { AgencyType } from './agency.types.js';

/** Agency codes as the import format writes them. */
const AGENCY_CODE = /^[A-Z0-9_]{2,32}$/;

@Resolver(() => AgencyType)
export class AgencyResolver {
  @Query(() => [AgencyType], { description: 'Every agency (perangkat daerah), ordered by code.' })
  async agencies(@Ctx() { em }: Context, @Info() info: GraphQLResolveInfo): Promise<AgencyRow[]> {
    // The home page asks every agency with its employee count: one statement, not a second one for the counts.
    return agencyRows(em, { withEmployeeCount: selectsField(info, 'employeeCount') });
  }

  @Query(() => AgencyType, { description: 'One agency by its code; NOT_FOUND when there is none.' })
  async agency(
    @Arg('code', () => String, { description: 'Agency code, e.g. `DISDIK`.' }) code: string,
    @Ctx() { em }: Context,
  ): Promise<Agency> {
    if (!AGENCY_CODE.test(code)) {
      throw badUserInput(
        'code',
        `"${code}" is not an agency code: use 2-32 capital letters, digits or _ (e.g. DISDIK)`,
      );
    }
    const agency = await em.findOne(Agency, { code });
    if (!agency) throw notFound({ code: 'AGENCY_NOT_FOUND', params: { code } });
    return agency;
  }
}

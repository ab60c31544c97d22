import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import type { Agency } from '../agency/agency.entity.js';
import { AgencyType } from '../agency/agency.types.js';
import type { Criterion } from './criterion.entity.js';
import { criteriaInForce } from './criterion.service.js';
import { CriterionType } from './criterion.types.js';

@Resolver(() => CriterionType)
export class CriterionResolver {
  @Query(() => [CriterionType], {
    description:
      'The criteria in force: for an agency, the city-wide ones plus its own (what its employees are scored on); ' +
      'work results first, city-wide before agency criteria.',
  })
  async criteria(
    @Ctx() { em }: Context,
    @Arg('agencyCode', () => String, {
      nullable: true,
      description: "Agency code: city-wide criteria plus this agency's; every agency's when omitted.",
    })
    agencyCode?: string | null,
    @Arg('year', () => Int, { nullable: true, description: 'Only criteria in force that year; all when omitted.' })
    year?: number | null,
  ): Promise<Criterion[]> {
    return criteriaInForce(em, agencyCode, year);
  }

  @FieldResolver(() => AgencyType, {
    nullable: true,
    description: 'The agency the criterion belongs to; null for a city-wide criterion (all agencies).',
  })
  async agency(@Root() criterion: Criterion, @Ctx() { loaders }: Context): Promise<Agency | null> {
    return criterion.agency ? loaders.agencyById.load(criterion.agency.id) : null;
  }
}

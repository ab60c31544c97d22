import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import type { Agency } from '../agency/agency.entity.js';
import { AgencyType } from '../agency/agency.types.js';
import { accountScope } from '../access/write-rules.js';
import { OrgPerformance } from './org-performance.entity.js';
import { OrgPredikatInput } from './org-performance.inputs.js';
import { OrgPerformanceType } from './org-performance.types.js';
import { changeOrgPredikat } from './org-performance.workflow.js';

@Resolver(() => OrgPerformanceType)
export class OrgPerformanceMutations {
  @Mutation(() => OrgPerformanceType, {
    description: "Proposes an agency's org predikat for a year: the agency's head (or an administrator).",
  })
  async proposeOrgPredikat(
    @Ctx() ctx: Context,
    @Arg('input', () => OrgPredikatInput, { description: 'Agency, year and predikat.' }) input: OrgPredikatInput,
  ): Promise<OrgPerformance> {
    const id = await changeOrgPredikat(ctx.em, accountScope(ctx), input, 'propose');
    return ctx.em.findOneOrFail(OrgPerformance, { id }, { refresh: true });
  }

  @Mutation(() => OrgPerformanceType, {
    description:
      "Sets an agency's org predikat for a year: the city's leaders (LEADER; administrators too). Only the set " +
      'predikat drives the distribution check.',
  })
  async setOrgPredikat(
    @Ctx() ctx: Context,
    @Arg('input', () => OrgPredikatInput, { description: 'Agency, year and predikat.' }) input: OrgPredikatInput,
  ): Promise<OrgPerformance> {
    const id = await changeOrgPredikat(ctx.em, accountScope(ctx), input, 'set');
    return ctx.em.findOneOrFail(OrgPerformance, { id }, { refresh: true });
  }

  @FieldResolver(() => AgencyType, { description: 'The agency.' })
  async agency(@Root() row: OrgPerformance, @Ctx() { loaders }: Context): Promise<Agency> {
    return (await loaders.agencyById.load(row.agency.id))!;
  }
}

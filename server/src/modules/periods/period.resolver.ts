import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { quarterLabel } from '@kinerja/shared';
import type { Context } from '../../graphql/context.js';
import { Period } from './period.entity.js';
import { PeriodType } from './period.types.js';

@Resolver(() => PeriodType)
export class PeriodResolver {
  @Query(() => [PeriodType], { description: 'Appraisal periods (quarters), oldest first.' })
  async periods(
    @Ctx() { em }: Context,
    @Arg('year', () => Int, { nullable: true, description: 'Only the quarters of this year.' }) year?: number | null,
  ): Promise<Period[]> {
    return em.find(Period, year === null || year === undefined ? {} : { year }, {
      orderBy: { year: 'asc', quarter: 'asc' },
    });
  }

  @FieldResolver(() => String, { description: 'How people name the period, e.g. "Triwulan I 2025".' })
  // A plain row's period (evaluation reads) or an entity: an alias type, so type-graphql passes it as it is.
  label(@Root() period: Pick<Period, 'year' | 'quarter'>): string {
    return quarterLabel(period.year, period.quarter, 'id');
  }
}

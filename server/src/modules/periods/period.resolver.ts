import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { quarterLabel } from '@kinerja/shared';
import { requestLocale } from '../../graphql/locale.js';
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

  @Query(() => PeriodType, {
    nullable: true,
    description:
      'The current appraisal period: the OPEN period with the latest start (year, then quarter), else the latest ' +
      'CLOSED one; null when there is no period.',
  })
  async currentPeriod(@Ctx() { em }: Context): Promise<Period | null> {
    // OPEN sorts before CLOSED, so an open period wins over any closed one, then the latest quarter.
    const [period] = await em.find(
      Period,
      {},
      { orderBy: [{ status: 'desc' }, { year: 'desc', quarter: 'desc' }], limit: 1 },
    );
    return period ?? null;
  }

  @FieldResolver(() => String, {
    description:
      'How people name the period in the request\u2019s language (docs/i18n.md): "Triwulan I 2025", or "Q1 2025" for ' +
      '`Accept-Language: en`.',
  })
  // A plain row's period (evaluation reads) or an entity: an alias type, so type-graphql passes it as it is.
  label(@Root() period: Pick<Period, 'year' | 'quarter'>): string {
    return quarterLabel(period.year, period.quarter, requestLocale());
  }
}

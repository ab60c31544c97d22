import { Field, Float, Int, ObjectType } from 'type-graphql';
import { CRITERION_CATEGORIES, DIRECTIONS, type CriterionCategory, type Direction } from '@kinerja/shared';
import { registerSharedEnum } from '../../graphql/enum.js';

export const CriterionCategoryEnum = registerSharedEnum(
  CRITERION_CATEGORIES,
  'CriterionCategory',
  'The two parts of a performance appraisal (PP 30/2019).',
  {
    HASIL_KERJA: 'Hasil kerja: work results; 70% of the quarterly and annual score by default.',
    PERILAKU_KERJA: 'Perilaku kerja: work behaviour (the BerAKHLAK values); 30% of the score by default.',
  },
);

export const DirectionEnum = registerSharedEnum(
  DIRECTIONS,
  'IndicatorDirection',
  'Whether a higher or a lower realisation of an indicator is better (arah indikator).',
  {
    HIGHER_IS_BETTER: 'Higher is better (e.g. coverage %): score = min(120, 100 x realisation / target).',
    LOWER_IS_BETTER: 'Lower is better (e.g. complaints): score = min(120, 100 x target / realisation); 0 scores 120.',
  },
);

@ObjectType('Criterion', {
  simpleResolvers: true,
  description:
    'A criterion (kriteria) scored every quarter, city-wide or for one agency, in force for a range of years. For ' +
    'each agency, year and category the weights of the criteria that apply sum to 100.',
})
export class CriterionType {
  @Field(() => Int, { description: 'Database id of the criterion.' })
  id!: number;

  @Field(() => String, { description: 'Criterion code (e.g. `DISIPLIN`); agencies may share a code.' })
  code!: string;

  @Field(() => String, { description: 'Name (nama kriteria), e.g. "Disiplin".' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What is expected, in words (uraian).' })
  description!: string | null;

  @Field(() => CriterionCategoryEnum, { description: 'Work results or behaviour.' })
  category!: CriterionCategory;

  @Field(() => Float, { description: 'Weight (bobot) within its agency, year and category; those weights sum to 100.' })
  weight!: number;

  @Field(() => String, { nullable: true, description: 'Unit of the measurable indicator (e.g. `%`), if it has one.' })
  indicatorUnit!: string | null;

  @Field(() => Float, { nullable: true, description: 'Target of the indicator (> 0); null when it has none.' })
  target!: number | null;

  @Field(() => DirectionEnum, { nullable: true, description: 'Direction of the indicator; null when it has none.' })
  direction!: Direction | null;

  @Field(() => Int, { description: 'First year the criterion is in force.' })
  yearFrom!: number;

  @Field(() => Int, { nullable: true, description: 'Last year the criterion is in force; null while open-ended.' })
  yearTo!: number | null;
}

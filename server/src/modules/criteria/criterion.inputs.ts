import { Field, Float, InputType, Int } from 'type-graphql';
import type { CriterionCategory, Direction } from '@kinerja/shared';
import { CriterionCategoryEnum, DirectionEnum } from './criterion.types.js';

@InputType('CriterionWeightInput', { description: "A criterion's weight (bobot) in a replacement." })
export class CriterionWeightInput {
  @Field(() => String, { description: 'Code of a criterion in force (e.g. `PROFESIONALISME`).' })
  criterionCode!: string;

  @Field(() => Float, { description: 'Its weight, above 0 and at most 100.' })
  weight!: number;
}

@InputType('ReplaceCriterionWeightsInput', {
  description:
    'Replaces the weights of one agency, year and category at once; they must sum to 100. The new weights apply ' +
    'from `year` on (a criterion in force since an earlier year is split: the old weight stays for the earlier years).',
})
export class ReplaceCriterionWeightsInput {
  @Field(() => String, {
    nullable: true,
    description:
      'The agency: list every criterion in force for it (city-wide ones with their unchanged weight, its own with ' +
      'the new ones). Null: the city-wide criteria, whose weights apply to every agency (each agency must still ' +
      'sum to 100).',
  })
  agencyCode?: string | null;

  @Field(() => Int, { description: 'The first year the new weights apply.' })
  year!: number;

  @Field(() => CriterionCategoryEnum, { description: 'Work results or behaviour.' })
  category!: CriterionCategory;

  @Field(() => [CriterionWeightInput], { description: 'Every criterion in force with its weight.' })
  weights!: CriterionWeightInput[];

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit log).' })
  reason?: string | null;
}

@InputType('CreateCriterionInput', {
  description:
    'A new criterion (kriteria). After it, the weights of every agency it applies to must still sum to 100 in its ' +
    'category: give the changed weights of the others in `otherWeights`.',
})
export class CreateCriterionInput {
  @Field(() => String, { description: 'Code, e.g. `LAYANAN_DIGITAL` (letters, digits, `_`, `-`, `.`; at most 64).' })
  code!: string;

  @Field(() => String, { description: 'Name (nama kriteria), at most 200 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What is expected, in words (uraian).' })
  description?: string | null;

  @Field(() => CriterionCategoryEnum, { description: 'Work results or behaviour.' })
  category!: CriterionCategory;

  @Field(() => Float, { description: 'Weight (bobot), above 0 and at most 100.' })
  weight!: number;

  @Field(() => String, { nullable: true, description: 'The agency it applies to; null for every agency.' })
  agencyCode?: string | null;

  @Field(() => Int, { description: 'First year in force.' })
  yearFrom!: number;

  @Field(() => Int, { nullable: true, description: 'Last year in force; null while open-ended.' })
  yearTo?: number | null;

  @Field(() => String, { nullable: true, description: 'Unit of the measurable indicator, e.g. `%` (at most 32).' })
  indicatorUnit?: string | null;

  @Field(() => Float, { nullable: true, description: 'Target of the indicator (> 0), with `direction`.' })
  target?: number | null;

  @Field(() => DirectionEnum, { nullable: true, description: 'Direction of the indicator, with `target`.' })
  direction?: Direction | null;

  @Field(() => [CriterionWeightInput], {
    nullable: true,
    description:
      'New weights of other criteria of the same agency (or city-wide) and category from `yearFrom` on, so that ' +
      'the sum stays 100.',
  })
  otherWeights?: CriterionWeightInput[] | null;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit log).' })
  reason?: string | null;
}

import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { selectsField } from '../../graphql/selection.js';
import type { EmployeeRow } from '../employee/employee.entity.js';
import { EmployeeType } from '../employee/employee.types.js';
import type { AnnualResultWithSource } from './annual-result.service.js';
import { AnnualResultType } from './annual-result.types.js';
import type { Evaluation } from './evaluation.entity.js';
import { EvaluationType } from './evaluation.types.js';

/** The fields of an Employee that the evaluations module owns: their evaluations and annual results. */
@Resolver(() => EmployeeType)
export class EmployeeEvaluationsResolver {
  @FieldResolver(() => [EvaluationType], {
    description:
      'Quarterly evaluations (at most four a year), oldest first, in every status including DRAFT; empty when the ' +
      "caller may not see this employee's performance data (e.g. their own supervisor's).",
  })
  async evaluations(
    @Root() employee: EmployeeRow,
    @Ctx() { loaders }: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year; every year when omitted.' })
    year?: number | null,
  ): Promise<Evaluation[]> {
    // The scores come in the same statement when the query reads them (docs/benchmarks.md).
    const withScores = selectsField(info, 'scores');
    return loaders.evaluationsByEmployee.load({ employeeId: employee.id, year: year ?? null, withScores });
  }

  @FieldResolver(() => AnnualResultType, {
    nullable: true,
    description:
      'Annual result (evaluasi tahunan) of the year; null when the year has no counted quarterly score, or when the ' +
      "caller may not see this employee's performance data.",
  })
  async annualResult(
    @Root() employee: EmployeeRow,
    @Ctx() { loaders }: Context,
    @Arg('year', () => Int, { description: 'The year, e.g. 2025.' }) year: number,
  ): Promise<AnnualResultWithSource | null> {
    return loaders.annualResult.load({ employeeId: employee.id, year });
  }
}

import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { unwrapAll } from '../../graphql/batching.js';
import type { Connection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';

import { badUserInput } from '../../graphql/errors.js';
import { MAX_PAGE_SIZE } from '../../graphql/pagination.js';
import type { Agency } from '../agency/agency.entity.js';
import { EVALUATION_KEY, employeeRef, noSuchRecord, notInScope } from '../access/read-scopes.js';
import { AgencyType } from '../agency/agency.types.js';
import type { Employee } from '../employee/employee.entity.js';
import { EmployeeType } from '../employee/employee.types.js';
import type { Criterion } from '../criteria/criterion.entity.js';
import { storedResults } from './evaluation-results.js';
import { Evaluation, type EvaluationRow } from './evaluation.entity.js';
import { findEvaluations, rankScores, type ScoreWithItsCriterion } from './evaluation.service.js';
import {
  EvaluationConnection,
  EvaluationScoreType,
  EvaluationsArgs,
  EvaluationType,
  ObjectionType,
} from './evaluation.types.js';
import { Objection } from './objection.entity.js';
import type { Period } from '../periods/period.entity.js';
import { PeriodType } from '../periods/period.types.js';

@Resolver(() => EvaluationType)
export class EvaluationResolver {
  @Query(() => EvaluationConnection, {
    description:
      `Quarterly evaluations, filtered, ordered (by period then id unless \`orderBy\` says otherwise), a page at a ` +
      `time (at most ${MAX_PAGE_SIZE} a page).`,
  })
  async evaluations(
    @Ctx() { em, scope, policy }: Context,
    @Args(() => EvaluationsArgs) args: EvaluationsArgs,
  ): Promise<Connection<Evaluation>> {
    return findEvaluations(em, scope!, { ...args, scoreMax: policy.scoreMax });
  }

  @Query(() => EvaluationType, {
    description:
      'One evaluation by id. FORBIDDEN outside what the caller may see (the same whether or not it exists); ' +
      'NOT_FOUND for callers who see every row when there is none.',
  })
  async evaluation(
    @Ctx() { em, loaders, access }: Context,
    @Arg('id', () => Int, { description: 'Database id of the evaluation.' }) id: number,
  ): Promise<Evaluation> {
    const evaluation = await em.findOne(Evaluation, { id }, { populate: ['period'] });
    if (evaluation) {
      const employee = (await loaders.employeeById.load(evaluation.employee.id))!;
      const visible = access!.evaluationVisible({
        employee: employeeRef(employee),
        agencyId: evaluation.agency.id,
        assessorId: evaluation.assessor?.id ?? null,
        hasObjection: (await loaders.objectionsByEvaluation.load(evaluation.id)).length > 0,
      });
      if (visible) return evaluation;
      throw notInScope(EVALUATION_KEY);
    }
    throw noSuchRecord(access!.scope, 'OTHER', EVALUATION_KEY, id);
  }

  @FieldResolver(() => EmployeeType, { description: 'The employee evaluated.' })
  async employee(@Root() evaluation: EvaluationRow, @Ctx() { loaders, access }: Context): Promise<Employee> {
    return access!.requireVisible((await loaders.employeeById.load(evaluation.employee.id))!, 'The employee evaluated');
  }

  @FieldResolver(() => PeriodType, { description: 'The quarter (triwulan) evaluated.' })
  period(@Root() evaluation: EvaluationRow, @Ctx() { loaders }: Context): Period | Promise<Period> {
    // Evaluation reads load the period with the row (they filter and order by it): as an entity, or whole in a plain
    // row, answered without a promise (thousands of rows on a large page); a reference only (its year unknown) goes
    // through the loader.
    if (typeof evaluation.period.year === 'number') return evaluation.period;
    return loaders.periodById.load(evaluation.period.id).then((period) => period!);
  }

  @FieldResolver(() => AgencyType, {
    description: 'The agency the employee belonged to in that period (kept, so transfers do not rewrite history).',
  })
  async agency(@Root() evaluation: EvaluationRow, @Ctx() { loaders }: Context): Promise<Agency> {
    return (await loaders.agencyById.load(evaluation.agency.id))!;
  }

  @FieldResolver(() => EmployeeType, {
    nullable: true,
    description:
      'The assessor (pejabat penilai); null at the top of the hierarchy (e.g. the Sekda, assessed by the Wali ' +
      'Kota), or when the caller may not see them; for pseudonymised callers (POLICY, ANALYST) null unless they see ' +
      'the assessor in full (docs/privacy.md).',
  })
  async assessor(@Root() evaluation: EvaluationRow, @Ctx() { loaders, access }: Context): Promise<Employee | null> {
    if (!evaluation.assessor) return null;
    return access!.visibleEmployee(await loaders.employeeById.load(evaluation.assessor.id));
  }

  @FieldResolver(() => [EvaluationScoreType], {
    description:
      'One score per scored criterion: work results first, then behaviour, in catalogue order; with ' +
      '`criterionCodes`, only the scores of the criteria with those codes.',
  })
  scores(
    @Root() evaluation: EvaluationRow,
    @Ctx() { loaders }: Context,
    @Arg('criterionCodes', () => [String], {
      nullable: true,
      description:
        'Criterion codes (e.g. `DISIPLIN`): only the scores of criteria with one of these codes. A code that no ' +
        'criterion carries is refused (BAD_USER_INPUT at `criterionCodes`).',
    })
    criterionCodes?: string[] | null,
  ): ScoreWithItsCriterion[] | Promise<ScoreWithItsCriterion[]> {
    // Read with the evaluation (Employee.evaluations asks for them when the query selects scores): no promise.
    const ready = criterionCodes ? undefined : loaders.rankedScores.get(evaluation.id);
    return ready ?? this.loadScores(evaluation, loaders, criterionCodes);
  }

  private async loadScores(
    evaluation: EvaluationRow,
    loaders: Context['loaders'],
    criterionCodes: string[] | null | undefined,
  ): Promise<ScoreWithItsCriterion[]> {
    let rows = await loaders.scoresByEvaluation.load(evaluation.id);
    let criteria = unwrapAll(await loaders.criterionById.loadMany(rows.map((row) => row.criterionId)));
    if (criterionCodes) {
      const known = await loaders.knownCriterionCodes.load(true);
      const unknown = criterionCodes.filter((code) => !known.has(code));
      if (unknown.length > 0) {
        throw badUserInput(
          'criterionCodes',
          `kode kriteria tidak dikenal: ${unknown.join(', ')} / unknown criterion codes: ${unknown.join(', ')}`,
        );
      }
      const wanted = new Set(criterionCodes);
      const keep = criteria.map((c) => c !== null && c !== undefined && wanted.has(c.code));
      rows = rows.filter((_, i) => keep[i]);
      criteria = criteria.filter((_, i) => keep[i]);
    }
    return rankScores(rows, criteria as Criterion[]);
  }

  @FieldResolver(() => [ObjectionType], { description: 'Objections (keberatan) filed against it, oldest first.' })
  async objections(@Root() evaluation: EvaluationRow, @Ctx() { loaders }: Context): Promise<Objection[]> {
    return loaders.objectionsByEvaluation.load(evaluation.id);
  }

  // The stored results (docs/scoring.md) are columns of the row, answered as plain fields (no resolver call per
  // evaluation and field on a page of thousands, docs/benchmarks.md); only the version falls back to the policy in
  // force for an evaluation that has never had a score.
  @FieldResolver(() => String)
  policyVersion(@Root() evaluation: EvaluationRow, @Ctx() { policy }: Context): string {
    return storedResults(evaluation, policy.version).policyVersion;
  }
}

@Resolver(() => ObjectionType)
export class ObjectionResolver {
  @FieldResolver(() => EmployeeType, { description: 'The employee who filed it.' })
  async filedBy(@Root() objection: Objection, @Ctx() { loaders, access }: Context): Promise<Employee> {
    return access!.requireVisible((await loaders.employeeById.load(objection.filedBy.id))!, 'Who filed the objection');
  }

  @FieldResolver(() => EmployeeType, {
    nullable: true,
    description:
      'Who decided it; null while pending, or when a LEADER or ADMIN account without an employee did; for ' +
      'pseudonymised callers (POLICY, ANALYST) null unless they see that person in full.',
  })
  async decidedBy(@Root() objection: Objection, @Ctx() { loaders, access }: Context): Promise<Employee | null> {
    if (!objection.decidedBy) return null;
    return access!.visibleEmployee(await loaders.employeeById.load(objection.decidedBy.id));
  }
}

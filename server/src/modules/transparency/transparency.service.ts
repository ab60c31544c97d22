import {
  categoryScore,
  PREDIKAT_MATRIX,
  quarterLabel,
  roundForComparison,
  type CriterionCategory,
  type Predikat,
  type Rating,
  type ScoringPolicy,
} from '@kinerja/shared';
import { unwrapAll } from '../../graphql/batching.js';
import type { Context } from '../../graphql/context.js';
import { requestLocale, say } from '../../graphql/locale.js';
import type { Employee } from '../employee/employee.entity.js';
import { ANNUAL_RESULT_STATUSES, annualNote } from '../evaluations/annual-result.service.js';
import type { Criterion } from '../criteria/criterion.entity.js';
import { criteriaInForce } from '../criteria/criterion.service.js';
import type {
  CategoryWorkingType,
  TransparencyAnnualType,
  TransparencyPersonType,
  TransparencyQuarterType,
  TransparencyScoreType,
  TransparencyTrainingType,
  TransparencyType,
} from './transparency.types.js';

/**
 * The transparency page (docs/workflow.md#views): everything an employee needs to check how their predikat came
 * about, each step with the numbers the shared rules used. Numbers are unrounded; the formula texts show them
 * rounded to 6 decimals (the comparison rounding), the way a person checks them by hand.
 */

/** A number as the formulas show it: rounded to 6 decimals like every comparison, without trailing zeros. */
export function show(x: number): string {
  return String(roundForComparison(x));
}

function ratingRule(score: number, rating: Rating, policy: ScoringPolicy): string {
  const { diAtas, sesuai } = policy.ratingThresholds;
  if (rating === 'DI_ATAS_EKSPEKTASI') {
    return say({ code: 'TR_RATING_DI_ATAS', params: { score: show(score), diAtas, rating } });
  }
  if (rating === 'SESUAI_EKSPEKTASI') {
    return say({ code: 'TR_RATING_SESUAI', params: { score: show(score), sesuai, diAtas, rating } });
  }
  return say({ code: 'TR_RATING_DI_BAWAH', params: { score: show(score), sesuai, rating } });
}

export function matrixCell(hasilKerja: Rating | null, perilakuKerja: Rating | null): string | null {
  if (hasilKerja === null || perilakuKerja === null) return null;
  const predikat: Predikat = PREDIKAT_MATRIX[hasilKerja][perilakuKerja];
  return say({ code: 'TR_MATRIX_CELL', params: { hasilKerja, perilakuKerja, predikat } });
}

function weightedFormula(hasilKerja: number, perilakuKerja: number, score: number, policy: ScoringPolicy): string {
  const { HASIL_KERJA, PERILAKU_KERJA } = policy.categoryWeights;
  return `${show(HASIL_KERJA)} x ${show(hasilKerja)} + ${show(PERILAKU_KERJA)} x ${show(perilakuKerja)} = ${show(score)}`;
}

function working(
  lines: readonly TransparencyScoreType[],
  category: CriterionCategory,
  official: { score: number | null; rating: Rating | null },
  policy: ScoringPolicy,
): CategoryWorkingType {
  const scored = lines.filter((line) => line.category === category);
  const weightedSum = scored.reduce((sum, line) => sum + line.weightedScore, 0);
  const weightSum = scored.reduce((sum, line) => sum + line.weight, 0);
  const computed = categoryScore(scored);
  const formula =
    computed === null
      ? say({ code: 'TR_NO_CATEGORY_SCORE', params: { category } })
      : `(${scored.map((l) => `${show(l.weight)} x ${show(l.score)}`).join(' + ')}) / ${show(weightSum)} = ` +
        `${show(weightedSum)} / ${show(weightSum)} = ${show(computed)}`;
  return {
    score: official.score,
    weightedSum,
    weightSum,
    formula,
    rating: official.rating,
    ratingRule:
      official.score === null || official.rating === null ? null : ratingRule(official.score, official.rating, policy),
  };
}

function person(employee: Employee | null, agencyCode: string | undefined): TransparencyPersonType | null {
  if (!employee) return null;
  return { name: employee.name, position: employee.position, agencyCode: agencyCode ?? '' };
}

function indicatorFormula(criterion: Criterion, realisation: number | null, score: number, max: number): string | null {
  if (realisation === null || criterion.target === null) return null;
  const ratio =
    criterion.direction === 'LOWER_IS_BETTER'
      ? realisation === 0
        ? say({ code: 'TR_INDICATOR_ZERO', params: { max } })
        : `100 x ${show(criterion.target)} / ${show(realisation)}`
      : `100 x ${show(realisation)} / ${show(criterion.target)}`;
  return realisation === 0 && criterion.direction === 'LOWER_IS_BETTER'
    ? `${ratio} = ${show(score)}`
    : `min(${max}, ${ratio}) = ${show(score)}`;
}

/** The whole page for one employee and year, read through the request's batched loaders. */
export async function transparencyOf(ctx: Context, employee: Employee, year: number): Promise<TransparencyType> {
  const { loaders, policy, em } = ctx;
  const agencyOf = async (id: number) => (await loaders.agencyById.load(id))?.code;
  const [agencyCode, evaluations, annual, jp] = await Promise.all([
    agencyOf(employee.agency.id),
    loaders.evaluationsByEmployee.load({ employeeId: employee.id, year }),
    loaders.annualResult.load({ employeeId: employee.id, year }),
    loaders.trainingHours.load({ employeeId: employee.id, year }),
  ]);
  const criteria = await criteriaInForce(em, agencyCode, year);
  const scoreLists = unwrapAll(await loaders.scoresByEvaluation.loadMany(evaluations.map((e) => e.id)));
  const criterionById = new Map(
    unwrapAll(await loaders.criterionById.loadMany([...new Set(scoreLists.flat().map((s) => s.criterionId))])).flatMap(
      (c) => (c ? [[c.id, c] as const] : []),
    ),
  );
  const results = unwrapAll(await loaders.evaluationResults.loadMany(evaluations));

  const quarters: TransparencyQuarterType[] = [];
  for (const [i, evaluation] of evaluations.entries()) {
    const result = results[i];
    const draft = evaluation.status === 'DRAFT';
    const lines: TransparencyScoreType[] = draft
      ? []
      : scoreLists[i]
          .map((row) => {
            const criterion = criterionById.get(row.criterionId)!;
            return {
              criterionCode: criterion.code,
              criterionName: criterion.name,
              category: criterion.category,
              weight: criterion.weight,
              score: row.score,
              weightedScore: criterion.weight * row.score,
              derivedFromIndicator: row.derivedFromIndicator,
              realisation: row.realisation,
              target: criterion.target,
              direction: criterion.direction,
              indicatorUnit: criterion.indicatorUnit,
              formula: row.derivedFromIndicator
                ? indicatorFormula(criterion, row.realisation, row.score, policy.scoreMax)
                : null,
              evidence: row.evidence,
            };
          })
          .sort((a, b) => (a.category === b.category ? 0 : a.category === 'HASIL_KERJA' ? -1 : 1));
    const assessor = evaluation.assessor ? await loaders.employeeById.load(evaluation.assessor.id) : null;
    const stored = evaluation.status === 'FINAL';
    const hasilKerja = working(
      lines,
      'HASIL_KERJA',
      {
        score: draft ? null : result.hasilKerjaScore,
        rating: draft ? null : result.hasilKerjaRating,
      },
      policy,
    );
    const perilakuKerja = working(
      lines,
      'PERILAKU_KERJA',
      {
        score: draft ? null : result.perilakuKerjaScore,
        rating: draft ? null : result.perilakuKerjaRating,
      },
      policy,
    );
    const score = draft ? null : result.score;
    const notes: string[] = [];
    if (draft) notes.push(say({ code: 'TR_NOTE_DRAFT', params: {} }));
    if (evaluation.status === 'OBJECTED') notes.push(say({ code: 'TR_NOTE_OBJECTED', params: {} }));
    if (stored) {
      const differs = (['HASIL_KERJA', 'PERILAKU_KERJA'] as const).some((category) => {
        const now = categoryScore(lines.filter((line) => line.category === category));
        const official = category === 'HASIL_KERJA' ? result.hasilKerjaScore : result.perilakuKerjaScore;
        return (now === null) !== (official === null) || (now !== null && show(now) !== show(official!));
      });
      notes.push(
        say({ code: 'TR_NOTE_FINAL', params: { policyVersion: result.policyVersion, weightsChanged: differs } }),
      );
    }
    quarters.push({
      quarter: evaluation.period.quarter,
      label: quarterLabel(year, evaluation.period.quarter, requestLocale()),
      periodStatus: evaluation.period.status,
      evaluationId: evaluation.id,
      status: evaluation.status,
      agencyCode: (await agencyOf(evaluation.agency.id)) ?? '',
      assessor: person(assessor, assessor ? await agencyOf(assessor.agency.id) : undefined),
      scores: lines,
      hasilKerja,
      perilakuKerja,
      score,
      scoreFormula:
        score === null || hasilKerja.score === null || perilakuKerja.score === null
          ? null
          : weightedFormula(hasilKerja.score, perilakuKerja.score, score, policy),
      predikat: draft ? null : result.predikat,
      matrixCell: draft ? null : matrixCell(result.hasilKerjaRating, result.perilakuKerjaRating),
      resultsStored: stored,
      policyVersion: result.policyVersion,
      countsInAnnual: ANNUAL_RESULT_STATUSES.includes(evaluation.status),
      note: notes.length > 0 ? notes.join(' ') : null,
    });
  }

  const counted = quarters.filter((q) => q.countsInAnnual);
  const mean = (values: (number | null)[]) => {
    const present = values.filter((v): v is number => v !== null);
    return present.length === 0
      ? null
      : `mean(${present.map(show).join(', ')}) = ${show(present.reduce((a, b) => a + b, 0) / present.length)}`;
  };
  const innovationRule = policy.innovationRule
    ? say({
        code: 'TR_INNOVATION_RULE',
        params: {
          year,
          count: annual?.innovationCount ?? 0,
          outcome: annual?.innovationRuleApplied
            ? 'APPLIED'
            : annual?.predikatBeforeInnovationRule === 'SANGAT_BAIK'
              ? 'MET'
              : 'NOT_SANGAT_BAIK',
        },
      })
    : say({ code: 'TR_INNOVATION_RULE_OFF', params: {} });
  const annualPage: TransparencyAnnualType | null = annual && {
    quarterCount: annual.quarterCount,
    hasilKerjaScore: annual.hasilKerjaScore,
    hasilKerjaFormula: mean(counted.map((q) => q.hasilKerja.score)),
    perilakuKerjaScore: annual.perilakuKerjaScore,
    perilakuKerjaFormula: mean(counted.map((q) => q.perilakuKerja.score)),
    score: annual.score,
    scoreFormula:
      annual.score === null || annual.hasilKerjaScore === null || annual.perilakuKerjaScore === null
        ? null
        : weightedFormula(annual.hasilKerjaScore, annual.perilakuKerjaScore, annual.score, policy),
    hasilKerjaRating: annual.hasilKerjaRating,
    perilakuKerjaRating: annual.perilakuKerjaRating,
    predikatBeforeInnovationRule: annual.predikatBeforeInnovationRule,
    matrixCell: matrixCell(annual.hasilKerjaRating, annual.perilakuKerjaRating),
    innovationCount: annual.innovationCount,
    innovationRuleApplied: annual.innovationRuleApplied,
    innovationRule,
    predikat: annual.predikat,
    note: annualNote(annual),
  };

  const pns = employee.employmentType === 'PNS';
  const training: TransparencyTrainingType = pns
    ? {
        jp,
        ruleJp: policy.minJpPerYearPns,
        rule: say({ code: 'TR_JP_PNS', params: { jp: policy.minJpPerYearPns } }),
        met: roundForComparison(jp) >= policy.minJpPerYearPns,
        missingJp: Math.max(0, policy.minJpPerYearPns - jp),
      }
    : {
        jp,
        ruleJp: policy.maxJpPerYearPppk,
        rule: say({ code: 'TR_JP_PPPK', params: { jp: policy.maxJpPerYearPppk } }),
        met: roundForComparison(jp) <= policy.maxJpPerYearPppk,
        missingJp: 0,
      };

  const supervisor = employee.supervisor ? await loaders.employeeById.load(employee.supervisor.id) : null;
  return {
    employee: employee as unknown as TransparencyType['employee'],
    year,
    policyVersion: policy.version,
    hasilKerjaWeight: policy.categoryWeights.HASIL_KERJA,
    perilakuKerjaWeight: policy.categoryWeights.PERILAKU_KERJA,
    thresholdDiAtas: policy.ratingThresholds.diAtas,
    thresholdSesuai: policy.ratingThresholds.sesuai,
    criteria: criteria as unknown as TransparencyType['criteria'],
    quarters,
    annual: annualPage,
    training,
    employmentType: employee.employmentType,
    assessor: person(supervisor, supervisor ? await agencyOf(supervisor.agency.id) : undefined),
  };
}

import { describe, expect, it } from 'vitest';
import * as analytics from '../src/analytics/index.js';
import * as shared from '../src/index.js';

// Server and dashboard import these names from '@kinerja/shared': dropping or renaming one breaks them.
describe('index re-exports the public API', () => {
  it('exports exactly these runtime names', () => {
    // analytics names are listed by the next test, so that the two lists change independently
    expect(
      Object.keys(shared)
        .filter((name) => !(name in analytics))
        .sort(),
    ).toEqual([
      'AGENCY_KINDS',
      'COUNTED_STATUSES',
      'CRITERION_CATEGORIES',
      'DEFAULT_SCORING_POLICY',
      'DIRECTIONS',
      'EMPLOYMENT_TYPES',
      'EVALUATION_STATUSES',
      'GENDERS',
      'NIP_BIRTH_YEAR_MAX',
      'NIP_BIRTH_YEAR_MIN',
      'ORG_PREDIKATS',
      'PARTICIPATION_STATUSES',
      'PERIOD_STATUSES',
      'POSITION_TYPES',
      'PREDIKATS',
      'PREDIKAT_MATRIX',
      'PROBLEM_CODES',
      'PolicyError',
      'RATINGS',
      'ROMAN_QUARTERS',
      'SCORE_MIN',
      'TRAINING_KINDS',
      'WEIGHT_MAX',
      'WEIGHT_TOTAL',
      'YEAR_MAX',
      'YEAR_MIN',
      'annualResult',
      'canonicalJson',
      'categoryScore',
      'checkIndicator',
      'checkQuarter',
      'checkScoreEntry',
      'checkWeight',
      'checkWeightList',
      'checkWeightSums',
      'checkYear',
      'checkYearQuarter',
      'checkYearSpan',
      'compareScores',
      'criteriaInForce',
      'daysInMonth',
      'evaluateScores',
      'expectedEmploymentType',
      'fnv1a32',
      'fnv1a32Hex',
      'formatNip',
      'fromQuarterIndex',
      'inForce',
      'indicatorScore',
      'isLeapYear',
      'isRealDate',
      'isValidQuarter',
      'makeScoringPolicy',
      'nipGenderMatches',
      'predikat',
      'problem',
      'quarterIndex',
      'quarterLabel',
      'quarterOfDate',
      'quarterlyScore',
      'rating',
      'ratingOrNull',
      'renderProblem',
      'roundForComparison',
      'scoreOfEntry',
      'scoringPolicyVersion',
      'validateNip',
      'weightTotal',
    ]);
  });

  it('re-exports exactly these analytics names', () => {
    expect(Object.keys(analytics).sort()).toEqual([
      'AGGREGATE_CALLER_ROLES',
      'aggregateCallerFor',
      'analyticsNoteText',
      'compareKeys',
      'decideSuppression',
      'describeValues',
      'isSuppressionExempt',
      'mean',
      'percentileCont',
      'predikatCounts',
      'rankByMean',
      'sampleStdDev',
      'sampleVariance',
    ]);
    for (const name of Object.keys(analytics)) expect(shared).toHaveProperty(name);
  });
});

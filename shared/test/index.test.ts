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
      'GENERALISED_ATTRIBUTES',
      'NIP_BIRTH_YEAR_MAX',
      'NIP_BIRTH_YEAR_MIN',
      'ORG_PREDIKATS',
      'PARTICIPATION_STATUSES',
      'PERIOD_STATUSES',
      'POSITION_TYPES',
      'PREDIKATS',
      'PREDIKAT_MATRIX',
      'PolicyError',
      'RATINGS',
      'ROMAN_QUARTERS',
      'TRAINING_KINDS',
      'annualResult',
      'canonicalJson',
      'categoryScore',
      'compareScores',
      'daysInMonth',
      'evaluateScores',
      'expectedEmploymentType',
      'fnv1a32',
      'fnv1a32Hex',
      'formatNip',
      'fromQuarterIndex',
      'indicatorScore',
      'isLeapYear',
      'isRealDate',
      'isValidQuarter',
      'kAnonymise',
      'makeScoringPolicy',
      'nipGenderMatches',
      'predikat',
      'quarterIndex',
      'quarterLabel',
      'quarterOfDate',
      'quarterlyScore',
      'rankGroupOf',
      'rating',
      'ratingOrNull',
      'roundForComparison',
      'scoringPolicyVersion',
      'smallestGroup',
      'validateNip',
    ]);
  });

  it('re-exports exactly these analytics names', () => {
    expect(Object.keys(analytics).sort()).toEqual([
      'AGGREGATE_CALLER_ROLES',
      'CI95_Z',
      'DISTRIBUTION_RULES',
      'RATER_FLAGS',
      'agencyOfYear',
      'aggregateCallerFor',
      'analyticsNoteText',
      'compareKeys',
      'decideSuppression',
      'describeValues',
      'distributionCheck',
      'distributionRuleText',
      'groupStatistics',
      'isSuppressionExempt',
      'mean',
      'percentileCont',
      'predikatCounts',
      'rankByMean',
      'raterObjectivity',
      'sampleStdDev',
      'sampleVariance',
      'trainingImpact',
      'trainingJpFigures',
      'trainingNeeds',
    ]);
    for (const name of Object.keys(analytics)) expect(shared).toHaveProperty(name);
  });
});

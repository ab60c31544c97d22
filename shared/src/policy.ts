import { canonicalJson } from './canonical-json.js';
import { fnv1a32Hex } from './fnv1a.js';

/**
 * The scoring policy in force: every number of the rules that a deployment may configure. Each field says where its
 * default comes from, a regulation or "policy" (a city choice, docs/scoring.md#the-scoring-policy). Results store the `version` of the policy
 * that produced them, so a later change never rewrites a final result and the API can report what was applied.
 */
export interface ScoringPolicy {
  /** `p-` + 8 hex digits hashed from every other field: same content, same version; any change, a new one. */
  readonly version: string;
  /**
   * Weights of work results and behaviour in the quarterly and the annual score: 0.7 / 0.3 (PP 30/2019 Pasal 41).
   * Policy: a deployment that also collects peer and subordinate ratings switches to 0.6 / 0.4. They sum to 1.
   */
  readonly categoryWeights: { readonly HASIL_KERJA: number; readonly PERILAKU_KERJA: number };
  /**
   * Lowest category score (after roundForComparison) of DI_ATAS_EKSPEKTASI (110) and of SESUAI_EKSPEKTASI (90):
   * the three levels of PermenPANRB 6/2022 placed on the PP 30/2019 bands (policy).
   */
  readonly ratingThresholds: { readonly diAtas: number; readonly sesuai: number };
  /** Top of the score scale, 0..120, where 100 means the target was met exactly (PP 30/2019). */
  readonly scoreMax: number;
  /** An annual SANGAT_BAIK needs at least one verified innovation in that year (PP 30/2019 Pasal 41, city policy). */
  readonly innovationRule: boolean;
  /** A PNS should complete at least 20 JP of competence development a year (PP 11/2017 Pasal 203). */
  readonly minJpPerYearPns: number;
  /** A PPPK is entitled to at most 24 JP a year (PP 49/2018 Pasal 40). */
  readonly maxJpPerYearPppk: number;
  /**
   * Aggregates over fewer employees are suppressed for POLICY and ANALYST callers, because a small group's mean is
   * personal data (policy).
   */
  readonly suppressionMinGroup: number;
  /** A training-impact result with fewer treated or control employees is suppressed for everyone (policy). */
  readonly trainingImpactMinN: number;
  /** |z| of an assessor's leniency above which they are flagged LENIENT or SEVERE (policy). */
  readonly raterZThreshold: number;
  /** An assessor is flagged only after rating at least this many employees (policy). */
  readonly raterMinEmployees: number;
  /**
   * A criterion score below this in both of an employee's last two evaluations is a training need (policy; planning
   * development from performance gaps is PP 11/2017 Pasal 206).
   */
  readonly trainingNeedThreshold: number;
  /** Quarters before and after the training in the training-impact comparison when the caller gives none (policy). */
  readonly trainingImpactDefaultWindow: number;
}

/** A policy's content: everything that its version is computed from. */
export type ScoringPolicyContent = Omit<ScoringPolicy, 'version'>;

/** What a deployment may override; nested objects may be given in part. */
export type ScoringPolicyOverrides = Partial<Omit<ScoringPolicyContent, 'categoryWeights' | 'ratingThresholds'>> & {
  categoryWeights?: Partial<ScoringPolicyContent['categoryWeights']>;
  ratingThresholds?: Partial<ScoringPolicyContent['ratingThresholds']>;
};

/** A rejected policy value; `field` is its path (e.g. `ratingThresholds.sesuai`), which the message names too. */
export class PolicyError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = 'PolicyError';
    this.field = field;
  }
}

const DEFAULT_CONTENT: ScoringPolicyContent = {
  categoryWeights: { HASIL_KERJA: 0.7, PERILAKU_KERJA: 0.3 },
  ratingThresholds: { diAtas: 110, sesuai: 90 },
  scoreMax: 120,
  innovationRule: true,
  minJpPerYearPns: 20,
  maxJpPerYearPppk: 24,
  suppressionMinGroup: 5,
  trainingImpactMinN: 5,
  raterZThreshold: 3,
  raterMinEmployees: 5,
  trainingNeedThreshold: 90,
  trainingImpactDefaultWindow: 2,
};

/** Two weights that sum to 1 in exact arithmetic may miss it by a few ulps in doubles (0.1 + 0.2). */
const WEIGHT_SUM_TOLERANCE = 1e-9;

/** The version of a policy's content: `p-` + FNV-1a (32 bits, hex) of its canonical JSON (keys sorted). */
export function scoringPolicyVersion(content: ScoringPolicyContent): string {
  return `p-${fnv1a32Hex(canonicalJson(content))}`;
}

/**
 * Builds a validated, frozen policy from the defaults and a deployment's overrides, and stamps its version.
 * Throws PolicyError naming the first field that is unknown or out of range. Unknown keys are refused rather than
 * ignored, because a misspelt setting in a configuration file would otherwise silently leave the default in force.
 * An override given as `undefined` counts as not given; `null` is refused like any other non-number.
 */
export function makeScoringPolicy(overrides: ScoringPolicyOverrides = {}): ScoringPolicy {
  const merged: Record<string, unknown> = { ...DEFAULT_CONTENT };
  for (const [key, value] of Object.entries(overrides)) {
    if (key === 'version') {
      throw new PolicyError('version', 'version is computed from the policy content and cannot be set');
    }
    if (!(key in DEFAULT_CONTENT)) throw new PolicyError(key, `${key} is not a scoring policy setting`);
    if (value !== undefined) merged[key] = value;
  }
  merged.categoryWeights = mergeNested('categoryWeights', DEFAULT_CONTENT.categoryWeights, overrides.categoryWeights);
  merged.ratingThresholds = mergeNested(
    'ratingThresholds',
    DEFAULT_CONTENT.ratingThresholds,
    overrides.ratingThresholds,
  );
  const content = validate(merged as unknown as ScoringPolicyContent);
  return Object.freeze({
    ...content,
    categoryWeights: Object.freeze({ ...content.categoryWeights }),
    ratingThresholds: Object.freeze({ ...content.ratingThresholds }),
    version: scoringPolicyVersion(content),
  });
}

/** The policy of docs/scoring.md#the-scoring-policy with nothing overridden. */
export const DEFAULT_SCORING_POLICY: ScoringPolicy = makeScoringPolicy();

function mergeNested<T extends Record<string, number>>(field: string, defaults: T, given: Partial<T> | undefined): T {
  if (given !== undefined && (given === null || typeof given !== 'object')) {
    throw new PolicyError(field, `${field} must be an object, got ${show(given)}`);
  }
  const merged: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(given ?? {})) {
    if (!(key in defaults)) throw new PolicyError(`${field}.${key}`, `${field}.${key} is not a scoring policy setting`);
    if (value !== undefined) merged[key] = value;
  }
  return merged as T;
}

/** Checks every field (values may come from a configuration file, so types are checked too) and returns the content. */
function validate(p: ScoringPolicyContent): ScoringPolicyContent {
  const hk = requireNumber('categoryWeights.HASIL_KERJA', p.categoryWeights.HASIL_KERJA);
  const pk = requireNumber('categoryWeights.PERILAKU_KERJA', p.categoryWeights.PERILAKU_KERJA);
  if (hk < 0 || hk > 1) fail('categoryWeights.HASIL_KERJA', `must be between 0 and 1, got ${hk}`);
  if (pk < 0 || pk > 1) fail('categoryWeights.PERILAKU_KERJA', `must be between 0 and 1, got ${pk}`);
  if (Math.abs(hk + pk - 1) > WEIGHT_SUM_TOLERANCE) {
    // toFixed(9) shows 0.6 + 0.3 as 0.9, not 0.8999999999999999, in a message an administrator reads.
    const sum = Number((hk + pk).toFixed(9));
    fail('categoryWeights', `must sum to 1, got HASIL_KERJA ${hk} + PERILAKU_KERJA ${pk} = ${sum}`);
  }

  const scoreMax = requireInteger('scoreMax', p.scoreMax, 1);
  const diAtas = requireNumber('ratingThresholds.diAtas', p.ratingThresholds.diAtas);
  const sesuai = requireNumber('ratingThresholds.sesuai', p.ratingThresholds.sesuai);
  if (diAtas > scoreMax) fail('ratingThresholds.diAtas', `must be at most scoreMax (${scoreMax}), got ${diAtas}`);
  if (sesuai <= 0) fail('ratingThresholds.sesuai', `must be above 0, got ${sesuai}`);
  if (sesuai >= diAtas) {
    fail('ratingThresholds.sesuai', `must be below ratingThresholds.diAtas (${diAtas}), got ${sesuai}`);
  }

  if (typeof p.innovationRule !== 'boolean')
    fail('innovationRule', `must be true or false, got ${show(p.innovationRule)}`);
  requireInteger('minJpPerYearPns', p.minJpPerYearPns, 0);
  requireInteger('maxJpPerYearPppk', p.maxJpPerYearPppk, 0);
  requireInteger('suppressionMinGroup', p.suppressionMinGroup, 1);
  requireInteger('trainingImpactMinN', p.trainingImpactMinN, 1);
  const z = requireNumber('raterZThreshold', p.raterZThreshold);
  if (z <= 0) fail('raterZThreshold', `must be above 0, got ${z}`);
  requireInteger('raterMinEmployees', p.raterMinEmployees, 1);
  const need = requireNumber('trainingNeedThreshold', p.trainingNeedThreshold);
  if (need <= 0 || need > scoreMax) {
    fail('trainingNeedThreshold', `must be above 0 and at most scoreMax (${scoreMax}), got ${need}`);
  }
  requireInteger('trainingImpactDefaultWindow', p.trainingImpactDefaultWindow, 1);
  return p;
}

function fail(field: string, problem: string): never {
  throw new PolicyError(field, `${field} ${problem}`);
}

function requireNumber(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(field, `must be a number, got ${show(value)}`);
  return value;
}

/** Counts, JP and quarters are whole numbers. */
function requireInteger(field: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    fail(field, `must be a whole number of at least ${min}, got ${show(value)}`);
  }
  return value;
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

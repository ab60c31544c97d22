import type { EntityManager } from '@mikro-orm/postgresql';
import { expect } from 'vitest';
import type { ScoreSpec } from '../helpers/scenario.js';
import type { GraphQLResponse, TestServer } from '../helpers/server.js';

/** Worked example 1 (Dinas Pendidikan, 2025, Triwulan I) as a scenario's scores. */
export const WORKED_EXAMPLE_1: Record<string, ScoreSpec> = {
  PROFESIONALISME: 95,
  DISIPLIN: { score: 95, realisation: 90.25 },
  INOVASI: 112,
  PRESTASI_SISWA: { score: 110, realisation: 88 },
  KEHADIRAN_KEGIATAN: 100,
  BERORIENTASI_PELAYANAN: 100,
  AKUNTABEL: 105,
  KOMPETEN: 110,
  HARMONIS: 95,
  LOYAL: 100,
  ADAPTIF: 115,
  KOLABORATIF: 100,
};

/** Worked example 1 as the inputs a supervisor saves: judged scores, and realisations for the two indicators. */
export const WORKED_EXAMPLE_1_INPUT = [
  { criterionCode: 'PROFESIONALISME', score: 95, evidence: 'Laporan kinerja triwulan I' },
  { criterionCode: 'DISIPLIN', realisation: 90.25, evidence: 'Rekap absensi: 90,25 %' },
  { criterionCode: 'INOVASI', score: 112 },
  { criterionCode: 'PRESTASI_SISWA', realisation: 88, evidence: 'Rata-rata nilai ujian 88' },
  { criterionCode: 'KEHADIRAN_KEGIATAN', score: 100 },
  { criterionCode: 'BERORIENTASI_PELAYANAN', score: 100 },
  { criterionCode: 'AKUNTABEL', score: 105 },
  { criterionCode: 'KOMPETEN', score: 110 },
  { criterionCode: 'HARMONIS', score: 95 },
  { criterionCode: 'LOYAL', score: 100 },
  { criterionCode: 'ADAPTIF', score: 115 },
  { criterionCode: 'KOLABORATIF', score: 100 },
];

/** Any JSON the tests read back (answers, audit states): shapes are asserted by the tests themselves. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** Calls the API and expects success: answers the data. */
export async function ok<T = Json>(
  server: TestServer,
  headers: Record<string, string>,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const result = await server.graphql<T>(query, variables, headers);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!;
}

/** Calls the API and expects one error: answers it (message and extensions). */
export async function refused(
  server: TestServer,
  headers: Record<string, string>,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{
  message: string;
  code: string;
  field?: string;
  currentVersion?: number;
  /** The rule broken, when a shared rule check refused the input: its code and parameters. */
  problem?: { code: string; params: Record<string, unknown> };
}> {
  const result: GraphQLResponse = await server.graphql(query, variables, headers);
  expect(result.errors, `expected an error, got ${JSON.stringify(result.data)}`).toBeDefined();
  const [error] = result.errors!;
  return {
    message: error.message,
    code: String(error.extensions?.code),
    field: error.extensions?.field as string | undefined,
    currentVersion: error.extensions?.currentVersion as number | undefined,
    problem: error.extensions?.problem as { code: string; params: Record<string, unknown> } | undefined,
  };
}

/** Row counts of the tables a write may touch: a refused mutation must leave every one as it was. */
export const WRITTEN_TABLES = [
  'evaluation',
  'evaluation_score',
  'objection',
  'criterion',
  'period',
  'innovation',
  'org_performance',
  'training',
  'participation',
  'audit_log',
  'feedback_note',
  'performance_dialogue',
  'development_action',
  'notice',
] as const;

/** A fingerprint of the written tables: row counts and a hash of every row, so an update is seen too. */
export async function fingerprint(em: EntityManager): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of WRITTEN_TABLES) {
    const [row] = await em
      .getConnection()
      .execute<{ n: number; h: string | null }[]>(
        `select count(*)::int as n, md5(string_agg(t::text, '|' order by t.id)) as h from ${table} t`,
      );
    result[table] = `${row.n}:${row.h ?? ''}`;
  }
  return result;
}

/** The audit entries of an entity, oldest first. */
export async function auditOf(
  em: EntityManager,
  entityType: string,
  entityId: string | number,
): Promise<{ actor: string; action: string; before: Json; after: Json; reason: string | null; at: Date }[]> {
  return em
    .getConnection()
    .execute(
      'select actor, action, before, after, reason, at from audit_log where entity_type = ? and entity_id = ? order by id',
      [entityType, String(entityId)],
    );
}

export const EVALUATION_FIELDS = `id status version hasilKerjaScore perilakuKerjaScore score hasilKerjaRating
  perilakuKerjaRating predikat policyVersion scores { criterion { code } score derivedFromIndicator realisation evidence }`;

export const SAVE = `mutation ($input: SaveEvaluationDraftInput!) { saveEvaluationDraft(input: $input) { ${EVALUATION_FIELDS} } }`;
export const SUBMIT = `mutation ($input: EvaluationStepInput!) { submitEvaluation(input: $input) { ${EVALUATION_FIELDS} } }`;
export const ACKNOWLEDGE = `mutation ($input: EvaluationStepInput!) { acknowledgeEvaluation(input: $input) { ${EVALUATION_FIELDS} } }`;
export const OBJECT = `mutation ($input: ObjectToEvaluationInput!) { objectToEvaluation(input: $input) { ${EVALUATION_FIELDS} } }`;
export const DECIDE = `mutation ($input: DecideObjectionInput!) { decideObjection(input: $input) { ${EVALUATION_FIELDS} } }`;
export const FINALIZE = `mutation ($input: EvaluationStepInput!) { finalizeEvaluation(input: $input) { ${EVALUATION_FIELDS} } }`;

/** An evaluation as the mutations above answer it. */
export interface EvaluationAnswer {
  id: number;
  status: string;
  version: number;
  hasilKerjaScore: number | null;
  perilakuKerjaScore: number | null;
  score: number | null;
  hasilKerjaRating: string | null;
  perilakuKerjaRating: string | null;
  predikat: string | null;
  policyVersion: string;
  scores: {
    criterion: { code: string };
    score: number;
    derivedFromIndicator: boolean;
    realisation: number | null;
    evidence: string | null;
  }[];
}

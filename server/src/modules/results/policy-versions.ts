import type { ScoringPolicy } from '@kinerja/shared';
import type { Sql } from './sql.js';
import { selectIds, writeAnnualResults, writeEvaluationResults, type EmployeeYearKey } from './writer.js';

/** A kept version of the scoring policy. */
export interface KeptPolicy {
  version: string;
  content: Omit<ScoringPolicy, 'version'>;
  inForceFrom: Date;
}

/**
 * Records `policy` as the one in force (docs/scoring.md "Policy versions"): a row with its content is added when the
 * newest kept row has another version, so every version that was ever in force is kept with the time it came into
 * force. Returns whether a row was added.
 */
export async function recordPolicyInForce(sql: Sql, policy: ScoringPolicy): Promise<boolean> {
  // One writer at a time: two servers starting together must not both add the same version.
  await sql.query(`lock table scoring_policy in share row exclusive mode`);
  const { rows } = await sql.query<{ version: string }>(
    'select version from scoring_policy order by in_force_from desc, id desc limit 1',
  );
  if (rows[0]?.version === policy.version) return false;
  const { version: _version, ...content } = policy;
  await sql.query('insert into scoring_policy (version, content) values ($1, $2)', [
    policy.version,
    JSON.stringify(content),
  ]);
  return true;
}

/** Every kept version, newest first. */
export async function keptPolicies(sql: Pick<Sql, 'query'>): Promise<KeptPolicy[]> {
  const { rows } = await sql.query<{ version: string; content: KeptPolicy['content']; in_force_from: Date | string }>(
    'select version, content, in_force_from from scoring_policy order by in_force_from desc, id desc',
  );
  return rows.map((r) => ({ version: r.version, content: r.content, inForceFrom: new Date(r.in_force_from) }));
}

/** What bringing the stored results up to a policy did. */
export interface Recomputed {
  policyRecorded: boolean;
  evaluations: number;
  annualResults: number;
}

/**
 * Brings the stored results up to the policy in force (at start and by `pnpm run recompute-results`): records the
 * policy, then recomputes every evaluation that is not FINAL and whose results carry another version (all of them
 * with `all`), and every annual result that is not frozen and carries another version, or belongs to a recomputed
 * evaluation. FINAL results and frozen annual results are never touched.
 */
export async function recomputeForPolicy(sql: Sql, policy: ScoringPolicy, all = false): Promise<Recomputed> {
  const policyRecorded = await recordPolicyInForce(sql, policy);
  const ids = await selectIds(
    sql,
    `select id from evaluation where status <> 'FINAL' ${all ? '' : 'and policy_version is distinct from $1'}
      order by id`,
    all ? [] : [policy.version],
  );
  const evaluations = await writeEvaluationResults(sql, ids, policy);
  const { rows } = await sql.query<{ employee_id: number; year: number }>(
    all
      ? `select employee_id, year from annual_result where frozen_at is null
         union select distinct e.employee_id, p.year from evaluation e join period p on p.id = e.period_id`
      : `select employee_id, year from annual_result where frozen_at is null and policy_version <> $1
         union select distinct e.employee_id, p.year from evaluation e join period p on p.id = e.period_id
                where e.id = any($2::int[])`,
    all ? [] : [policy.version, ids],
  );
  const keys: EmployeeYearKey[] = rows.map((r) => ({ employeeId: r.employee_id, year: r.year }));
  await writeAnnualResults(sql, keys, policy);
  return { policyRecorded, evaluations, annualResults: keys.length };
}

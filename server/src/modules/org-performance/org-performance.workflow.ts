import type { EntityManager } from '@mikro-orm/postgresql';
import { checkYear } from '@kinerja/shared';
import { badUserInput, forbidden, throwProblems } from '../../graphql/errors.js';
import type { Scope } from '../access/read-scopes.js';
import { mayProposeOrgPredikat, maySetOrgPredikat } from '../access/write-rules.js';
import { writeAudit } from '../audit/audit.service.js';
import { markStaleOne, sqlOf, writerTransaction } from '../results/index.js';
import type { OrgPredikatInput } from './org-performance.inputs.js';

/**
 * An agency's org predikat (docs/workflow.md#periods-criteria-innovations-trainings-org-predikat-imports): its head proposes, the city's leaders set. Only the set one
 * drives the distribution check; a proposal never does.
 */

interface OrgRow {
  id: number;
  proposed_predikat: string | null;
  proposed_by: string | null;
  predikat: string | null;
  set_by: string | null;
}

function snapshot(row: OrgRow | undefined): unknown {
  return row
    ? {
        proposedPredikat: row.proposed_predikat,
        proposedBy: row.proposed_by,
        predikat: row.predikat,
        setBy: row.set_by,
      }
    : null;
}

export async function changeOrgPredikat(
  em: EntityManager,
  scope: Scope,
  input: OrgPredikatInput,
  kind: 'propose' | 'set',
): Promise<number> {
  throwProblems(checkYear(input.year), 'input');
  return writerTransaction(em, async (tem) => {
    const [agency] = await tem.execute<{ id: number; code: string }[]>('select id, code from agency where code = ?', [
      input.agencyCode,
    ]);
    if (!agency)
      throw badUserInput('input.agencyCode', { code: 'AGENCY_NOT_FOUND', params: { code: input.agencyCode } });
    if (kind === 'propose' && !mayProposeOrgPredikat(scope, agency.id)) {
      throw forbidden({ code: 'ONLY_WHO', params: { action: 'PROPOSE_ORG_PREDIKAT', agency: agency.code } });
    }
    if (kind === 'set' && !maySetOrgPredikat(scope)) {
      throw forbidden({ code: 'ONLY_WHO', params: { action: 'SET_ORG_PREDIKAT', agency: null } });
    }
    // Lock the row when it exists; a concurrent first write of the same agency and year meets the unique key below.
    const [before] = await tem.execute<OrgRow[]>(
      `select id, proposed_predikat, proposed_by, predikat, set_by from org_performance
        where agency_id = ? and year = ? for update`,
      [agency.id, input.year],
    );
    const [columns, by, at] =
      kind === 'propose' ? ['proposed_predikat', 'proposed_by', 'proposed_at'] : ['predikat', 'set_by', 'set_at'];
    const [after] = await tem.execute<OrgRow[]>(
      `insert into org_performance (agency_id, year, ${columns}, ${by}, ${at}) values (?, ?, ?, ?, now())
       on conflict (agency_id, year) do update
         set ${columns} = excluded.${columns}, ${by} = excluded.${by}, ${at} = excluded.${at}
       returning id, proposed_predikat, proposed_by, predikat, set_by`,
      [agency.id, input.year, input.predikat, scope.viewer.login.slice(0, 64)],
    );
    // Only the predikat set by a leader drives the distribution check.
    if (kind === 'set') await markStaleOne(await sqlOf(tem), 'org_predikat', agency.id, input.year);
    await writeAudit(tem, {
      actor: scope.viewer.login,
      action: kind === 'propose' ? 'org-performance.propose' : 'org-performance.set',
      entityType: 'org-performance',
      entityId: `${agency.code}/${input.year}`,
      before: snapshot(before),
      after: snapshot(after),
      reason: input.reason?.trim() || null,
    });
    return after.id;
  });
}

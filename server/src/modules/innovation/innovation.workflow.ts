import type { EntityManager } from '@mikro-orm/postgresql';
import { checkYearQuarter, type ScoringPolicy } from '@kinerja/shared';
import { badUserInput, forbidden, throwProblems } from '../../graphql/errors.js';
import {
  EMPLOYEE_NIP_KEY,
  INNOVATION_KEY,
  employeeKeyInScope,
  noSuchRecord,
  notInScope,
  type Scope,
} from '../access/read-scopes.js';
import { mayRecordInnovation, mayVerifyInnovation } from '../access/write-rules.js';
import { writeAudit } from '../audit/audit.service.js';
import { markStaleOne, sqlOf, writeAnnualResults, writerTransaction } from '../results/index.js';
import type { RecordInnovationInput, VerifyInnovationInput } from './innovation.inputs.js';

/** Recording and verifying innovations (docs/workflow.md#periods-criteria-innovations-trainings-org-predikat-imports); a verified one feeds the annual innovation rule. */

function checkRecordInput(input: RecordInnovationInput): void {
  throwProblems(checkYearQuarter(input), 'input');
  const title = input.title?.trim() ?? '';
  if (title === '') throw badUserInput('input.title', { code: 'FIELD_REQUIRED', params: { field: 'title' } });
  if (title.length > 300) {
    throw badUserInput('input.title', {
      code: 'FIELD_TOO_LONG',
      params: { field: 'title', length: title.length, max: 300 },
    });
  }
  const descriptionLength = (input.description ?? '').length;
  if (descriptionLength > 4000) {
    throw badUserInput('input.description', {
      code: 'FIELD_TOO_LONG',
      params: { field: 'description', length: descriptionLength, max: 4000 },
    });
  }
}

/** Records an innovation: the employee themself, or whoever may verify it (supervisor, agency head, admin). */
export async function recordInnovation(em: EntityManager, scope: Scope, input: RecordInnovationInput): Promise<number> {
  checkRecordInput(input);
  const title = input.title.trim();
  return writerTransaction(em, async (tem) => {
    let employee: { id: number; agency_id: number; nip: string } | undefined;
    if (input.employeeNip) {
      const nip = input.employeeNip.trim();
      [employee] = await tem.execute('select id, agency_id, nip from employee where nip = ?', [nip]);
      if (!employee) throw noSuchRecord(scope, 'NIP', EMPLOYEE_NIP_KEY, nip);
      if (!employeeKeyInScope(scope, 'NIP', { id: employee.id, agencyId: employee.agency_id })) {
        throw notInScope(EMPLOYEE_NIP_KEY);
      }
    } else {
      if (scope.viewer.employeeId === null) {
        throw badUserInput('input.employeeNip', { code: 'ACCOUNT_NOT_LINKED_GIVE', params: { field: 'employeeNip' } });
      }
      [employee] = await tem.execute('select id, agency_id, nip from employee where id = ?', [scope.viewer.employeeId]);
    }
    if (!mayRecordInnovation(scope, { id: employee!.id, agencyId: employee!.agency_id })) {
      throw forbidden({ code: 'ONLY_WHO', params: { action: 'RECORD_INNOVATION', agency: null } });
    }
    const inserted = await tem.execute<{ id: number }[]>(
      `insert into innovation (employee_id, year, quarter, title, description) values (?, ?, ?, ?, ?)
       on conflict (employee_id, year, quarter, title) do nothing returning id`,
      [employee!.id, input.year, input.quarter, title, input.description?.trim() || null],
    );
    if (inserted.length === 0) {
      throw badUserInput('input.title', {
        code: 'INNOVATION_EXISTS',
        params: { title, nip: employee!.nip, year: input.year, quarter: input.quarter },
      });
    }
    const id = inserted[0].id;
    await markStaleOne(await sqlOf(tem), 'innovations', employee!.agency_id, input.year);
    await writeAudit(tem, {
      actor: scope.viewer.login,
      action: 'innovation.record',
      entityType: 'innovation',
      entityId: id,
      before: null,
      after: {
        employeeId: employee!.id,
        year: input.year,
        quarter: input.quarter,
        title,
        description: input.description?.trim() || null,
        verified: false,
      },
      reason: input.reason?.trim() || null,
    });
    return id;
  });
}

/** Verifies an innovation: the innovator's supervisor, their agency's head or an administrator, never themself. */
export async function verifyInnovation(
  em: EntityManager,
  scope: Scope,
  input: VerifyInnovationInput,
  policy: ScoringPolicy,
): Promise<number> {
  return writerTransaction(em, async (tem) => {
    const [row] = await tem.execute<
      {
        id: number;
        employee_id: number;
        agency_id: number;
        year: number;
        verified_at: Date | null;
        verified_by_id: number | null;
      }[]
    >(
      `select i.id, i.employee_id, e.agency_id, i.year, i.verified_at, i.verified_by_id
         from innovation i join employee e on e.id = i.employee_id where i.id = ? for update of i`,
      [input.innovationId],
    );
    if (!row) throw noSuchRecord(scope, 'OTHER', INNOVATION_KEY, input.innovationId);
    if (!employeeKeyInScope(scope, 'OTHER', { id: row.employee_id, agencyId: row.agency_id })) {
      throw notInScope(INNOVATION_KEY);
    }
    if (!mayVerifyInnovation(scope, { id: row.employee_id, agencyId: row.agency_id })) {
      throw forbidden({ code: 'ONLY_WHO', params: { action: 'VERIFY_INNOVATION', agency: null } });
    }
    if (row.verified_at !== null || row.verified_by_id !== null) {
      throw badUserInput('input.innovationId', { code: 'INNOVATION_VERIFIED', params: { id: row.id } });
    }
    await tem.execute('update innovation set verified_by_id = ?, verified_at = now() where id = ?', [
      scope.viewer.employeeId,
      row.id,
    ]);
    // A verified innovation may lift the annual predikat (the innovation rule): the annual result is rewritten.
    const sql = await sqlOf(tem);
    await writeAnnualResults(sql, [{ employeeId: row.employee_id, year: row.year }], policy);
    await markStaleOne(sql, 'innovations', row.agency_id, row.year);
    await writeAudit(tem, {
      actor: scope.viewer.login,
      action: 'innovation.verify',
      entityType: 'innovation',
      entityId: row.id,
      before: { verified: false, verifiedById: null },
      after: { verified: true, verifiedById: scope.viewer.employeeId },
      reason: input.reason?.trim() || null,
    });
    return row.id;
  });
}

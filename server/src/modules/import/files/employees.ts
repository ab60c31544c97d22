import {
  EMPLOYMENT_TYPES,
  GENDERS,
  POSITION_TYPES,
  nipInvalid,
  validateNip,
  type EmploymentType,
  type Gender,
  type PositionType,
} from '@kinerja/shared';
import type { ImportContext } from '../context.js';
import type { FileReport } from '../import.types.js';
import { parseDate, parseEnum } from '../values.js';
import { importSimpleFile, type RowCheck } from './common.js';

interface EmployeeRow {
  nip: string;
  name: string;
  gender: Gender | null;
  employmentType: EmploymentType;
  rank: string | null;
  position: string | null;
  positionType: PositionType | null;
  agencyId: number;
  supervisorNip: string | null;
  /** Resolved when the supervisor is known by the time the row is written; else set once the file is read. */
  supervisorId: number | null;
  supervisorPending: boolean;
  activeFrom: string | null;
  activeTo: string | null;
  line: number;
}

const PNS_RANK = /^(I\/[a-d]|II\/[a-d]|III\/[a-d]|IV\/[a-e])$/;
const PPPK_RANK = /^(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII)$/;

/**
 * Checks a NIP with the shared rule and reports every part that is wrong, in the rule's own words. Returns the
 * parsed NIP's gender and employment type, or null when the NIP is invalid.
 */
export function checkNip(row: RowCheck, column: string, nip: string): ReturnType<typeof validateNip> {
  const check = validateNip(nip);
  if (!check.ok) row.fail(column, nipInvalid(check.errors), nip);
  return check;
}

/**
 * employees.csv; natural key: NIP. A supervisor may be in the database or anywhere in the file (also further down):
 * rows are written first, and supervisors named further down are set once the whole file is read. A supervisor
 * chain that loops is an error.
 */
export async function importEmployees(ctx: ImportContext, path: string): Promise<FileReport> {
  const pending: { nip: string; supervisorNip: string; line: number }[] = [];
  const fileNips = new Map<string, number>();
  const report = await importSimpleFile<EmployeeRow>(ctx, path, {
    file: 'employees.csv',
    columns: [
      { name: 'nip', required: true },
      { name: 'name', required: true },
      { name: 'gender' },
      { name: 'employment_type', required: true },
      { name: 'rank' },
      { name: 'position' },
      { name: 'position_type' },
      { name: 'agency_code', required: true },
      { name: 'supervisor_nip' },
      { name: 'active_from' },
      { name: 'active_to' },
    ],
    spec: {
      table: 'employee',
      columns: [
        { name: 'nip', type: 'text', key: 'plain' },
        { name: 'name', type: 'text' },
        { name: 'gender', type: 'text' },
        { name: 'employment_type', type: 'text' },
        { name: 'rank', type: 'text' },
        { name: 'position', type: 'text' },
        { name: 'position_type', type: 'text' },
        { name: 'agency_id', type: 'int' },
        {
          name: 'supervisor_id',
          type: 'int',
          update: 'case when i.supervisor_pending then t.supervisor_id else i.supervisor_id end',
        },
        { name: 'active_from', type: 'date' },
        { name: 'active_to', type: 'date' },
        { name: 'supervisor_pending', type: 'bool', inputOnly: true },
      ],
      touch: 'updated_at = now()',
      // A supervisor further down the file is new, so an existing row that names them changes.
      changedAlso: 'i.supervisor_pending',
    },
    keyColumn: 'nip',
    check(row) {
      const nip = row.required('nip');
      const name = row.maxLength('name', row.required('name'), 200);
      const parsedNip = nip === null ? null : checkNip(row, 'nip', nip);
      const gender = row.parse('gender', (raw) => parseEnum(raw, GENDERS));
      const employmentType = row.parse('employment_type', (raw) => parseEnum(raw, EMPLOYMENT_TYPES), true);
      if (parsedNip?.ok && gender !== null && parsedNip.nip.gender !== gender) {
        row.fail('gender', { code: 'IMPORT_GENDER_VS_NIP', params: { gender, nipGender: parsedNip.nip.gender } });
      }
      if (parsedNip?.ok && employmentType !== null && parsedNip.nip.employmentType !== employmentType) {
        const month = nip!.slice(12, 14);
        row.fail('employment_type', {
          code: 'IMPORT_TYPE_VS_NIP',
          params: { type: employmentType, digits: month, nipType: parsedNip.nip.employmentType },
        });
      }
      const rank = row.orNull('rank');
      if (rank !== null && employmentType !== null) {
        if (employmentType === 'PNS' && !PNS_RANK.test(rank)) {
          row.fail('rank', { code: 'IMPORT_RANK', params: { rank, type: 'PNS' } });
        } else if (employmentType === 'PPPK' && !PPPK_RANK.test(rank)) {
          row.fail('rank', { code: 'IMPORT_RANK', params: { rank, type: 'PPPK' } });
        }
      }
      const position = row.maxLength('position', row.orNull('position'), 200);
      const positionType = row.parse('position_type', (raw) => parseEnum(raw, POSITION_TYPES));
      const agencyCode = row.required('agency_code');
      let agencyId: number | null = null;
      if (agencyCode !== null) {
        agencyId = ctx.agencies.get(agencyCode) ?? null;
        if (agencyId === null) {
          if (ctx.refused.agencies.has(agencyCode)) row.failed = true;
          else row.fail('agency_code', { code: 'IMPORT_AGENCY_NOT_FOUND', params: { code: agencyCode } });
        }
      }
      const supervisorNip = row.orNull('supervisor_nip');
      if (supervisorNip !== null) {
        if (supervisorNip === nip) row.fail('supervisor_nip', { code: 'EMPLOYEE_SELF_SUPERVISOR', params: {} });
        else if (!/^\d{18}$/.test(supervisorNip)) checkNip(row, 'supervisor_nip', supervisorNip);
      }
      const activeFrom = row.parse('active_from', parseDate);
      const activeTo = row.parse('active_to', parseDate);
      if (activeFrom !== null && activeTo !== null && activeTo < activeFrom) {
        row.fail('active_to', {
          code: 'IMPORT_DATE_ORDER',
          params: { column: 'active_to', value: activeTo, before: 'active_from', beforeValue: activeFrom },
        });
      }
      if (nip !== null && !fileNips.has(nip)) fileNips.set(nip, row.line);
      if (row.failed) {
        if (nip !== null) ctx.refused.nips.add(nip);
        return null;
      }
      const supervisor = supervisorNip === null ? null : ctx.employees.get(supervisorNip);
      return {
        nip: nip!,
        name: name!,
        gender,
        employmentType: employmentType!,
        rank,
        position,
        positionType,
        agencyId: agencyId!,
        supervisorNip,
        supervisorId: supervisor?.id ?? null,
        supervisorPending: supervisorNip !== null && supervisor === undefined,
        activeFrom,
        activeTo,
        line: row.line,
      };
    },
    key: (r) => r.nip,
    describeKey: (r) => ({ file: 'employees.csv', nip: r.nip }),
    values: (r) => [
      r.nip,
      r.name,
      r.gender,
      r.employmentType,
      r.rank,
      r.position,
      r.positionType,
      r.agencyId,
      r.supervisorId,
      r.activeFrom,
      r.activeTo,
      r.supervisorPending,
    ],
    async afterBatch(rows) {
      for (const r of rows)
        if (r.supervisorPending) pending.push({ nip: r.nip, supervisorNip: r.supervisorNip!, line: r.line });
      await refreshEmployees(
        ctx,
        rows.map((r) => r.nip),
      );
    },
  });

  // Supervisors named before they appear in the file.
  const updates: [number, number][] = [];
  for (const p of pending) {
    const supervisor = ctx.employees.get(p.supervisorNip);
    const employee = ctx.employees.get(p.nip);
    if (supervisor && employee) {
      updates.push([employee.id, supervisor.id]);
      employee.supervisorId = supervisor.id;
    } else if (!ctx.refused.nips.has(p.supervisorNip)) {
      ctx.error('employees.csv', p.line, 'supervisor_nip', p.supervisorNip, {
        code: 'IMPORT_SUPERVISOR_NOT_FOUND',
        params: { nip: p.supervisorNip },
      });
    }
  }
  for (let i = 0; i < updates.length; i += 5000) {
    const chunk = updates.slice(i, i + 5000);
    await ctx.sql.query(
      `update employee e set supervisor_id = u.supervisor_id
         from unnest($1::int[], $2::int[]) as u(id, supervisor_id) where e.id = u.id`,
      [chunk.map((u) => u[0]), chunk.map((u) => u[1])],
    );
  }
  checkSupervisorCycles(ctx, fileNips);
  return report;
}

/** Learns the ids of the rows just written. */
async function refreshEmployees(ctx: ImportContext, nips: string[]): Promise<void> {
  if (nips.length === 0) return;
  const { rows } = await ctx.sql.query<{ id: number; nip: string; agency_id: number; supervisor_id: number | null }>(
    'select id, nip, agency_id, supervisor_id from employee where nip = any($1::text[])',
    [nips],
  );
  for (const r of rows) ctx.employees.set(r.nip, { id: r.id, agencyId: r.agency_id, supervisorId: r.supervisor_id });
}

/** Reports every employee of the file whose supervisor chain (file and database together) comes back to them. */
function checkSupervisorCycles(ctx: ImportContext, fileNips: Map<string, number>): void {
  const nipById = new Map<number, string>();
  const supervisorOf = new Map<number, number | null>();
  for (const [nip, e] of ctx.employees) {
    nipById.set(e.id, nip);
    supervisorOf.set(e.id, e.supervisorId);
  }
  // 0 = not visited, 1 = on the current path, 2 = done (no loop through it).
  const state = new Map<number, 1 | 2>();
  for (const nip of fileNips.keys()) {
    const start = ctx.employees.get(nip)?.id;
    if (start === undefined || state.has(start)) continue;
    const path: number[] = [];
    let current: number | null | undefined = start;
    while (current !== null && current !== undefined && !state.has(current)) {
      state.set(current, 1);
      path.push(current);
      current = supervisorOf.get(current);
    }
    if (current !== null && current !== undefined && state.get(current) === 1) {
      const from = path.indexOf(current);
      const chain = [...path.slice(from), current].map((id) => nipById.get(id) ?? String(id));
      for (const id of path.slice(from)) {
        const line = fileNips.get(nipById.get(id)!);
        if (line !== undefined) {
          ctx.error('employees.csv', line, 'supervisor_nip', nipById.get(supervisorOf.get(id)!) ?? null, {
            code: 'IMPORT_SUPERVISOR_LOOP',
            params: { chain },
          });
        }
      }
    }
    for (const id of path) state.set(id, 2);
  }
}

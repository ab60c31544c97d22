import type { EntityManager } from '@mikro-orm/postgresql';
import { nipInvalid, validateNip } from '@kinerja/shared';
import { badUserInput, notFound } from '../../graphql/errors.js';
import { writeAudit } from '../audit/audit.service.js';

/**
 * The export of one person's personal data and its processing history (docs/privacy.md "Export of one person's
 * data"), for an administrator answering the person's request (UU PDP, the right of access) or a supervisory
 * authority. The tables are found from the database's own catalogue, so a table added later that holds rows about an
 * employee (`employee_id`, `recipient_id`) or rows that belong to such rows (by a foreign key: an evaluation's scores,
 * a dialogue's development actions) is exported without a change here.
 */

/** The format's name and version, in the JSON document. */
export const EXPORT_FORMAT = 'kinerja.personal-data-export/1';

/** Columns never exported: password hashes, secrets, token counters. */
const SECRET_COLUMN = /(^|_)(password|hash|secret|token)(_|$)/;

/** Read models are copies of the rows exported (docs/analytics.md); the audit log is exported as the history. */
const NOT_EXPORTED = new Set(['audit_log', 'request_budget', 'login_attempt']);

export interface AuditHistoryEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  /** `about`: an entry about the person or their records; `by`: something the person's account did. */
  relation: 'about' | 'by';
}

export interface PersonalDataDocument {
  format: string;
  generatedAt: string;
  generatedBy: string;
  reason: string;
  subject: { nip: string; name: string };
  /** Table name to its rows about the person (column names as in the database). */
  sections: Record<string, Record<string, unknown>[]>;
  processingHistory: AuditHistoryEntry[];
}

export interface PersonalDataExport {
  document: PersonalDataDocument;
  json: string;
  csv: string;
}

interface TableInfo {
  table_name: string;
  by_employee: boolean;
  has_id: boolean;
  /** The columns that name the person, comma-separated; null when none. */
  subject_columns: string | null;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function withoutSecrets(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([column]) => !SECRET_COLUMN.test(column)));
}

/** Checks the arguments: a NIP of 18 digits and a reason (why the export is made, kept in the audit log). */
export function checkExportInput(nip: string, reason: string): { nip: string; reason: string } {
  const cleaned = nip.replace(/\s/g, '');
  const check = validateNip(cleaned);
  if (!check.ok) throw badUserInput('nip', nipInvalid(check.errors));
  const why = reason.trim();
  if (why.length < 5 || why.length > 500) {
    throw badUserInput('reason', { code: 'EXPORT_REASON', params: { min: 5, max: 500 } });
  }
  return { nip: cleaned, reason: why };
}

/**
 * Writes the audit entry of the export and reads everything about the person, in one transaction: the export
 * contains its own entry, and an export that fails leaves no entry behind.
 */
export async function exportPersonalData(
  em: EntityManager,
  actor: string,
  input: { nip: string; reason: string },
): Promise<PersonalDataExport> {
  const { nip, reason } = checkExportInput(input.nip, input.reason);
  return em.transactional(async (tx) => {
    const sql = <T>(text: string, params: unknown[] = []) => tx.execute(text, params) as Promise<T[]>;
    const [employee] = await sql<Record<string, unknown> & { id: number; name: string }>(
      'select * from employee where nip = ?',
      [nip],
    );
    if (!employee) throw notFound({ code: 'EMPLOYEE_NOT_FOUND', params: { nip } });
    const id = employee.id;
    await writeAudit(tx, {
      actor,
      action: 'personal_data.export',
      entityType: 'employee',
      entityId: id,
      before: null,
      after: { nip, formats: ['json', 'csv'] },
      reason,
    });

    // 1. The rows about the person: every table with a column naming them (`employee_id`, or `recipient_id` of a
    // notice). Columns naming them as the actor on someone else's record (assessor, author, decider) are not followed:
    // those rows are the other person's data (docs/privacy.md "Export of one person's data").
    const tables = await sql<TableInfo>(
      `select c.table_name, bool_or(c.column_name in ('employee_id', 'recipient_id')) as by_employee,
              bool_or(c.column_name = 'id') as has_id,
              string_agg(c.column_name, ',') filter (where c.column_name in ('employee_id', 'recipient_id')) as subject_columns
         from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
          and c.table_name not like 'analytics\\_%'
        group by c.table_name
        order by c.table_name`,
    );
    const sections: Record<string, Record<string, unknown>[]> = { employee: [withoutSecrets(employee)] };
    const hasId = new Set(tables.filter((t) => t.has_id).map((t) => t.table_name));
    const exportable = (table: string) => !NOT_EXPORTED.has(table) && table !== 'employee';
    const add = (table: string, rows: { row: Record<string, unknown> }[]) => {
      const known = new Set((sections[table] ?? []).map((row) => row.id));
      const fresh = rows.map((r) => withoutSecrets(r.row)).filter((row) => row.id === undefined || !known.has(row.id));
      if (fresh.length > 0) sections[table] = [...(sections[table] ?? []), ...fresh];
      return fresh.length;
    };
    for (const table of tables) {
      if (!table.by_employee || !exportable(table.table_name)) continue;
      const where = table.subject_columns!.split(',').map((column) => `${quoteIdent(column)} = ?`);
      add(
        table.table_name,
        await sql(
          `select to_jsonb(t) as row from ${quoteIdent(table.table_name)} t where ${where.join(' or ')}${
            table.has_id ? ' order by id' : ''
          }`,
          where.map(() => id),
        ),
      );
    }

    // 2. The rows that belong to those rows: by the database's own foreign keys, the children of every exported row
    // (an evaluation's scores and objections, a dialogue's development actions, the notices about a note), until
    // nothing new is found.
    const children = await sql<{ child: string; column: string; parent: string }>(
      `select cl.relname as child, a.attname as column, pl.relname as parent
         from pg_constraint k
         join pg_class cl on cl.oid = k.conrelid
         join pg_class pl on pl.oid = k.confrelid
         join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
        where k.contype = 'f' and array_length(k.conkey, 1) = 1
          and cl.relnamespace = current_schema()::regnamespace
        order by cl.relname, a.attname`,
    );
    const followed = new Map<string, Set<unknown>>(); // (child, column) -> parent ids already followed
    for (let found = true; found;) {
      found = false;
      for (const { child, column, parent } of children) {
        if (!exportable(child) || parent === 'employee' || !sections[parent]) continue;
        const done = followed.get(`${child}.${column}`) ?? new Set<unknown>();
        followed.set(`${child}.${column}`, done);
        const parentIds = sections[parent]!.map((row) => row.id).filter((v) => v != null && !done.has(v));
        if (parentIds.length === 0) continue;
        for (const parentId of parentIds) done.add(parentId);
        const rows: { row: Record<string, unknown> }[] = await sql(
          `select to_jsonb(t) as row from ${quoteIdent(child)} t
            where ${quoteIdent(column)} = any(?::text::bigint[])${hasId.has(child) ? ' order by id' : ''}`,
          [`{${parentIds.join(',')}}`],
        );
        if (add(child, rows) > 0) found = true;
      }
    }

    // The records the audit log names by (entity type, id): the person's rows, and their accounts by login.
    const keys: { t: string; i: string }[] = [{ t: 'employee', i: String(id) }];
    for (const [table, rows] of Object.entries(sections)) {
      if (table === 'employee') continue;
      for (const row of rows) {
        if (row.id !== undefined && row.id !== null) keys.push({ t: table, i: String(row.id) });
      }
    }
    const logins = (sections.app_user ?? []).map((row) => String(row.login));
    for (const login of logins) keys.push({ t: 'account', i: login });
    const history = await sql<AuditHistoryEntry & { at: Date }>(
      `select a.id::text as id, a.at, a.actor, a.action, a.entity_type as "entityType", a.entity_id as "entityId",
              a.before, a.after, a.reason,
              case when a.actor in (select jsonb_array_elements_text(?::jsonb)) then 'by' else 'about' end as relation
         from audit_log a
        where exists (select 1 from jsonb_to_recordset(?::jsonb) as k(t text, i text)
                       where k.t = a.entity_type and k.i = a.entity_id)
           or a.after ->> 'employeeId' = ? or a.before ->> 'employeeId' = ?
           or a.after ->> 'nip' = ? or a.before ->> 'nip' = ?
           or a.actor in (select jsonb_array_elements_text(?::jsonb))
        order by a.at, a.id`,
      [JSON.stringify(logins), JSON.stringify(keys), String(id), String(id), nip, nip, JSON.stringify(logins)],
    );

    const document: PersonalDataDocument = {
      format: EXPORT_FORMAT,
      generatedAt: new Date().toISOString(),
      generatedBy: actor,
      reason,
      subject: { nip, name: employee.name },
      sections,
      processingHistory: history.map((h) => ({ ...h, at: new Date(h.at).toISOString() })),
    };
    return { document, json: JSON.stringify(document, null, 2), csv: toCsv(document) };
  });
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The same document as one CSV in the long form `section,row,field,value`: every table has other columns, and a
 * spreadsheet reads this form without a schema. Objects (an audit entry's before and after) are JSON in their cell.
 */
export function toCsv(document: PersonalDataDocument): string {
  const lines = ['section,row,field,value'];
  const add = (section: string, row: number, record: Record<string, unknown>) => {
    for (const [field, value] of Object.entries(record)) {
      lines.push([section, String(row), field, cellText(value)].map(csvField).join(','));
    }
  };
  add('export', 1, {
    format: document.format,
    generatedAt: document.generatedAt,
    generatedBy: document.generatedBy,
    reason: document.reason,
    nip: document.subject.nip,
    name: document.subject.name,
  });
  for (const [section, rows] of Object.entries(document.sections)) rows.forEach((row, i) => add(section, i + 1, row));
  document.processingHistory.forEach((entry, i) => add('processing_history', i + 1, { ...entry }));
  return lines.join('\n') + '\n';
}

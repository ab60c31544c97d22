import type { EntityManager } from '@mikro-orm/postgresql';
import { validateNip } from '@kinerja/shared';
import { badUserInput, notFound } from '../../graphql/errors.js';
import { writeAudit } from '../audit/audit.service.js';

/**
 * The export of one person's personal data and its processing history (docs/privacy.md "Export of one person's
 * data"), for an administrator answering the person's request (UU PDP, the right of access) or a supervisory
 * authority. The tables are found from the database's own catalogue, so a table added later that holds rows about an
 * employee (`employee_id`) or about their evaluations (`evaluation_id`) is exported without a change here.
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
  by_evaluation: boolean;
  has_id: boolean;
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
  if (!check.ok) {
    throw badUserInput('nip', `NIP tidak sah. The NIP is not valid: ${check.errors.map((e) => e.message).join('; ')}`);
  }
  const why = reason.trim();
  if (why.length < 5 || why.length > 500) {
    throw badUserInput(
      'reason',
      'Alasan ekspor wajib diisi (5-500 karakter), misalnya permintaan subjek data. ' +
        'A reason (5-500 characters) is required, e.g. the data subject request it answers.',
    );
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
    if (!employee) throw notFound(`Pegawai dengan NIP ${nip} tidak ada. Employee ${nip}`);
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

    const tables = await sql<TableInfo>(
      `select c.table_name,
              bool_or(c.column_name = 'employee_id') as by_employee,
              bool_or(c.column_name = 'evaluation_id') as by_evaluation,
              bool_or(c.column_name = 'id') as has_id
         from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
          and c.table_name not like 'analytics\\_%'
        group by c.table_name
        order by c.table_name`,
    );
    const sections: Record<string, Record<string, unknown>[]> = { employee: [withoutSecrets(employee)] };
    for (const table of tables) {
      if (NOT_EXPORTED.has(table.table_name) || table.table_name === 'employee') continue;
      const name = quoteIdent(table.table_name);
      const order = table.has_id ? ' order by id' : '';
      if (!table.by_employee && !table.by_evaluation) continue;
      const rows: { row: Record<string, unknown> }[] = table.by_employee
        ? await sql(`select to_jsonb(t) as row from ${name} t where employee_id = ?${order}`, [id])
        : await sql(
            `select to_jsonb(t) as row from ${name} t
              where evaluation_id in (select id from evaluation where employee_id = ?)${order}`,
            [id],
          );
      if (rows.length > 0) sections[table.table_name] = rows.map((r) => withoutSecrets(r.row));
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

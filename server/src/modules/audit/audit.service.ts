import type { EntityManager } from '@mikro-orm/postgresql';
import { toConnection, type Connection } from '../../graphql/connection.js';
import { badUserInput } from '../../graphql/errors.js';
import { checkPageSize, decodeCursor } from '../../graphql/pagination.js';
import type { AuditFilter } from './audit.types.js';

/** One write, as the audit log keeps it (docs/workflow.md#audit-log: who, when, before, after, why). */
export interface AuditEntry {
  /** Account login of the caller (`cli:<os user>` for command-line tools). */
  actor: string;
  /** What was done, `<entity>.<verb>`, e.g. `evaluation.save`, `period.close`. */
  action: string;
  entityType: string;
  entityId: string | number | null;
  /** The state before the write; null for a creation. */
  before: unknown;
  /** The state after the write. */
  after: unknown;
  /** Why, in the caller's words (the reason given with the mutation, or the decision's note). */
  reason: string | null | undefined;
}

/** Rows of one statement: the JSON of the entries is inlined as one parameter, so keep a statement to a few MB. */
const CHUNK = 2000;

/**
 * Writes audit entries: the ONE function every mutation uses, called with the transaction's EntityManager so that the
 * entry commits or rolls back with the write it records. Set-based for many entries (closing a period finalises
 * thousands of evaluations): one insert per chunk, the rows passed as JSON.
 */
export async function writeAudit(em: EntityManager, entries: AuditEntry | readonly AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? (entries as readonly AuditEntry[]) : [entries as AuditEntry];
  for (let start = 0; start < list.length; start += CHUNK) {
    const rows = list.slice(start, start + CHUNK).map((entry) => ({
      actor: entry.actor.slice(0, 120),
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId === null ? null : String(entry.entityId),
      // undefined would drop the key from the JSON; a missing state is an explicit null.
      before: entry.before ?? null,
      after: entry.after ?? null,
      reason: entry.reason ?? null,
    }));
    await em.execute(
      `insert into audit_log (actor, action, entity_type, entity_id, before, after, reason)
       select r.actor, r.action, r.entity_type, r.entity_id, r.before, r.after, r.reason
         from jsonb_to_recordset(?::jsonb) as r(actor text, action text, entity_type text, entity_id text,
                                               before jsonb, after jsonb, reason text)`,
      [JSON.stringify(rows)],
      'run',
    );
  }
}

/** An audit row as the API answers it. */
export interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** The `auditLog` connection: newest first, filtered in SQL; one count and one page query. */
export async function findAuditEntries(
  em: EntityManager,
  filter: AuditFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<AuditRow>> {
  const limit = checkPageSize(first);
  const offset = decodeCursor(after);
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    conditions.push(sql);
    params.push(...values);
  };
  if (filter?.actor) add('actor = ?', filter.actor);
  if (filter?.action) add('action = ?', filter.action);
  if (filter?.entityType) add('entity_type = ?', filter.entityType);
  if (filter?.entityId) add('entity_id = ?', filter.entityId);
  if (filter?.from) add('at >= ?', filter.from);
  if (filter?.to) add('at < ?', filter.to);
  if (filter?.from && filter.to && filter.from > filter.to) {
    throw badUserInput('filter.to', { code: 'AUDIT_RANGE_EMPTY', params: {} });
  }
  const where = conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
  const [{ n }] = await em.execute<{ n: number }[]>(`select count(*)::int as n from audit_log ${where}`, params);
  const rows =
    limit === 0 || offset >= n
      ? []
      : await em.execute<AuditRow[]>(
          `select id::text as id, at, actor, action, entity_type as "entityType", entity_id as "entityId", before,
                  after, reason
             from audit_log ${where} order by at desc, id desc limit ? offset ?`,
          [...params, limit, offset],
        );
  return toConnection(
    rows.map((row) => ({ ...row, at: new Date(row.at) })),
    offset,
    n,
  );
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '../../graphql/errors.js';
import type { Scope } from '../access/read-scopes.js';
import { noticeRecipientOf } from '../access/write-rules.js';
import { writerTransaction } from '../results/index.js';
import { Notice, type NoticeKind } from './notice.entity.js';

/** A notice to write (docs/dialogue.md#notices). */
export interface NewNotice {
  recipientId: number;
  kind: NoticeKind;
  evaluationId?: number | null;
  noteId?: number | null;
  dialogueId?: number | null;
}

/**
 * Writes notices in the caller's transaction (`tem`): the writers of the workflow call this as they call
 * `writeAudit`, so that a notice commits or rolls back with the change it announces.
 */
export async function writeNotices(tem: EntityManager, notices: readonly NewNotice[]): Promise<void> {
  if (notices.length === 0) return;
  await tem.execute(
    `insert into notice (recipient_id, kind, evaluation_id, note_id, dialogue_id)
     select r.recipient_id, r.kind, r.evaluation_id, r.note_id, r.dialogue_id
       from jsonb_to_recordset(?::jsonb) as r(recipient_id int, kind text, evaluation_id int, note_id int, dialogue_id int)`,
    [
      JSON.stringify(
        notices.map((n) => ({
          recipient_id: n.recipientId,
          kind: n.kind,
          evaluation_id: n.evaluationId ?? null,
          note_id: n.noteId ?? null,
          dialogue_id: n.dialogueId ?? null,
        })),
      ),
    ],
    'run',
  );
}

/**
 * Marks read the unread notices of `recipientId` of this kind about this record: what the notice asked for was done
 * (the evaluation was acknowledged, the note answered), so it no longer waits. In the caller's transaction.
 */
export async function settleNotices(
  tem: EntityManager,
  recipientId: number,
  kind: NoticeKind,
  record: { evaluationId?: number; noteId?: number; dialogueId?: number },
): Promise<void> {
  const [column, id] =
    record.evaluationId !== undefined
      ? ['evaluation_id', record.evaluationId]
      : record.noteId !== undefined
        ? ['note_id', record.noteId]
        : ['dialogue_id', record.dialogueId];
  await tem.execute(
    `update notice set read_at = now() where recipient_id = ? and kind = ? and ${column} = ? and read_at is null`,
    [recipientId, kind, id],
    'run',
  );
}

/** The most notices one answer lists. */
export const NOTICES_MAX = 100;

/** The caller's notices, newest first, and how many are unread. */
export async function noticesOf(
  em: EntityManager,
  scope: Scope,
  unreadOnly: boolean,
  first: number,
): Promise<{ unreadCount: number; items: Notice[] }> {
  if (!Number.isInteger(first) || first < 1 || first > NOTICES_MAX) {
    throw badUserInput('first', { code: 'FIRST_RANGE', params: { value: first, max: NOTICES_MAX } });
  }
  const recipientId = noticeRecipientOf(scope);
  if (recipientId === null) return { unreadCount: 0, items: [] };
  const [items, unreadCount] = await Promise.all([
    em.find(Notice, unreadOnly ? { recipientId, readAt: null } : { recipientId }, {
      orderBy: { createdAt: 'desc', id: 'desc' },
      limit: first,
    }),
    em.count(Notice, { recipientId, readAt: null }),
  ]);
  return { unreadCount, items };
}

/**
 * Marks the caller's own notices read: those of `ids`, or all when `all`. Ids of someone else's notices are refused
 * as one: nothing is written.
 */
export async function markNoticesRead(
  em: EntityManager,
  scope: Scope,
  ids: readonly number[],
  all: boolean,
): Promise<number> {
  if (!all && ids.length === 0) {
    throw badUserInput('ids', { code: 'NOTICES_GIVE_IDS', params: {} });
  }
  if (ids.length > NOTICES_MAX) {
    throw badUserInput('ids', { code: 'NOTICES_TOO_MANY', params: { max: NOTICES_MAX } });
  }
  const recipientId = noticeRecipientOf(scope);
  if (recipientId === null) {
    throw badUserInput('ids', { code: 'ACCOUNT_WITHOUT_EMPLOYEE', params: {} });
  }
  return writerTransaction(em, async (tem) => {
    if (all) {
      const rows = await tem.execute<{ id: number }[]>(
        'update notice set read_at = now() where recipient_id = ? and read_at is null returning id',
        [recipientId],
      );
      return rows.length;
    }
    const unique = [...new Set(ids)];
    const own = await tem.execute<{ id: number }[]>(
      `select id from notice where recipient_id = ? and id in (${unique.map(() => '?').join(', ')})`,
      [recipientId, ...unique],
    );
    if (own.length !== unique.length) {
      const mine = new Set(own.map((r) => r.id));
      const index = ids.findIndex((id) => !mine.has(id));
      throw badUserInput(`ids.${index}`, { code: 'NOTICE_NOT_YOURS', params: { id: ids[index]! } });
    }
    const rows = await tem.execute<{ id: number }[]>(
      `update notice set read_at = now() where recipient_id = ? and read_at is null
          and id in (${unique.map(() => '?').join(', ')}) returning id`,
      [recipientId, ...unique],
    );
    return rows.length;
  });
}

import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Connection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { forbidden } from '../../graphql/errors.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../graphql/pagination.js';
import { accountScope, mayReadAuditLog } from '../access/write-rules.js';
import { findAuditEntries, type AuditRow } from './audit.service.js';
import { AuditEntryConnection, AuditEntryType, AuditFilter } from './audit.types.js';

@Resolver(() => AuditEntryType)
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description:
      `The audit log (administrators only): every write, newest first, a page at a time (at most ${MAX_PAGE_SIZE} ` +
      'a page).',
  })
  async auditLog(
    @Ctx() ctx: Context,
    @Arg('filter', () => AuditFilter, { nullable: true, description: 'Conditions; all must hold.' })
    filter?: AuditFilter | null,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: DEFAULT_PAGE_SIZE,
      description: `Page size, 0 to ${MAX_PAGE_SIZE}.`,
    })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Continue after this cursor (`pageInfo.endCursor`).' })
    after?: string | null,
  ): Promise<Connection<AuditRow>> {
    if (!mayReadAuditLog(accountScope(ctx))) throw forbidden({ code: 'ONLY_ADMIN', params: { action: 'AUDIT' } });
    return findAuditEntries(ctx.em, filter, first, after);
  }
}

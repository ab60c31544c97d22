import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { accountScope } from '../access/write-rules.js';
import { markNoticesRead, noticesOf } from './notices.service.js';
import { NoticesType } from './notices.types.js';

@Resolver()
export class NoticesResolver {
  @Query(() => NoticesType, {
    description:
      "The caller's in-app notices (pemberitahuan), newest first, with the unread count: an evaluation waiting for " +
      'acknowledgement, a feedback note or an answer received, an objection decided, a dialogue to confirm. Only the ' +
      'employee the account is linked to has notices; other accounts get none.',
  })
  async notices(
    @Ctx() ctx: Context,
    @Arg('unreadOnly', () => Boolean, { defaultValue: false, description: 'Only the unread ones.' })
    unreadOnly: boolean,
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many to list, 1-100.' }) first: number,
  ): Promise<NoticesType> {
    return noticesOf(ctx.em, accountScope(ctx), unreadOnly, first);
  }

  @Mutation(() => Int, {
    description:
      "Marks the caller's own notices read: those of `ids`, or every unread one with `all: true`. Answers how many " +
      "changed from unread to read. An id of a notice that is not the caller's is refused, and nothing is written.",
  })
  async markNoticesRead(
    @Ctx() ctx: Context,
    @Arg('ids', () => [Int], { defaultValue: [], description: 'The notices to mark read.' }) ids: number[],
    @Arg('all', () => Boolean, { defaultValue: false, description: 'Every unread notice of the caller.' }) all: boolean,
  ): Promise<number> {
    return markNoticesRead(ctx.em, accountScope(ctx), ids, all);
  }
}

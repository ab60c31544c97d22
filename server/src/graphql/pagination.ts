import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { badUserInput } from './errors.js';

/** Largest page a connection returns (docs/graphql.md#pages: `first` at most 500). */
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

@ObjectType({ simpleResolvers: true, description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more rows follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last row of this page; pass it as `after`.' })
  endCursor!: string | null;
}

/** Offset cursors, opaque to clients: `base64("o:<offset>")`. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64');
}

export function decodeCursor(cursor: string | null | undefined, field = 'after'): number {
  if (cursor === null || cursor === undefined || cursor === '') return 0;
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const match = /^o:(\d+)$/.exec(text);
  if (!match) throw badUserInput(field, { code: 'CURSOR_UNKNOWN', params: { cursor } });
  return Number(match[1]) + 1;
}

export function checkPageSize(first: number | null | undefined, field = 'first'): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badUserInput(field, { code: 'PAGE_SIZE_RANGE', params: { value: size, max: MAX_PAGE_SIZE } });
  }
  return size;
}

/**
 * The paging arguments of a connection (docs/graphql.md#pages): a connection's own `@ArgsType` extends it with its
 * `filter` and `orderBy`, and its service reads the window with `pageWindow`.
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `Page size, 0 to ${MAX_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Continue after this cursor (`pageInfo.endCursor`).' })
  after?: string | null;
}

/** The rows a page asks for: `limit` rows after the first `offset` (BAD_USER_INPUT at `first` or `after`). */
export function pageWindow(args: { first?: number | null; after?: string | null }): { limit: number; offset: number } {
  return { limit: checkPageSize(args.first), offset: decodeCursor(args.after) };
}

import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_QUERIES } from '../src/graphql/graphiql.js';
import { buildKinerjaSchema } from '../src/api/schema.js';

describe('GraphiQL example queries', () => {
  it('are valid against the current schema, so a newcomer never starts from a broken example', async () => {
    const errors = validate(await buildKinerjaSchema(), parse(EXAMPLE_QUERIES));
    expect(errors.map((error) => error.message)).toEqual([]);
  });
});

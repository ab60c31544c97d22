import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  Kind,
  parse,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type FragmentDefinitionNode,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKinerjaSchema } from '../../src/api/schema.js';
import { LIST_MAXIMA, operationCost } from '../../src/security/cost.js';
import { INT_RULES } from '../../src/security/input-rules.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildKinerjaSchema();
});

function cost(source: string, variables: Record<string, unknown> = {}): number {
  const document = parse(source);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  return operationCost({ schema, operation, fragments, variables });
}

describe('the cost of an operation (docs/security.md "Cost"), hand-worked', () => {
  // Each expected value is worked out by hand in the comment beside it.
  it.each([
    ['{ __typename }', 0], // a scalar without arguments costs nothing
    ['{ agencies { code name } }', 60], // a plain list: 60 agencies x (1 + 0)
    ['{ agencies { code employees(first: 3) { totalCount } } }', 120], // 60 x (1 + connection 1)
    // connection: 1 + first x (edge 1 + node 1) = 1 + 10 x 2
    ['{ employees(first: 10) { totalCount edges { node { nip } } } }', 21],
    // without first: the default page of 50 -> 1 + 50 x 2
    ['{ employees { edges { node { nip } } } }', 101],
    // pageInfo is one object: 1 + 1 + 5 x 2
    ['{ employees(first: 5) { pageInfo { hasNextPage } edges { cursor node { nip } } } }', 12],
    // nested lists multiply: connection 1 + 2 edges + 2 nodes + 2 x 4 evaluations + 8 x 15 scores + 120 criteria
    // = 1 + 2 + 2 + 8 + 120 + 120 = 253
    [
      '{ employees(first: 2) { edges { node { evaluations(year: 2025) { scores { score criterion { code } } } } } } }',
      253,
    ],
    // distinct people are capped at the city's 5,000: 1 + 500 + 500 + min(500 x 100, 5,000) subordinates = 6,001
    ['{ employees(first: 500) { edges { node { subordinates { nip } } } } }', 6001],
    // without year, ten years of four quarters: 1 + 1 x (1 + 1 + 40 x 1) = 43
    ['{ employees(first: 1) { edges { node { evaluations { id } } } } }', 43],
    // a scalar with arguments computes something: 1 + 3 x (1 + 1 + trainingHours 1)
    ['{ employees(first: 3) { edges { node { trainingHours(year: 2025) } } } }', 10],
    // a single object costs 1: employee 1 + supervisor 1 + supervisor 1
    ['{ employee(nip: "x") { supervisor { supervisor { name } } } }', 3],
    // a mutation field costs 10 more than its selection: 10 + 1 (payload) + 1 (user)
    ['mutation { login(login: "a", password: "b") { expiresAt user { login } } }', 12],
  ])('%s costs %i', (source, expected) => {
    expect(cost(source)).toBe(expected);
  });

  it('reads `first` from variables, and fragments count where they are spread', () => {
    const source = `query ($n: Int) { employees(first: $n) { edges { node { ...E } } } }
      fragment E on Employee { evaluations(year: 2025) { id } }`;
    // 1 + n x (1 + 1 + 4): with n = 7 -> 43; with n absent, the default 50 -> 301
    expect(cost(source, { n: 7 })).toBe(43);
    expect(cost(source)).toBe(301);
  });

  it("prices the issue's 77.9 MB request far above the limit of one operation", () => {
    const page = (
      alias: string,
      after: number,
    ) => `${alias}: employees(first: 500, after: "${Buffer.from(`o:${after}`).toString('base64')}") {
      edges { node { nip name position evaluations { score scores { score evidence criterion { code name } } }
        annualResult(year: 2025) { score predikat } participations { hoursJp training { title } } } } }`;
    const source = `{ ${Array.from({ length: 7 }, (_, i) => page(`p${i}`, i * 500)).join('\n')} }`;
    // per page: connection 1 + 500 edges + 500 nodes + 500 x 40 evaluations (no year: ten years) + 20,000 x 15
    // scores + 300,000 criteria + 500 annual results + 500 x 200 participations + 100,000 trainings = 821,501;
    // seven pages: 5,750,507
    expect(cost(source)).toBe(5_750_507);
  });
});

describe('every list and every integer input is priced and bounded', () => {
  it('gives every plain list of objects in the schema a known maximum (or it is a connection page)', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!isListType(getNullableType(field.type))) continue;
        if (!isObjectType(getNamedType(field.type))) continue; // lists of scalars cost nothing
        if (type.name.endsWith('Connection') && field.name === 'edges') continue; // sized by `first`
        if (!LIST_MAXIMA[`${type.name}.${field.name}`]) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('gives every Int argument and Int input field of the schema a range', () => {
    const names = new Set<string>();
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          for (const arg of field.args) if (getNamedType(arg.type).name === 'Int') names.add(arg.name);
        }
      } else if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (getNamedType(field.type).name === 'Int') names.add(field.name);
        }
      }
    }
    expect([...names].filter((name) => !INT_RULES[name]).sort()).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_POLICY } from '@kinerja/shared';
import { buildKinerjaSchema, printKinerjaSchema } from '../src/api/schema.js';

const SCHEMA_FILE = fileURLToPath(new URL('../schema.graphql', import.meta.url));

/** Every element of the schema without a description: types, fields, arguments, input fields, enum values. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const blank = (text: string | null | undefined) => !text || text.trim() === '';
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    if (blank(type.description)) missing.push(`type ${type.name}`);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`field ${type.name}.${field.name}`);
        for (const arg of field.args) {
          if (blank(arg.description)) missing.push(`argument ${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`input field ${type.name}.${field.name}`);
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (blank(value.description)) missing.push(`enum value ${type.name}.${value.name}`);
      }
    }
  }
  return missing;
}

describe('the GraphQL schema', () => {
  it('is checked in as server/schema.graphql, up to date', async () => {
    let checkedIn = '';
    try {
      checkedIn = readFileSync(SCHEMA_FILE, 'utf8');
    } catch {
      // Missing: fails below with the same hint.
    }
    const current = await printKinerjaSchema();
    expect(checkedIn === current, 'server/schema.graphql is stale: run pnpm schema:print').toBe(true);
  });

  it('describes every type, field, argument, input field and enum value', async () => {
    const missing = undescribed(await buildKinerjaSchema());
    expect(missing, `elements without a description:\n${missing.join('\n')}`).toEqual([]);
  });

  it('the description check finds what is missing', async () => {
    const { buildSchema } = await import('graphql');
    const schema = buildSchema(`
      "Described." type Query { "Described." a(x: Int): Int, b: Color }
      enum Color { "Described." RED GREEN }
    `);
    expect(undescribed(schema)).toEqual([
      'argument Query.a(x)',
      'field Query.b',
      'type Color',
      'enum value Color.GREEN',
    ]);
  });

  it('exposes every setting of the shared scoring policy', async () => {
    const schema = await buildKinerjaSchema();
    const policyType = schema.getType('ScoringPolicy');
    if (!isObjectType(policyType)) throw new Error('ScoringPolicy is not an object type');
    const fields = policyType.getFields();
    for (const [key, value] of Object.entries(DEFAULT_SCORING_POLICY)) {
      expect(fields[key], `ScoringPolicy.${key}`).toBeDefined();
      if (typeof value === 'object') {
        const nested = schema.getType(String(fields[key].type).replace(/!$/, ''));
        if (!isObjectType(nested)) throw new Error(`ScoringPolicy.${key} is not an object type`);
        expect(Object.keys(nested.getFields()).sort()).toEqual(Object.keys(value).sort());
      }
    }
    // And when the version came into force (`scoringPolicies`), which is not a setting.
    expect(Object.keys(fields).sort()).toEqual([...Object.keys(DEFAULT_SCORING_POLICY), 'inForceFrom'].sort());
  });
});

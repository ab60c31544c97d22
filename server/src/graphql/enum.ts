import { registerEnumType } from 'type-graphql';

/**
 * Registers a GraphQL enum built from one of the shared `as const` arrays, so that the API, the database checks and
 * the rules use one list. The type demands a description for every value: docs/graphql.md#descriptions wants each one described.
 */
export function registerSharedEnum<const T extends readonly string[]>(
  values: T,
  name: string,
  description: string,
  valueDescriptions: { readonly [K in T[number]]: string },
): { [K in T[number]]: K } {
  const enumObject = Object.fromEntries(values.map((value) => [value, value])) as { [K in T[number]]: K };
  const descriptions = valueDescriptions as Record<string, string>;
  registerEnumType(enumObject, {
    name,
    description,
    valuesConfig: Object.fromEntries(values.map((value) => [value, { description: descriptions[value] }])) as never,
  });
  return enumObject;
}

/**
 * JSON with object keys sorted (recursively) and no whitespace, so that two objects with the same content always give
 * the same text whatever order their keys were written in. Used to hash a scoring policy into its version.
 * Accepts only what JSON can represent exactly: null, booleans, finite numbers, strings, arrays and plain objects;
 * anything else throws, because silently turning it into `null` (as JSON.stringify does) would hide a change.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
}

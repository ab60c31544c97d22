import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/canonical-json.js';

describe('canonicalJson sorts keys recursively and keeps array order', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: 2, b: 1 }, '{"a":2,"b":1}'], // same content, other key order, same text
    [{ z: { y: 1, x: [3, { q: true, p: null }] }, a: 's' }, '{"a":"s","z":{"x":[3,{"p":null,"q":true}],"y":1}}'],
    [[2, 1], '[2,1]'],
    [0.7, '0.7'],
    ['Triwulan I', '"Triwulan I"'],
  ])('%j -> %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  // JSON.stringify would write these as null or drop them, hiding a change from the version hash.
  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['undefined', undefined],
    ['a nested undefined', { a: undefined }],
    ['a function', () => 1],
  ])('%s throws', (_case, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});

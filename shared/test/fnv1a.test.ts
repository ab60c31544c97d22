import { describe, expect, it } from 'vitest';
import { fnv1a32, fnv1a32Hex } from '../src/fnv1a.js';

// Published FNV-1a 32-bit test vectors (Landon Curt Noll's FNV page, test_fnv.c).
describe('fnv1a32 matches the published test vectors', () => {
  it.each([
    ['', 0x811c9dc5, '811c9dc5'], // the offset basis: nothing hashed
    ['a', 0xe40c292c, 'e40c292c'],
    ['foobar', 0xbf9cf968, 'bf9cf968'],
  ])('%j -> %s', (text, expectedNumber, expectedHex) => {
    expect(fnv1a32(text)).toBe(expectedNumber);
    expect(fnv1a32Hex(text)).toBe(expectedHex);
  });
});

import { describe, expect, it } from 'vitest';
import { daysInMonth, isLeapYear, isRealDate } from '../src/calendar.js';

describe('isLeapYear (Gregorian)', () => {
  it.each([
    [1984, true], // divisible by 4
    [1985, false],
    [1900, false], // century not divisible by 400
    [2000, true], // century divisible by 400
    [2024, true],
    [2025, false],
  ])('%s -> %s', (year, expected) => {
    expect(isLeapYear(year)).toBe(expected);
  });
});

describe('daysInMonth', () => {
  it.each([
    [2024, 2, 29],
    [2025, 2, 28],
    [1900, 2, 28],
    [2025, 1, 31],
    [2025, 4, 30],
    [2025, 6, 30],
    [2025, 9, 30],
    [2025, 11, 30],
    [2025, 12, 31],
  ])('%s-%s has %s days', (year, month, expected) => {
    expect(daysInMonth(year, month)).toBe(expected);
  });

  it.each([0, 13, 1.5])('month %s throws', (month) => {
    expect(() => daysInMonth(2025, month)).toThrow(RangeError);
  });
});

describe('isRealDate', () => {
  it.each([
    [1984, 2, 29, true],
    [1985, 2, 29, false],
    [1985, 12, 31, true],
    [1985, 13, 31, false],
    [1985, 0, 1, false],
    [1985, 4, 31, false],
    [1985, 4, 0, false],
    [1985, 1, 1.5, false],
  ])('%s-%s-%s -> %s', (year, month, day, expected) => {
    expect(isRealDate(year, month, day)).toBe(expected);
  });
});

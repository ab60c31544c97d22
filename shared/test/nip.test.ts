import { describe, expect, it } from 'vitest';
import {
  expectedEmploymentType,
  formatNip,
  nipGenderMatches,
  validateNip,
  type NipError,
  type ParsedNip,
} from '../src/nip.js';
import { renderMessage, type Message } from '../src/messages.js';

// Layout: birth YYYYMMDD | start YYYYMM (PPPK: YYYY + 2 + contract count) | gender 1/2 | sequence NNN
describe('validateNip accepts well-formed numbers', () => {
  it.each<[string, string, ParsedNip]>([
    [
      'PNS man, CPNS January 2010',
      '198503122010011001', // 19850312 | 201001 | 1 | 001
      {
        birthDate: '1985-03-12',
        startYear: 2010,
        startMonth: 1,
        contractCount: null,
        employmentType: 'PNS',
        gender: 'L',
        sequence: 1,
      },
    ],
    [
      'PPPK man, first contract 2023',
      '199001152023211002', // 19900115 | 2023 21 (= PPPK, contract 1) | 1 | 002
      {
        birthDate: '1990-01-15',
        startYear: 2023,
        startMonth: null,
        contractCount: 1,
        employmentType: 'PPPK',
        gender: 'L',
        sequence: 2,
      },
    ],
    [
      'PPPK woman, ninth contract',
      '197512312021292010', // 19751231 | 2021 29 (= PPPK, contract 9) | 2 | 010
      {
        birthDate: '1975-12-31',
        startYear: 2021,
        startMonth: null,
        contractCount: 9,
        employmentType: 'PPPK',
        gender: 'P',
        sequence: 10,
      },
    ],
    [
      'PNS woman born on 29 February of a leap year, CPNS December 2009',
      '198402292009122123', // 19840229 (1984 is a leap year) | 200912 | 2 | 123
      {
        birthDate: '1984-02-29',
        startYear: 2009,
        startMonth: 12,
        contractCount: null,
        employmentType: 'PNS',
        gender: 'P',
        sequence: 123,
      },
    ],
    [
      'earliest plausible birth year 1940',
      '194001011965031999', // 19400101 | 196503 | 1 | 999
      {
        birthDate: '1940-01-01',
        startYear: 1965,
        startMonth: 3,
        contractCount: null,
        employmentType: 'PNS',
        gender: 'L',
        sequence: 999,
      },
    ],
    [
      'latest plausible birth year 2015, born in the start year',
      '201512312015122001', // 20151231 | 201512 | 2 | 001: birth year 2015 is not after start year 2015
      {
        birthDate: '2015-12-31',
        startYear: 2015,
        startMonth: 12,
        contractCount: null,
        employmentType: 'PNS',
        gender: 'P',
        sequence: 1,
      },
    ],
  ])('%s: %s', (_case, nip, expected) => {
    expect(validateNip(nip)).toEqual({ ok: true, nip: expected });
  });
});

describe('validateNip rejects, naming the part and the value', () => {
  it.each<[string, string, { part: NipError['part']; message: string }[]]>([
    ['17 digits', '19850312201001100', [{ part: 'length', message: 'NIP has 17 digits, not 18' }]],
    ['19 digits', '1985031220100110011', [{ part: 'length', message: 'NIP has 19 digits, not 18' }]],
    ['empty', '', [{ part: 'length', message: 'NIP has 0 digits, not 18' }]],
    ['a letter', '19850312201001100A', [{ part: 'digits', message: 'NIP must contain only digits 0-9; found "A"' }]],
    [
      'letter O for zero, twice, and one digit short',
      '198503122O1OO1100',
      [
        { part: 'digits', message: 'NIP must contain only digits 0-9; found "O"' },
        { part: 'length', message: 'NIP has 17 characters, not 18' },
      ],
    ],
    [
      'the printed form with spaces (callers strip them)',
      '19850312 201001 1 001',
      [
        { part: 'digits', message: 'NIP must contain only digits 0-9; found " "' },
        { part: 'length', message: 'NIP has 21 characters, not 18' },
      ],
    ],
    [
      '29 February of a non-leap year',
      '198502292010011001', // 1985 is not divisible by 4
      [{ part: 'birthDate', message: 'birth date 19850229 in NIP is not a real date' }],
    ],
    [
      'birth month 13',
      '198513312010011001',
      [{ part: 'birthDate', message: 'birth date 19851331 in NIP is not a real date' }],
    ],
    [
      'day 31 of a 30-day month',
      '198504312010011001', // April has 30 days
      [{ part: 'birthDate', message: 'birth date 19850431 in NIP is not a real date' }],
    ],
    [
      'birth year 1939, before the plausible range',
      '193912311965011001',
      [{ part: 'birthDate', message: 'birth year 1939 in NIP is outside 1940-2015' }],
    ],
    [
      'birth year 2016, after the plausible range',
      '201601012035011001',
      [{ part: 'birthDate', message: 'birth year 2016 in NIP is outside 1940-2015' }],
    ],
    [
      'born after the start year',
      '201001012005011001', // born 2010, CPNS 2005
      [{ part: 'birthDate', message: 'birth date 20100101 in NIP is after the start year 2005' }],
    ],
    [
      'start month 13',
      '198503122010131001',
      [
        {
          part: 'startMonth',
          message: 'CPNS start month 13 in NIP is outside 01-12 (and is not a PPPK code 21-29)',
        },
      ],
    ],
    [
      'start month 00',
      '198503122010001001',
      [
        {
          part: 'startMonth',
          message: 'CPNS start month 00 in NIP is outside 01-12 (and is not a PPPK code 21-29)',
        },
      ],
    ],
    [
      'start month 30',
      '198503122010301001',
      [
        {
          part: 'startMonth',
          message: 'CPNS start month 30 in NIP is outside 01-12 (and is not a PPPK code 21-29)',
        },
      ],
    ],
    [
      'PPPK code 20: contract count 0',
      '198503122023201001',
      [{ part: 'contractCount', message: 'PPPK contract count 0 in NIP (month position 20) must be 1-9' }],
    ],
    [
      'gender digit 3',
      '198503122010013001',
      [{ part: 'gender', message: 'gender digit 3 in NIP must be 1 (male) or 2 (female)' }],
    ],
    [
      'gender digit 0',
      '198503122010010001',
      [{ part: 'gender', message: 'gender digit 0 in NIP must be 1 (male) or 2 (female)' }],
    ],
    [
      'sequence 000',
      '198503122010011000',
      [{ part: 'sequence', message: 'sequence 000 in NIP is invalid; sequences start at 001' }],
    ],
    [
      'several errors at once, all reported',
      '198502292010133000', // 19850229 (no such day) | 201013 (month 13) | 3 | 000
      [
        { part: 'birthDate', message: 'birth date 19850229 in NIP is not a real date' },
        {
          part: 'startMonth',
          message: 'CPNS start month 13 in NIP is outside 01-12 (and is not a PPPK code 21-29)',
        },
        { part: 'gender', message: 'gender digit 3 in NIP must be 1 (male) or 2 (female)' },
        { part: 'sequence', message: 'sequence 000 in NIP is invalid; sequences start at 001' },
      ],
    ],
  ])('%s: %s', (_case, nip, errors) => {
    // The check returns codes and parameters (docs/i18n.md); the catalogue words them, here in English.
    const check = validateNip(nip);
    expect(check.ok).toBe(false);
    const got = check.ok ? [] : check.errors.map((e) => ({ part: e.part, message: renderMessage(e as Message, 'en') }));
    expect(got).toEqual(errors);
  });
});

describe('nipGenderMatches (a gender column that disagrees with the NIP is an error)', () => {
  it.each([
    ['198503122010011001', 'L', true], // digit 1 = male
    ['198503122010011001', 'P', false],
    ['198402292009122123', 'P', true], // digit 2 = female
    ['198402292009122123', 'L', false],
    ['198503122010011000', 'L', false], // digit 1, but sequence 000 makes the NIP invalid
  ] as const)('%s with %s -> %s', (nip, gender, expected) => {
    expect(nipGenderMatches(nip, gender)).toBe(expected);
  });
});

describe('expectedEmploymentType (from the month position)', () => {
  it.each([
    ['198503122010011001', 'PNS'], // 01
    ['198402292009122123', 'PNS'], // 12
    ['199001152023211002', 'PPPK'], // 21
    ['197512312021292010', 'PPPK'], // 29
    ['198503122010131001', null], // 13: invalid
    ['19850312201001100', null], // 17 digits
  ] as const)('%s -> %s', (nip, expected) => {
    expect(expectedEmploymentType(nip)).toBe(expected);
  });
});

describe('formatNip (display only)', () => {
  it.each([
    ['198503122010011001', '19850312 201001 1 001'],
    ['199001152023211002', '19900115 202321 1 002'],
    ['19850312201001100', '19850312201001100'], // not 18 digits: shown as entered
    ['19850312 201001 1 001', '19850312 201001 1 001'],
  ])('%s -> %s', (nip, expected) => {
    expect(formatNip(nip)).toBe(expected);
  });
});

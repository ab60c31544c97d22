import { describe, expect, it } from 'vitest';
import { renderMessage, type Message } from '../src/messages.js';
import { nipInvalid, validateNip } from '../src/nip.js';

/**
 * The importer's problems and the NIP checks are in the one catalogue (docs/i18n.md): a code and its parameters,
 * worded in Indonesian (the default) or English. Each row: the message, then both wordings.
 */
describe('the importer and NIP messages, in both languages', () => {
  it.each<[Message, string, string]>([
    [
      { code: 'NIP_LENGTH', params: { length: 17, expected: 18, unit: 'digits' } },
      'NIP memuat 17 angka, bukan 18',
      'NIP has 17 digits, not 18',
    ],
    [
      { code: 'NIP_DIGITS', params: { chars: ['O', ' '] } },
      'NIP hanya boleh memuat angka 0-9; ditemukan "O", " "',
      'NIP must contain only digits 0-9; found "O", " "',
    ],
    [
      { code: 'NIP_BIRTH_YEAR_RANGE', params: { year: 1939, min: 1940, max: 2015 } },
      'tahun lahir 1939 dalam NIP di luar 1940-2015',
      'birth year 1939 in NIP is outside 1940-2015',
    ],
    [
      { code: 'NIP_GENDER_DIGIT', params: { digit: '3' } },
      'digit jenis kelamin 3 dalam NIP harus 1 (laki-laki) atau 2 (perempuan)',
      'gender digit 3 in NIP must be 1 (male) or 2 (female)',
    ],
    [
      { code: 'IMPORT_REQUIRED', params: { column: 'agency_code' } },
      'agency_code wajib diisi',
      'agency_code is required',
    ],
    [
      { code: 'IMPORT_TOO_LONG', params: { column: 'name', length: 240, max: 200 } },
      'name berisi 240 karakter; paling banyak 200',
      'name has 240 characters; at most 200 fit',
    ],
    [
      { code: 'IMPORT_UNKNOWN_COLUMN', params: { column: 'nmae', suggestion: 'name', columns: ['code', 'name'] } },
      'kolom nmae tidak dikenal (maksudnya name?); kolomnya adalah code, name',
      'unknown column nmae (did you mean name?); the columns are code, name',
    ],
    [
      {
        code: 'IMPORT_DUPLICATE_ROW',
        params: { key: { file: 'criteria.csv', code: 'INOVASI', agency: null, yearFrom: 2024 }, line: 3 },
      },
      'baris ganda: kriteria INOVASI untuk semua perangkat daerah mulai 2024 sudah ada di baris 3',
      'duplicate row: criterion INOVASI of all agencies from 2024 is already on line 3',
    ],
    [
      {
        code: 'IMPORT_DUPLICATE_ROW',
        params: { key: { file: 'participations.csv', nip: '198503122010011001', training: 'T-1' }, line: 2 },
      },
      'baris ganda: NIP 198503122010011001 dalam pelatihan T-1 sudah ada di baris 2',
      'duplicate row: NIP 198503122010011001 in training T-1 is already on line 2',
    ],
    [
      { code: 'IMPORT_DECIMAL_DOT', params: { value: '85,5' } },
      '85,5 bukan angka: berkas berpemisah koma menulis desimal dengan titik (85.5)',
      '85,5 is not a number: a comma-separated file writes decimals with a dot (85.5)',
    ],
    [
      { code: 'IMPORT_NOT_ONE_OF', params: { value: 'X', allowed: ['L', 'P'] } },
      'X bukan salah satu dari L, P',
      'X is not one of L, P',
    ],
    [
      { code: 'IMPORT_TYPE_VS_NIP', params: { type: 'PPPK', digits: '01', nipType: 'PNS' } },
      'jenis kepegawaian PPPK tidak sesuai dengan NIP, yang angka 01 pada posisi bulannya menandai PNS (01-12 PNS, 21-29 PPPK)',
      'employment type PPPK disagrees with the NIP, whose digits 01 in the month position mark a PNS (01-12 PNS, 21-29 PPPK)',
    ],
    [
      { code: 'IMPORT_RANK', params: { rank: 'XVIII', type: 'PPPK' } },
      'golongan XVIII bukan golongan PPPK (I .. XVII)',
      'rank XVIII is not a PPPK golongan (I .. XVII)',
    ],
    [
      { code: 'IMPORT_SUPERVISOR_LOOP', params: { chain: ['A', 'B', 'A'] } },
      'rantai atasan melingkar: A → B → A',
      'the supervisor chain loops: A → B → A',
    ],
    [
      {
        code: 'IMPORT_CLOSED_SCORE_CHANGED',
        params: { year: 2025, quarter: 1, criterion: 'KINERJA', stored: { kind: 'realisation', value: 92.5 } },
      },
      'Triwulan I 2025 sudah CLOSED: nilai KINERJA tidak dapat berubah (tersimpan realisasi 92,5)',
      'Q1 2025 is CLOSED: the score of KINERJA cannot change (stored realisation 92.5)',
    ],
    [
      {
        code: 'IMPORT_EVALUATION_DISAGREES',
        params: { column: 'assessor_nip', value: null, line: 2, firstValue: 'X' },
      },
      'baris-baris satu penilaian harus sama pada assessor_nip: baris ini (kosong), baris 2 X' +
        ' (assessor_nip kosong berarti atasan, status kosong FINAL)',
      'rows of one evaluation must agree on assessor_nip: this row gives (none), line 2 gives X' +
        ' (an empty assessor_nip means the supervisor, an empty status FINAL)',
    ],
    [
      { code: 'IMPORT_REPORT_VERDICT', params: { outcome: 'REJECTED', errors: 12345 } },
      'Ditolak: 12.345 kesalahan; tidak ada yang ditulis.',
      'Rejected: 12,345 errors; nothing was written.',
    ],
    [
      { code: 'IMPORT_REPORT_VERDICT', params: { outcome: 'REJECTED', errors: 1 } },
      'Ditolak: 1 kesalahan; tidak ada yang ditulis.',
      'Rejected: 1 error; nothing was written.',
    ],
  ])('%j', (message, id, en) => {
    expect([renderMessage(message), renderMessage(message, 'en')]).toEqual([id, en]);
  });

  it('NIP_INVALID joins every problem validateNip found, in order', () => {
    const check = validateNip('198513122010201000');
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors.map((e) => [e.part, e.code])).toEqual([
      ['birthDate', 'NIP_BIRTH_DATE_NOT_REAL'],
      ['contractCount', 'NIP_CONTRACT_ZERO'],
      ['sequence', 'NIP_SEQUENCE'],
    ]);
    const message = nipInvalid(check.errors);
    expect(renderMessage(message)).toBe(
      'tanggal lahir 19851312 dalam NIP bukan tanggal yang ada; masa kontrak PPPK 0 dalam NIP (posisi bulan 20) harus' +
        ' 1-9; nomor urut 000 dalam NIP tidak sah; nomor urut dimulai dari 001',
    );
    expect(renderMessage(message, 'en')).toBe(
      'birth date 19851312 in NIP is not a real date; PPPK contract count 0 in NIP (month position 20) must be 1-9;' +
        ' sequence 000 in NIP is invalid; sequences start at 001',
    );
  });
});

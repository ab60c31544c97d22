import {
  groupedNumber,
  localeOfAcceptLanguage,
  localNumber,
  messageText,
  renderMessage,
  type Message,
  type MessageLocale,
  type MessageParams,
} from '@kinerja/shared';
import type { ImportError, ImportProgress, ImportReport } from './import.types.js';

const number = new Intl.NumberFormat('en-US');

/**
 * The language of the report (docs/import.md "Language of the report"): `--lang id|en` when given, else the
 * environment's KINERJA_LANG, else Indonesian, as the API without Accept-Language. Null for a wrong value.
 */
export function cliLocale(flag: string | undefined, env: string | undefined): MessageLocale | null {
  const value = (flag ?? env ?? 'id').trim().toLowerCase();
  if (value !== 'id' && value !== 'en' && !value.startsWith('en-') && !value.startsWith('id-')) return null;
  return localeOfAcceptLanguage(value);
}

/** One import error as the terminal lists it: `file:line column "value": message`, the message in `locale`. */
export function formatImportError(e: ImportError, locale: MessageLocale): string {
  const folder = messageText('IMPORT_REPORT_HEADING', { column: 'FOLDER' }, locale);
  const where = [e.file || folder, e.line === null ? null : String(e.line)].filter((x) => x !== null).join(':');
  const column = e.column ? ` ${e.column}` : '';
  const value = e.value === null ? '' : ` "${e.value}"`;
  return `${where}${column}${value}: ${renderMessage(e.problem, locale)}`;
}

/**
 * The report as the terminal shows it, in `locale` (the command line's language, docs/import.md "Language of the
 * report"): a table of counts per file, then every error listed, one per line.
 */
export function formatReport(report: ImportReport, locale: MessageLocale = 'id'): string {
  const grouped = (n: number) => groupedNumber(n, locale);
  const say = (message: Message) => renderMessage(message, locale);
  const heading = (column: MessageParams['IMPORT_REPORT_HEADING']['column']) =>
    say({ code: 'IMPORT_REPORT_HEADING', params: { column } });
  const lines: string[] = [];
  const outcome = report.committed ? 'IMPORTED' : report.ok ? 'DRY_RUN_OK' : 'REJECTED';
  const verdict = say({ code: 'IMPORT_REPORT_VERDICT', params: { outcome, errors: report.errorCount } });
  const seconds = localNumber(Number((report.durationMs / 1000).toFixed(1)), locale);
  lines.push(`${verdict} (${report.folder}, ${seconds} s)`);
  if (report.files.length > 0) {
    const rows = [(['FILE', 'ROWS', 'CREATED', 'UPDATED', 'UNCHANGED'] as const).map(heading)];
    for (const f of report.files) {
      rows.push(
        [f.file, f.rows, f.created, f.updated, f.unchanged].map((v) => (typeof v === 'number' ? grouped(v) : v)),
      );
    }
    if (report.files.some((f) => f.file === 'scores.csv')) {
      const e = report.evaluations;
      rows.push([heading('EVALUATIONS'), '', ...[e.created, e.updated, e.unchanged].map(grouped)]);
      rows.push([heading('PERIODS'), '', grouped(report.periodsCreated), '', '']);
    }
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
    for (const r of rows)
      lines.push('  ' + r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join('  '));
    if (!report.committed) lines.push(`  ${say({ code: 'IMPORT_REPORT_NOTE', params: { note: 'WOULD_HAVE' } })}`);
    if (report.bulk) lines.push(`  ${say({ code: 'IMPORT_REPORT_NOTE', params: { note: 'BULK' } })}`);
  }
  if (report.errorCount > 0) {
    lines.push('', say({ code: 'IMPORT_REPORT_NOTE', params: { note: 'ERRORS_HEADER' } }));
    for (const e of report.errors) lines.push(`  ${formatImportError(e, locale)}`);
    const hidden = report.errorCount - report.errors.length;
    if (hidden > 0) lines.push(`  ${say({ code: 'IMPORT_REPORT_MORE', params: { count: hidden } })}`);
  }
  return lines.join('\n');
}

/**
 * Prints progress at most once a second, and also at each new file or step, when the first batch of a file is
 * written, and when a file has been read to its end: rows read, rows written inside the transaction, rows per second,
 * and the time left estimated from the bytes still to read.
 */
export function progressPrinter(write: (line: string) => void, minIntervalMs = 1000): (p: ImportProgress) => void {
  let last = 0;
  let lastKey = '';
  let lastWritten = 0;
  return (p) => {
    const now = Date.now();
    const key = `${p.file}\u0000${p.step ?? ''}`;
    const newKey = key !== lastKey;
    const firstWrite = p.phase === 'rows' && p.written > 0 && (newKey || lastWritten === 0);
    const finished = p.phase === 'rows' && p.bytesRead >= p.bytesTotal && p.written !== lastWritten;
    if (!newKey && !firstWrite && !finished && now - last < minIntervalMs) return;
    last = now;
    lastKey = key;
    lastWritten = p.written;
    write(formatProgress(p));
  };
}

export function formatProgress(p: ImportProgress): string {
  if (p.phase === 'step') return `${p.file}: ${p.step} (${p.elapsedSeconds.toFixed(1)} s)`;
  const rate = p.elapsedSeconds > 0 ? p.rows / p.elapsedSeconds : 0;
  const fraction = p.bytesTotal > 0 ? p.bytesRead / p.bytesTotal : 1;
  const eta = fraction > 0 && fraction < 1 ? (p.elapsedSeconds / fraction) * (1 - fraction) : 0;
  return (
    `${p.file}: ${number.format(p.rows)} rows read, ${number.format(p.written)} written, ` +
    `${number.format(Math.round(rate))} rows/s, ${Math.round(fraction * 100)}%, ETA ${formatSeconds(eta)}`
  );
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${Math.round(seconds - m * 60)} s`;
}

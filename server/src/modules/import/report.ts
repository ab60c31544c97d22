import type { ImportProgress, ImportReport } from './import.types.js';

const number = new Intl.NumberFormat('en-US');

/** The report as the terminal shows it: a table of counts per file, then every error listed, one per line. */
export function formatReport(report: ImportReport): string {
  const lines: string[] = [];
  const verdict = report.committed
    ? 'Imported.'
    : report.ok
      ? 'Dry run: no errors found; nothing was written.'
      : `Rejected: ${number.format(report.errorCount)} error${report.errorCount === 1 ? '' : 's'}; nothing was written.`;
  lines.push(`${verdict} (${report.folder}, ${(report.durationMs / 1000).toFixed(1)} s)`);
  if (report.files.length > 0) {
    const rows = [['file', 'rows', 'created', 'updated', 'unchanged']];
    for (const f of report.files) {
      rows.push(
        [f.file, f.rows, f.created, f.updated, f.unchanged].map((v) => (typeof v === 'number' ? number.format(v) : v)),
      );
    }
    if (report.files.some((f) => f.file === 'scores.csv')) {
      const e = report.evaluations;
      rows.push(['(evaluations)', '', ...[e.created, e.updated, e.unchanged].map((v) => number.format(v))]);
      rows.push(['(periods)', '', number.format(report.periodsCreated), '', '']);
    }
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
    for (const r of rows)
      lines.push('  ' + r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join('  '));
    if (!report.committed) lines.push('  (counts of what the import would have done)');
    if (report.bulk) lines.push('  (bulk mode: foreign keys of evaluations and scores checked once, after the insert)');
  }
  if (report.errorCount > 0) {
    lines.push('', 'Errors (file:line column "value": message):');
    for (const e of report.errors) {
      const where = [e.file || '(folder)', e.line === null ? null : String(e.line)].filter((x) => x !== null).join(':');
      const column = e.column ? ` ${e.column}` : '';
      const value = e.value === null ? '' : ` "${e.value}"`;
      lines.push(`  ${where}${column}${value}: ${e.message}`);
    }
    const hidden = report.errorCount - report.errors.length;
    if (hidden > 0) lines.push(`  ... and ${number.format(hidden)} more errors not listed`);
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

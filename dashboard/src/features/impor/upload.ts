import { currentLocale } from '../../app/i18n';

/**
 * The upload of an import folder to `POST /api/import` (docs/import.md#upload-and-import-jobs): one multipart part
 * per CSV file, the fields `dryRun` and `reason`; the session cookie goes with it, the preflight header satisfies the
 * CSRF rule and `Accept-Language` asks for the refusals in the language on screen. Answers the job id, or the
 * server's refusals (every problem of the upload, each with its field).
 */
export type UploadAnswer =
  { ok: true; jobId: string } | { ok: false; problems: { message: string; field: string | null }[] };

export async function uploadImport(files: readonly File[], dryRun: boolean, reason: string): Promise<UploadAnswer> {
  const form = new FormData();
  form.append('dryRun', dryRun ? 'true' : 'false');
  if (reason.trim()) form.append('reason', reason.trim());
  for (const file of files) form.append('file', file, file.name);
  const response = await fetch('/api/import', {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { 'apollo-require-preflight': 'true', 'accept-language': currentLocale() },
  });
  const body = (await response.json().catch(() => null)) as {
    jobId?: string;
    errors?: { message: string; extensions?: { field?: string } }[];
  } | null;
  if (response.status === 202 && body?.jobId) return { ok: true, jobId: body.jobId };
  const problems = (body?.errors ?? []).map((e) => ({ message: e.message, field: e.extensions?.field ?? null }));
  return {
    ok: false,
    problems: problems.length > 0 ? problems : [{ message: `HTTP ${response.status}`, field: null }],
  };
}

/** The CSV files of a selection (a folder may hold other files), each name once, in name order. */
export function csvFilesOf(list: Iterable<File>): File[] {
  const byName = new Map<string, File>();
  for (const file of list) if (file.name.toLowerCase().endsWith('.csv')) byName.set(file.name, file);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The problems of a report grouped by file, in the report's order. */
export function problemsByFile<T extends { file: string }>(errors: readonly T[]): { file: string; errors: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const e of errors) {
    const list = groups.get(e.file) ?? [];
    list.push(e);
    groups.set(e.file, list);
  }
  return [...groups].map(([file, list]) => ({ file, errors: list }));
}

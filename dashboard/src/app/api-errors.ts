import { CombinedGraphQLErrors } from '@apollo/client';

/**
 * An API refusal as a form needs it (docs/graphql.md#errors): the stable `extensions.code`, the field path the
 * server named (e.g. `input.scores[2].score`), the message in the language of the request, and for a CONFLICT the
 * version that is current now.
 */
export interface ApiRefusal {
  code: string;
  field: string | null;
  message: string;
  currentVersion: number | null;
}

export function apiRefusals(error: unknown): ApiRefusal[] {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => {
      const ext = (e.extensions ?? {}) as { code?: unknown; field?: unknown; currentVersion?: unknown };
      return {
        code: typeof ext.code === 'string' ? ext.code : 'INTERNAL',
        field: typeof ext.field === 'string' ? ext.field : null,
        message: e.message,
        currentVersion: typeof ext.currentVersion === 'number' ? ext.currentVersion : null,
      };
    });
  }
  return [{ code: 'NETWORK', field: null, message: (error as Error)?.message ?? String(error), currentVersion: null }];
}

/** The refusals by field path; those without a field under ''. */
export function refusalsByField(refusals: readonly ApiRefusal[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of refusals) {
    const key = r.field ?? '';
    out[key] = out[key] ? `${out[key]}; ${r.message}` : r.message;
  }
  return out;
}

/**
 * Who may see and do what, in one module that imports no other: the read scopes (`read-scopes.ts`), the write rules
 * (`write-rules.ts`), the operation gate (`operation-gate.ts`), the guard that applies them to the schema
 * (`schema-guard.ts`) and the aggregate scopes with small-group suppression (`aggregate-scopes.ts`). Every other
 * module asks these; none decides access on its own.
 */
export { installAccessGuards, checkOperation } from './schema-guard.js';
export { privacyNotesPlugin } from './privacy-notes.js';
export type { Viewer } from './viewer.js';

import type { ApiModule } from '../../graphql/module.js';
import { AuditResolver } from './audit.resolver.js';

/** The audit log: one writer (`writeAudit`) for every module, and its read for administrators. */
export const auditModule = {
  name: 'audit',
  resolvers: [AuditResolver],
} satisfies ApiModule;

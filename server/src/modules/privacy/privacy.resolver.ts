import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { forbidden } from '../../graphql/errors.js';
import { accountScope, mayExportPersonalData } from '../access/write-rules.js';
import { exportPersonalData } from './privacy.service.js';
import { PersonalDataExportType } from './privacy.types.js';

@Resolver()
export class PrivacyResolver {
  @Mutation(() => PersonalDataExportType, {
    description:
      "Exports one employee's personal data and its processing history as JSON and CSV (administrators only; " +
      'docs/privacy.md). A mutation because it writes: every export is recorded in the audit log with its reason.',
  })
  async exportPersonalData(
    @Ctx() ctx: Context,
    @Arg('nip', () => String, { description: 'The NIP (18 digits) of the employee whose data are exported.' })
    nip: string,
    @Arg('reason', () => String, {
      description: 'Why the export is made (5-500 characters), e.g. the data subject request it answers; audited.',
    })
    reason: string,
  ): Promise<PersonalDataExportType> {
    const scope = accountScope(ctx);
    if (!mayExportPersonalData(scope)) throw forbidden({ code: 'EXPORT_ADMIN_ONLY', params: {} });
    const result = await exportPersonalData(ctx.em, scope.viewer.login, { nip, reason });
    const { document } = result;
    return {
      nip: document.subject.nip,
      generatedAt: new Date(document.generatedAt),
      sections: Object.entries(document.sections).map(([name, rows]) => ({ name, rows: rows.length })),
      auditEntries: document.processingHistory.length,
      json: result.json,
      csv: result.csv,
    };
  }
}

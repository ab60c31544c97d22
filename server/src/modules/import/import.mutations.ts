import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Message } from '@kinerja/shared';
import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { badUserInput, forbidden } from '../../graphql/errors.js';
import { say } from '../../graphql/locale.js';
import { accountScope, mayRunImport } from '../access/write-rules.js';
import { runImport } from './import.service.js';
import { IMPORT_FILES, type ImportError, type ImportReport } from './import.types.js';

@InputType('ImportFileInput', { description: 'One CSV file of the import format (docs/import.md), as text.' })
export class ImportFileInput {
  @Field(() => String, { description: `File name, one of ${IMPORT_FILES.join(', ')}.` })
  name!: string;

  @Field(() => String, { description: 'The whole file as UTF-8 text (header row first; `,` or `;` separated).' })
  content!: string;
}

@InputType('ImportDataInput', {
  description:
    'An import of the city\u2019s spreadsheets (docs/import.md) through the API, for files that fit in one request ' +
    '(a few MB); larger folders go through `pnpm run import <folder>`.',
})
export class ImportDataInput {
  @Field(() => [ImportFileInput], { description: 'The files; any subset, each name at most once.' })
  files!: ImportFileInput[];

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'True validates and reports without writing anything (not even an audit entry).',
  })
  dryRun?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit log of a committed import).' })
  reason?: string | null;
}

@ObjectType('ImportFileReport', { description: "What the import did (or would do) with one file's rows." })
export class ImportFileReportType {
  @Field(() => String, { description: 'The file name.' })
  file!: string;

  @Field(() => Int, { description: 'Data rows read.' })
  rows!: number;

  @Field(() => Int, { description: 'Records created.' })
  created!: number;

  @Field(() => Int, { description: 'Records changed.' })
  updated!: number;

  @Field(() => Int, { description: 'Records already as in the file.' })
  unchanged!: number;
}

@ObjectType('ImportCounts', { description: 'Created, updated and unchanged records.' })
export class ImportCountsType {
  @Field(() => Int, { description: 'Records created.' })
  created!: number;

  @Field(() => Int, { description: 'Records changed.' })
  updated!: number;

  @Field(() => Int, { description: 'Records already as in the files.' })
  unchanged!: number;
}

@ObjectType('ImportError', { description: 'One problem found: where it is, the value, and what to do about it.' })
export class ImportErrorType {
  @Field(() => String, { description: 'The file; empty for a problem of the upload as a whole.' })
  file!: string;

  @Field(() => Int, { nullable: true, description: 'Line of the file (1 = the header); null when not one line.' })
  line!: number | null;

  @Field(() => String, { nullable: true, description: 'Column name as in the header; null when not one column.' })
  column!: string | null;

  @Field(() => String, { nullable: true, description: 'The value as written in the file; null when none.' })
  value!: string | null;

  /** Worded by `ImportErrorFields.message` when read (the report keeps the catalogue message). */
  message?: string;

  /** What is wrong, as a catalogue message (read by the field resolvers below). */
  problem!: Message;

  @Field(() => String, {
    nullable: true,
    description:
      'The code of the rule broken (e.g. SCORE_ABOVE_MAX, WEIGHTS_SUM_NOT_100) when a shared rule check found the ' +
      'problem, for a client that words it itself; null for the other checks of the importer.',
  })
  code?: string | null;
}

/**
 * The words of an import error, put together when the report is read, in the request's language
 * (`Accept-Language`; docs/i18n.md): the report itself keeps codes and parameters, so a job's report reads in the
 * language of whoever polls it.
 */
@Resolver(() => ImportErrorType)
export class ImportErrorFields {
  @FieldResolver(() => String, {
    description:
      'What is wrong, in words a clerk understands, in the request’s language (Indonesian unless ' +
      'Accept-Language asks for English).',
  })
  message(@Root() error: ImportError): string {
    return say(error.problem);
  }

  @FieldResolver(() => String, {
    description:
      'The catalogue code of `message` (docs/i18n.md), for a client that words it itself: the importer’s own ' +
      'checks (IMPORT_UNKNOWN_COLUMN, IMPORT_AGENCY_NOT_FOUND, NIP_INVALID, ...) or the shared rule’s code.',
  })
  messageCode(@Root() error: ImportError): string {
    return error.problem.code;
  }

  @FieldResolver(() => GraphQLJSON, { description: 'The parameters of `messageCode` (names, values, lines).' })
  messageParams(@Root() error: ImportError): unknown {
    return error.problem.params;
  }
}

@ObjectType('ImportReport', {
  description: 'The report of an import: all or nothing, so with any error (or for a dry run) nothing was written.',
})
export class ImportReportType {
  @Field(() => Boolean, { description: 'True for a dry run.' })
  dryRun!: boolean;

  @Field(() => Boolean, { description: 'True when the data was written.' })
  committed!: boolean;

  @Field(() => Boolean, { description: 'True when no error was found.' })
  ok!: boolean;

  @Field(() => [ImportFileReportType], { description: 'Per file, in the order applied.' })
  files!: ImportFileReportType[];

  @Field(() => ImportCountsType, { description: 'Evaluations derived from scores.csv.' })
  evaluations!: ImportCountsType;

  @Field(() => Int, { description: 'Periods created (OPEN) by scores.csv.' })
  periodsCreated!: number;

  @Field(() => [ImportErrorType], { description: 'The errors, in file order (at most 10,000 listed).' })
  errors!: ImportErrorType[];

  @Field(() => Int, { description: 'Every error found, including those not listed.' })
  errorCount!: number;

  @Field(() => Int, { description: 'How long it took, in milliseconds.' })
  durationMs!: number;
}

/** Checks the upload: known file names, each once. */
function checkFiles(input: ImportDataInput): void {
  if (input.files.length === 0) throw badUserInput('input.files', { code: 'IMPORT_NO_FILES', params: {} });
  const seen = new Map<string, number>();
  input.files.forEach((file, i) => {
    if (!(IMPORT_FILES as readonly string[]).includes(file.name)) {
      throw badUserInput(`input.files[${i}].name`, {
        code: 'IMPORT_UNKNOWN_FILE',
        params: { name: file.name, known: IMPORT_FILES.join(', ') },
      });
    }
    if (seen.has(file.name)) {
      throw badUserInput(`input.files[${i}].name`, {
        code: 'IMPORT_FILE_TWICE',
        params: { name: file.name, at: `input.files[${seen.get(file.name)}]` },
      });
    }
    seen.set(file.name, i);
  });
}

@Resolver()
export class ImportMutations {
  @Mutation(() => ImportReportType, {
    description:
      'Runs the importer (administrators) over uploaded CSV files, for real or as a dry run, and returns its report. ' +
      'All or nothing; a committed import writes one `import.run` audit entry.',
  })
  async importData(
    @Ctx() ctx: Context,
    @Arg('input', () => ImportDataInput, { description: 'The files and whether to write.' }) input: ImportDataInput,
  ): Promise<ImportReport> {
    const scope = accountScope(ctx);
    if (!mayRunImport(scope)) throw forbidden({ code: 'ONLY_ADMIN', params: { action: 'IMPORT' } });
    checkFiles(input);
    // The importer reads a folder (it streams files of any size); the upload is written to a private temporary one.
    const folder = await mkdtemp(join(tmpdir(), 'kinerja-upload-'));
    try {
      for (const file of input.files) await writeFile(join(folder, file.name), file.content, 'utf8');
      const report = await runImport({
        orm: { em: ctx.em },
        folder,
        dryRun: input.dryRun ?? false,
        actor: scope.viewer.login,
        reason: input.reason?.trim() || `importData: ${input.files.map((f) => f.name).join(', ')}`,
        policy: ctx.policy,
      });
      return report;
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
}

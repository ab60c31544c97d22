import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Arg, Ctx, Field, Float, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { registerSharedEnum } from '../../graphql/enum.js';
import { forbidden, notFound } from '../../graphql/errors.js';
import { say } from '../../graphql/locale.js';
import { accountScope, mayRunImport } from '../access/write-rules.js';
import { ImportReportType } from './import.mutations.js';
import { importJobs, jobProgress, type ImportJob, type ImportJobPhase, type ImportJobState } from './jobs.js';
import type { ImportReport } from './import.types.js';

const IMPORT_JOB_STATES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;
const ImportJobStateEnum = registerSharedEnum(
  IMPORT_JOB_STATES,
  'ImportJobState',
  'Where an import job is (docs/import.md#upload-and-import-jobs).',
  {
    QUEUED: 'Uploaded; waits for the import before it (one import runs at a time).',
    RUNNING: 'The importer is counting, reading or writing.',
    SUCCEEDED: 'Done without an error: a dry run found none, or the data was written.',
    FAILED: 'Done with errors (the report lists every one) or stopped; nothing was written.',
  },
);

const IMPORT_JOB_PHASES = ['WAITING', 'COUNTING', 'READING', 'WRITING', 'FINISHED'] as const;
const ImportJobPhaseEnum = registerSharedEnum(
  IMPORT_JOB_PHASES,
  'ImportJobPhase',
  'What a running import job is doing.',
  {
    WAITING: 'Queued behind another import.',
    COUNTING: 'Counting the rows of the uploaded files (for the progress).',
    READING: 'Reading and checking the rows of `file`.',
    WRITING: 'A set-based step after the rows of `file` (`step` says which).',
    FINISHED: 'Ended: see `state` and `report`.',
  },
);

@ObjectType('ImportJob', {
  description:
    'An upload of `POST /api/import` running the importer (docs/import.md#upload-and-import-jobs): its state, the ' +
    'importer\u2019s own progress and, once done, its report.',
})
export class ImportJobType {
  @Field(() => ID, { description: 'The job id answered by `POST /api/import`.' })
  id!: string;

  @Field(() => ImportJobStateEnum, { description: 'Where the job is.' })
  state!: ImportJobState;

  @Field(() => ImportJobPhaseEnum, { description: 'What it is doing.' })
  phase!: ImportJobPhase;

  @Field(() => Float, {
    description: 'From 0 to 1: rows read out of the rows uploaded; 1 once the job has ended (writing follows reading).',
  })
  progress!: number;

  @Field(() => Int, { description: 'Data rows read so far, all files together.' })
  rowsDone!: number;

  @Field(() => Int, { description: 'Data rows uploaded (lines after each header), counted before the import starts.' })
  rowsTotal!: number;

  @Field(() => String, { nullable: true, description: 'The file being read (or the last one read); null before.' })
  file!: string | null;

  @Field(() => String, { nullable: true, description: 'The importer\u2019s set-based step while WRITING, in English.' })
  step!: string | null;

  @Field(() => Boolean, { description: 'True for a dry run: checked and reported, nothing written.' })
  dryRun!: boolean;

  @Field(() => [String], { description: 'The files uploaded, in the order the importer applies them.' })
  files!: string[];

  @Field(() => String, { description: 'Login of the administrator who uploaded it.' })
  actor!: string;

  @Field(() => GraphQLDateTimeISO, { description: 'When it was uploaded (UTC).' })
  createdAt!: Date;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'When the importer started (UTC).' })
  startedAt!: Date | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'When it ended (UTC).' })
  finishedAt!: Date | null;

  @Field(() => ImportReportType, {
    nullable: true,
    description:
      'The importer\u2019s report once it ended: with errors, every problem by file, line and column, and nothing ' +
      'written. Null while it runs, and when it stopped without one (`failure`).',
  })
  report!: ImportReport | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why it stopped without a report (an internal error; nothing was written), in the request language.',
  })
  failure!: string | null;
}

function view(job: ImportJob): ImportJobType {
  return {
    id: job.id,
    state: job.state,
    phase: job.phase,
    progress: jobProgress(job),
    rowsDone: job.rowsDone,
    rowsTotal: job.rowsTotal,
    file: job.file,
    step: job.step,
    dryRun: job.dryRun,
    files: [...job.files],
    actor: job.actor,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    report: job.report,
    failure: job.failure === null ? null : say({ code: 'IMPORT_JOB_CRASHED', params: {} }),
  };
}

@Resolver()
export class ImportJobResolver {
  @Query(() => ImportJobType, {
    description:
      'An import job started by `POST /api/import` (administrators): the page polls it for the progress bar and the ' +
      'report. NOT_FOUND for an unknown id, or a job of a restarted server (jobs live in its memory).',
  })
  importJob(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'The `jobId` answered by the upload.' }) id: string,
  ): ImportJobType {
    if (!mayRunImport(accountScope(ctx))) throw forbidden({ code: 'ONLY_ADMIN', params: { action: 'IMPORT' } });
    const job = importJobs.get(id);
    if (!job) throw notFound({ code: 'IMPORT_JOB_NOT_FOUND', params: { id } });
    return view(job);
  }
}

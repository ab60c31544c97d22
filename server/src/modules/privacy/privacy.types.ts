import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('PersonalDataSection', {
  description: 'One table of the export: its name and how many of its rows are about the person.',
})
export class PersonalDataSectionType {
  @Field(() => String, { description: 'The table, e.g. `employee`, `evaluation`, `evaluation_score`, `app_user`.' })
  name!: string;

  @Field(() => Int, { description: 'Rows of the table about the person.' })
  rows!: number;
}

@ObjectType('PersonalDataExport', {
  description:
    "One employee's personal data and its processing history (the audit entries about them and their accounts), as " +
    'JSON and as CSV (docs/privacy.md "Export of one person\'s data"). The export is itself recorded in the audit ' +
    'log, and the history it contains includes that entry.',
})
export class PersonalDataExportType {
  @Field(() => String, { description: 'The NIP of the person the export is about.' })
  nip!: string;

  @Field(() => GraphQLDateTimeISO, { description: 'When the export was made (UTC).' })
  generatedAt!: Date;

  @Field(() => [PersonalDataSectionType], { description: 'The tables exported and their row counts.' })
  sections!: PersonalDataSectionType[];

  @Field(() => Int, { description: 'Audit entries in the processing history.' })
  auditEntries!: number;

  @Field(() => String, {
    description:
      'The whole export as one JSON document (`format`, `subject`, `sections` by table, `processingHistory`); save ' +
      'it as a `.json` file.',
  })
  json!: string;

  @Field(() => String, {
    description:
      'The same export as CSV in the long form `section,row,field,value` (UTF-8, comma, `\\n`); save it as a `.csv` ' +
      'file.',
  })
  csv!: string;
}

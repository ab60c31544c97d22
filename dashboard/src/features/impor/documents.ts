import { graphql } from '../../gql';

/** The document of Impor (docs/dashboard.md "Impor"): the job an upload started, polled for the progress bar. */
export const IMPORT_JOB = graphql(`
  query ImporJob($id: ID!) {
    importJob(id: $id) {
      id
      state
      phase
      progress
      rowsDone
      rowsTotal
      file
      dryRun
      failure
      report {
        ok
        committed
        dryRun
        errorCount
        periodsCreated
        durationMs
        errors {
          file
          line
          column
          value
          message
          code
        }
        files {
          file
          rows
          created
          updated
          unchanged
        }
        evaluations {
          created
          updated
          unchanged
        }
      }
    }
  }
`);

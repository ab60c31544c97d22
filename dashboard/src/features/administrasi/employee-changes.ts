import { graphql } from '../../gql';

/** The documents of the employee changes (docs/access.md#employee-changes), for EmployeeChanges.vue. */
export const CHANGE_EMPLOYEE = graphql(`
  query EmployeeChangesEmployee($nip: String!) {
    employee(nip: $nip) {
      nip
      name
      version
      activeTo
      agency {
        code
        name
      }
      supervisor {
        nip
        name
      }
    }
    agencies {
      code
      name
    }
  }
`);

export const TRANSFER_EMPLOYEE = graphql(`
  mutation EmployeeChangesTransfer($input: TransferEmployeeInput!) {
    transferEmployee(input: $input) {
      nip
      version
      agency {
        code
        name
      }
      supervisor {
        nip
        name
      }
    }
  }
`);

export const CHANGE_SUPERVISOR = graphql(`
  mutation EmployeeChangesSupervisor($input: ChangeSupervisorInput!) {
    changeSupervisor(input: $input) {
      nip
      version
      supervisor {
        nip
        name
      }
    }
  }
`);

export const RETIRE_EMPLOYEE = graphql(`
  mutation EmployeeChangesRetire($input: RetireEmployeeInput!) {
    retireEmployee(input: $input) {
      nip
      version
      activeTo
    }
  }
`);

/** An acting assignment (Plt/Plh) as the list and the assign form show it: one selection for both. */
export const ACTING_ASSIGNMENT_FIELDS = graphql(`
  fragment ActingAssignmentFields on ActingAssignment {
    id
    kind
    from
    to
    state
    version
    acting {
      nip
      name
    }
    standsInFor {
      nip
      name
    }
  }
`);

export const ASSIGN_ACTING = graphql(`
  mutation EmployeeChangesActing($input: AssignActingAssessorInput!) {
    assignActingAssessor(input: $input) {
      ...ActingAssignmentFields
    }
  }
`);

/** The acting assignments (Plt/Plh), in force first (docs/access.md#employee-changes). */
export const ACTING_LIST = graphql(`
  query EmployeeChangesActingList {
    actingAssignments(first: 200) {
      ...ActingAssignmentFields
    }
  }
`);

/** Ends an acting assignment early: a new last day, based on the version listed. */
export const END_ACTING = graphql(`
  mutation EmployeeChangesEndActing($input: EndActingAssignmentInput!) {
    endActingAssignment(input: $input) {
      id
      to
      state
      version
    }
  }
`);

import { graphql } from '../../gql';

/** The documents of Administrasi (docs/dashboard.md "Administrasi"). */
export const ADMIN_PERIODS = graphql(`
  query AdministrasiPeriods {
    currentPeriod {
      year
      quarter
    }
    periods {
      year
      quarter
      label
      status
      closedAt
    }
    agencies {
      code
      name
    }
  }
`);

export const OPEN_PERIOD = graphql(`
  mutation AdministrasiOpenPeriod($input: PeriodChangeInput!) {
    openPeriod(input: $input) {
      year
      quarter
      status
    }
  }
`);

export const CLOSE_PERIOD = graphql(`
  mutation AdministrasiClosePeriod($input: PeriodChangeInput!) {
    closePeriod(input: $input) {
      finalized
      drafts
      objected
      period {
        year
        quarter
        status
      }
    }
  }
`);

export const ADMIN_CRITERIA = graphql(`
  query AdministrasiCriteria($agencyCode: String!, $year: Int!) {
    criteria(agencyCode: $agencyCode, year: $year) {
      id
      code
      name
      category
      weight
      agency {
        code
      }
    }
  }
`);

export const REPLACE_WEIGHTS = graphql(`
  mutation AdministrasiWeights($input: ReplaceCriterionWeightsInput!) {
    replaceCriterionWeights(input: $input) {
      code
      weight
    }
  }
`);

export const CREATE_ACCOUNTS = graphql(`
  mutation AdministrasiCreateAccounts($input: CreateAccountsInput) {
    createAccounts(input: $input) {
      created
      skipped
      accounts {
        login
        password
        employee {
          name
        }
      }
    }
  }
`);

export const RESET_PASSWORD = graphql(`
  mutation AdministrasiReset($login: String!) {
    resetPassword(login: $login) {
      login
      password
    }
  }
`);

export const ORG_PREDIKAT = graphql(`
  query AdministrasiOrg($code: String!, $year: Int!) {
    agency(code: $code) {
      code
      orgPerformance(year: $year) {
        proposedPredikat
        proposedAt
        predikat
        setAt
      }
    }
  }
`);

export const PROPOSE_ORG = graphql(`
  mutation AdministrasiPropose($input: OrgPredikatInput!) {
    proposeOrgPredikat(input: $input) {
      proposedPredikat
      predikat
    }
  }
`);

export const SET_ORG = graphql(`
  mutation AdministrasiSet($input: OrgPredikatInput!) {
    setOrgPredikat(input: $input) {
      proposedPredikat
      predikat
    }
  }
`);

export const AUDIT_LOG = graphql(`
  query AdministrasiAudit($filter: AuditFilter) {
    auditLog(filter: $filter, first: 50) {
      totalCount
      edges {
        node {
          id
          at
          actor
          action
          entityType
          entityId
          reason
        }
      }
    }
  }
`);

export const ACCOUNT_LIST = graphql(`
  query AdministrasiAccounts($filter: AccountFilter, $after: String) {
    accounts(filter: $filter, first: 50, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          login
          role
          displayName
          active
          lastLoginAt
          employee {
            nip
            name
          }
        }
      }
    }
  }
`);

export const DISABLE_ACCOUNT = graphql(`
  mutation AdministrasiDisable($login: String!, $reason: String) {
    disableAccount(login: $login, reason: $reason) {
      login
      active
    }
  }
`);

export const ENABLE_ACCOUNT = graphql(`
  mutation AdministrasiEnable($login: String!, $reason: String) {
    enableAccount(login: $login, reason: $reason) {
      login
      active
    }
  }
`);

export const INNOVATIONS_TO_VERIFY = graphql(`
  query AdministrasiInnovations($year: Int) {
    innovationsToVerify(year: $year) {
      id
      title
      description
      year
      quarter
      employee {
        nip
        name
      }
    }
  }
`);

export const VERIFY_INNOVATION = graphql(`
  mutation AdministrasiVerify($input: VerifyInnovationInput!) {
    verifyInnovation(input: $input) {
      id
      verified
    }
  }
`);

import { gql, type TypedDocumentNode } from '@apollo/client';

export interface AgencyRow {
  code: string;
  name: string;
  employeeCount: number;
}

export const AGENCIES_QUERY: TypedDocumentNode<{ agencies: AgencyRow[] }> = gql`
  query DashboardAgencies {
    agencies {
      code
      name
      employeeCount
    }
  }
`;

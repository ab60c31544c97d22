/**
 * The queries of `pnpm bench read` (docs/benchmarks.md), each written for this API and for PostGraphile 4 over the
 * same database, with a normalisation of each answer to one plain form: the bench checks that both servers (and, for
 * the large nested read, the hand-written SQL) return the same data before it times anything.
 */

/** The plain form the answers are compared in (lists sorted where one server cannot express the other's order). */
type Plain = unknown;

export interface ReadQuery {
  name: string;
  /** What it is, for the printed table. */
  title: string;
  /** This API's query and variables. */
  kinerja: { query: string; variables?: Record<string, unknown> };
  postgraphile: { query: string; variables?: Record<string, unknown> };
  normaliseKinerja(data: never): Plain;
  normalisePostgraphile(data: never): Plain;
  /** Large: timed by a bounded number of requests rather than by seconds (see runRead). */
  large?: boolean;
}

/**
 * SQL that PostGraphile needs for query `one-employee`: its generated schema filters a relation by equality on the
 * related table's own columns only, so the year of the period comes through a computed column (PostGraphile's own
 * idiom for a custom filter). Created in the bench database only.
 */
export const POSTGRAPHILE_SQL = `
create or replace function employee_evaluations_in_year(e employee, y int) returns setof evaluation
  language sql stable as $$
    select v.* from evaluation v join period p on p.id = v.period_id
     where v.employee_id = e.id and p.year = y order by p.year, p.quarter, v.id
  $$;
`;

interface PlainEvaluation {
  id: number;
  status: string;
  score: number | null;
  predikat: string | null;
  year: number;
  quarter: number;
  scores?: { code: string; score: number }[];
}

function byPeriod(a: PlainEvaluation, b: PlainEvaluation): number {
  return a.year - b.year || a.quarter - b.quarter || a.id - b.id;
}

interface KinerjaEvaluation {
  id: number;
  status: string;
  score: number | null;
  predikat: string | null;
  period: { year: number; quarter: number };
  scores?: { score: number; criterion: { code: string } }[];
}

interface PostgraphileEvaluation {
  id: number;
  status: string;
  score: number | null;
  predikat: string | null;
  periodByPeriodId: { year: number; quarter: number };
  evaluationScoresByEvaluationId?: { nodes: { score: number; criterionByCriterionId: { code: string } }[] };
}

function plainScores(scores: { code: string; score: number }[]): { code: string; score: number }[] {
  return [...scores].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.score - b.score));
}

function plainKinerjaEvaluation(e: KinerjaEvaluation): PlainEvaluation {
  return {
    id: e.id,
    status: e.status,
    score: e.score,
    predikat: e.predikat,
    year: e.period.year,
    quarter: e.period.quarter,
    ...(e.scores ? { scores: plainScores(e.scores.map((s) => ({ code: s.criterion.code, score: s.score }))) } : {}),
  };
}

function plainPostgraphileEvaluation(e: PostgraphileEvaluation): PlainEvaluation {
  const scores = e.evaluationScoresByEvaluationId?.nodes;
  return {
    id: e.id,
    status: e.status,
    score: e.score,
    predikat: e.predikat,
    year: e.periodByPeriodId.year,
    quarter: e.periodByPeriodId.quarter,
    ...(scores
      ? { scores: plainScores(scores.map((s) => ({ code: s.criterionByCriterionId.code, score: s.score }))) }
      : {}),
  };
}

/** The shape both the large read's servers and its hand-written SQL are normalised to. */
export function plainNestedEmployees(
  employees: { nip: string; name: string; evaluations: PlainEvaluation[] }[],
): Plain {
  return employees.map((e) => ({ nip: e.nip, name: e.name, evaluations: [...e.evaluations].sort(byPeriod) }));
}

const EVALUATION_FIELDS = 'id status score predikat';

/** The four queries of issue 14; the dashboard's only page (home) asks `agencies { code name employeeCount }`. */
export function readQueries(nip: string): ReadQuery[] {
  return [
    {
      name: 'employees-50',
      title: 'first 50 employees with agency code and name',
      kinerja: { query: '{ employees(first: 50) { edges { node { nip name agency { code name } } } } }' },
      postgraphile: {
        query:
          '{ allEmployees(first: 50, orderBy: [NAME_ASC, NIP_ASC]) { nodes { nip name agencyByAgencyId { code name } } } }',
      },
      normaliseKinerja: (data: { employees: { edges: { node: unknown }[] } }) =>
        data.employees.edges.map((edge) => edge.node),
      normalisePostgraphile: (data: {
        allEmployees: { nodes: { nip: string; name: string; agencyByAgencyId: unknown }[] };
      }) => data.allEmployees.nodes.map((n) => ({ nip: n.nip, name: n.name, agency: n.agencyByAgencyId })),
    },
    {
      name: 'agencies',
      title: 'agencies with their employee counts (dashboard home page)',
      kinerja: { query: '{ agencies { code name employeeCount } }' },
      postgraphile: {
        query: '{ allAgencies(orderBy: CODE_ASC) { nodes { code name employeesByAgencyId { totalCount } } } }',
      },
      normaliseKinerja: (data: { agencies: unknown[] }) => data.agencies,
      normalisePostgraphile: (data: {
        allAgencies: { nodes: { code: string; name: string; employeesByAgencyId: { totalCount: number } }[] };
      }) =>
        data.allAgencies.nodes.map((a) => ({
          code: a.code,
          name: a.name,
          employeeCount: a.employeesByAgencyId.totalCount,
        })),
    },
    {
      name: 'one-employee',
      title: 'one employee by NIP with their 2025 evaluations',
      kinerja: {
        query: `query ($nip: String!) { employee(nip: $nip) { nip name evaluations(year: 2025) {
          ${EVALUATION_FIELDS} period { year quarter } } } }`,
        variables: { nip },
      },
      postgraphile: {
        query: `query ($nip: String!) { employeeByNip(nip: $nip) { nip name evaluationsInYear(y: 2025) { nodes {
          ${EVALUATION_FIELDS} periodByPeriodId { year quarter } } } } }`,
        variables: { nip },
      },
      normaliseKinerja: (data: { employee: { nip: string; name: string; evaluations: KinerjaEvaluation[] } }) => ({
        nip: data.employee.nip,
        name: data.employee.name,
        evaluations: data.employee.evaluations.map(plainKinerjaEvaluation).sort(byPeriod),
      }),
      normalisePostgraphile: (data: {
        employeeByNip: { nip: string; name: string; evaluationsInYear: { nodes: PostgraphileEvaluation[] } };
      }) => ({
        nip: data.employeeByNip.nip,
        name: data.employeeByNip.name,
        evaluations: data.employeeByNip.evaluationsInYear.nodes.map(plainPostgraphileEvaluation).sort(byPeriod),
      }),
    },
    {
      name: 'nested-500',
      title: '500 employees with all evaluations and scores',
      large: true,
      kinerja: {
        query: `{ employees(first: 500) { edges { node { nip name evaluations {
          ${EVALUATION_FIELDS} period { year quarter } scores { score criterion { code } } } } } } }`,
      },
      postgraphile: {
        query: `{ allEmployees(first: 500, orderBy: [NAME_ASC, NIP_ASC]) { nodes { nip name
          evaluationsByEmployeeId { nodes { ${EVALUATION_FIELDS} periodByPeriodId { year quarter }
            evaluationScoresByEvaluationId { nodes { score criterionByCriterionId { code } } } } } } } }`,
      },
      normaliseKinerja: (data: {
        employees: { edges: { node: { nip: string; name: string; evaluations: KinerjaEvaluation[] } }[] };
      }) =>
        plainNestedEmployees(
          data.employees.edges.map(({ node }) => ({
            nip: node.nip,
            name: node.name,
            evaluations: node.evaluations.map(plainKinerjaEvaluation),
          })),
        ),
      normalisePostgraphile: (data: {
        allEmployees: {
          nodes: { nip: string; name: string; evaluationsByEmployeeId: { nodes: PostgraphileEvaluation[] } }[];
        };
      }) =>
        plainNestedEmployees(
          data.allEmployees.nodes.map((node) => ({
            nip: node.nip,
            name: node.name,
            evaluations: node.evaluationsByEmployeeId.nodes.map(plainPostgraphileEvaluation),
          })),
        ),
    },
  ];
}

/**
 * The large nested read written by hand: one statement in which PostgreSQL assembles the whole answer as JSON
 * (`json_agg`), the floor a GraphQL server over the same tables can approach.
 */
export const NESTED_500_SQL = `
select coalesce(json_agg(json_build_object(
         'nip', e.nip, 'name', e.name,
         'evaluations', (
           select coalesce(json_agg(json_build_object(
                    'id', v.id, 'status', v.status, 'score', v.score, 'predikat', v.predikat,
                    'year', p.year, 'quarter', p.quarter,
                    'scores', (
                      select coalesce(json_agg(json_build_object('code', c.code, 'score', s.score) order by s.id), '[]')
                        from evaluation_score s join criterion c on c.id = s.criterion_id
                       where s.evaluation_id = v.id))
                  order by p.year, p.quarter, v.id), '[]')
             from evaluation v join period p on p.id = v.period_id
            where v.employee_id = e.id))
       order by e.name, e.nip), '[]')::text as answer
  from (select id, nip, name from employee order by name, nip limit 500) e
`;

/** The hand-written answer in the plain form. */
export function normaliseNestedSql(answer: string): Plain {
  const employees = JSON.parse(answer) as {
    nip: string;
    name: string;
    evaluations: (PlainEvaluation & { scores: { code: string; score: number }[] })[];
  }[];
  return plainNestedEmployees(
    employees.map((e) => ({
      ...e,
      evaluations: e.evaluations.map((v) => ({ ...v, scores: plainScores(v.scores) })),
    })),
  );
}

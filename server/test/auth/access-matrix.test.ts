import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildKinerjaSchema } from '../../src/api/schema.js';
import { ROLES, type Role } from '../../src/modules/access/roles.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { rewriteResults } from '../helpers/scenario.js';
import { startTestServer, UNLIMITED_COST, type GraphQLResponse, type TestServer } from '../helpers/server.js';
import { buildAccessFixture, RELATIONS, type Fixture, type FixturePerson, type Relation } from './access-fixture.js';

/**
 * THE ACCESS MATRIX (acceptance 1). Every root field and mutation of the built schema, for every caller (the seven
 * roles, nobody, and the anonymous caller of demo mode), and, where rows are involved, for every relation of a person
 * to the caller (access-fixture.ts) and every nested path that reaches a person. The expectations are written here
 * from docs/access.md, not derived from the code: a root field missing from these tables fails the
 * test, and so does any answer that differs from them.
 */

type Caller = Role | 'NOBODY' | 'DEMO';
const CALLERS: readonly Caller[] = [...ROLES, 'NOBODY', 'DEMO'];

/** Who passes the gate of a root field: every caller, callers with a viewer (demo anonymous too), accounts, roles. */
type Gate = 'PUBLIC' | 'VIEWERS' | 'ACCOUNTS' | readonly Role[];

interface FieldExpectation {
  gate: Gate;
  /** Arguments for the gate probe; generated from the schema (dummy values of the right type) when omitted. */
  args?: string;
  /** Where the rows this field answers are checked, per role and relation (a `describe` below). */
  rows:
    | 'catalogue (the same answer for every caller)'
    | 'lookup by relation'
    | 'list by relation'
    | 'the caller'
    | 'transparency by relation'
    | 'walked by relation'
    | 'what the caller may verify (test/innovations-to-verify.test.ts)'
    | 'acting assignments whose two employees are in scope (test/staffing.test.ts)'
    | 'administrators only'
    | 'aggregates (small groups suppressed by caller: test/analytics/suppression.test.ts)'
    | 'rows about people (by caller: test/analytics/people.test.ts)'
    | 'feedback by relation (test/dialogue/access.test.ts)'
    | 'writes (gate only)';
}

const AGGREGATES = 'aggregates (small groups suppressed by caller: test/analytics/suppression.test.ts)' as const;
const FEEDBACK = 'feedback by relation (test/dialogue/access.test.ts)' as const;

const QUERIES: Record<string, FieldExpectation> = {
  agencies: { gate: 'VIEWERS', rows: 'catalogue (the same answer for every caller)' },
  agency: { gate: 'VIEWERS', args: '(code: "P_ADMIN")', rows: 'catalogue (the same answer for every caller)' },
  criteria: { gate: 'VIEWERS', rows: 'catalogue (the same answer for every caller)' },
  periods: { gate: 'VIEWERS', rows: 'catalogue (the same answer for every caller)' },
  currentPeriod: { gate: 'VIEWERS', rows: 'catalogue (the same answer for every caller)' },
  scoringPolicy: { gate: 'VIEWERS', rows: 'catalogue (the same answer for every caller)' },
  scoringPolicies: { gate: 'VIEWERS', rows: 'catalogue (the same answer for every caller)' },
  trainings: { gate: 'VIEWERS', rows: 'catalogue (the same answer for every caller)' },
  training: { gate: 'VIEWERS', args: '(code: "TR1")', rows: 'catalogue (the same answer for every caller)' },
  employees: { gate: 'VIEWERS', rows: 'list by relation' },
  employee: { gate: 'VIEWERS', args: '(pseudonym: "ASN-NOBODY0000")', rows: 'lookup by relation' },
  evaluations: { gate: 'VIEWERS', rows: 'list by relation' },
  annualResults: { gate: 'VIEWERS', rows: 'list by relation' },
  evaluation: { gate: 'VIEWERS', args: '(id: -1)', rows: 'lookup by relation' },
  me: { gate: 'VIEWERS', rows: 'the caller' },
  transparency: { gate: 'ACCOUNTS', args: '(year: 2025)', rows: 'transparency by relation' },
  completion: { gate: 'ACCOUNTS', args: '(year: 2025, quarter: 1)', rows: 'walked by relation' },
  completionShares: {
    gate: 'VIEWERS',
    args: '(year: 2025, quarter: 1)',
    rows: 'catalogue (the same answer for every caller)',
  },
  auditLog: { gate: ['ADMIN'], rows: 'administrators only' },
  importJob: { gate: ['ADMIN'], args: '(id: "nope")', rows: 'administrators only' },
  accounts: { gate: ['ADMIN'], rows: 'administrators only' },
  actingAssignments: {
    gate: 'ACCOUNTS',
    rows: 'acting assignments whose two employees are in scope (test/staffing.test.ts)',
  },
  innovationsToVerify: {
    gate: 'ACCOUNTS',
    rows: 'what the caller may verify (test/innovations-to-verify.test.ts)',
  },
  // Analytics aggregates: every caller with a viewer; who sees which figures is checked per caller class in
  // test/analytics/suppression.test.ts (ADMIN/LEADER all, an agency head their agency, everyone else suppressed).
  performanceTrend: { gate: 'VIEWERS', args: '(input: {})', rows: AGGREGATES },
  scoreStatistics: { gate: 'VIEWERS', args: '(input: { groupBy: [AGENCY] })', rows: AGGREGATES },
  agencyComparison: { gate: 'VIEWERS', args: '(year: 2025, quarter: 1)', rows: AGGREGATES },
  distributionCheck: { gate: 'VIEWERS', args: '(agencyCode: "P_ADMIN", year: 2025)', rows: AGGREGATES },
  trainingImpact: { gate: 'VIEWERS', args: '(input: {})', rows: AGGREGATES },
  raterObjectivity: {
    gate: ['ADMIN', 'LEADER', 'AGENCY_HEAD', 'POLICY', 'ANALYST'],
    args: '(input: {})',
    rows: 'rows about people (by caller: test/analytics/people.test.ts)',
  },
  trainingNeeds: {
    gate: ['ADMIN', 'LEADER', 'AGENCY_HEAD', 'SUPERVISOR', 'POLICY', 'ANALYST'],
    rows: 'rows about people (by caller: test/analytics/people.test.ts)',
  },
  // Feedback notes and dialogues (docs/dialogue.md): every path, role and relation in test/dialogue/access.test.ts.
  feedbackNotes: { gate: 'ACCOUNTS', rows: FEEDBACK },
  feedbackNote: { gate: 'ACCOUNTS', args: '(id: -1)', rows: FEEDBACK },
  performanceDialogues: { gate: 'ACCOUNTS', rows: FEEDBACK },
  performanceDialogue: { gate: 'ACCOUNTS', args: '(id: -1)', rows: FEEDBACK },
  feedbackCounts: {
    gate: ['ADMIN', 'LEADER', 'AGENCY_HEAD', 'POLICY', 'ANALYST'],
    args: '(year: 2025)',
    rows: FEEDBACK,
  },
  notices: { gate: 'ACCOUNTS', rows: 'the caller' },
};

const WRITES = 'writes (gate only)' as const;
/** docs/access.md#who-changes-what: ADMIN everything; LEADER org predikat; AGENCY_HEAD propose, finalise, verify, decide; any
 * linked account scores its direct reports and responds to its own evaluations (the record decides). */
const MUTATIONS: Record<string, FieldExpectation> = {
  login: { gate: 'PUBLIC', rows: WRITES },
  logout: { gate: 'PUBLIC', rows: WRITES },
  changePassword: { gate: 'ACCOUNTS', rows: WRITES },
  createAccount: { gate: ['ADMIN'], rows: WRITES },
  createAccounts: { gate: ['ADMIN'], args: '(input: { agencyCodes: ["NOPE"] })', rows: WRITES },
  resetPassword: { gate: ['ADMIN'], rows: WRITES },
  saveEvaluationDraft: { gate: 'ACCOUNTS', rows: WRITES },
  submitEvaluation: { gate: 'ACCOUNTS', rows: WRITES },
  acknowledgeEvaluation: { gate: 'ACCOUNTS', rows: WRITES },
  objectToEvaluation: { gate: 'ACCOUNTS', rows: WRITES },
  decideObjection: { gate: 'ACCOUNTS', rows: WRITES },
  finalizeEvaluation: { gate: ['ADMIN', 'AGENCY_HEAD'], rows: WRITES },
  openPeriod: { gate: ['ADMIN'], rows: WRITES },
  closePeriod: { gate: ['ADMIN'], rows: WRITES },
  createCriterion: { gate: ['ADMIN'], rows: WRITES },
  replaceCriterionWeights: { gate: ['ADMIN'], rows: WRITES },
  recordInnovation: { gate: 'ACCOUNTS', rows: WRITES },
  verifyInnovation: { gate: 'ACCOUNTS', rows: WRITES },
  createTraining: { gate: ['ADMIN'], rows: WRITES },
  recordParticipation: { gate: ['ADMIN', 'AGENCY_HEAD'], rows: WRITES },
  proposeOrgPredikat: { gate: ['ADMIN', 'AGENCY_HEAD'], rows: WRITES },
  setOrgPredikat: { gate: ['ADMIN', 'LEADER'], rows: WRITES },
  importData: { gate: ['ADMIN'], rows: WRITES },
  disableAccount: { gate: ['ADMIN'], rows: WRITES },
  enableAccount: { gate: ['ADMIN'], rows: WRITES },
  exportPersonalData: { gate: ['ADMIN'], rows: WRITES },
  // The record decides (write-rules.ts): the direct supervisor writes and records, the employee answers and confirms.
  writeFeedbackNote: { gate: 'ACCOUNTS', rows: WRITES },
  answerFeedbackNote: { gate: 'ACCOUNTS', rows: WRITES },
  recordPerformanceDialogue: { gate: 'ACCOUNTS', rows: WRITES },
  confirmPerformanceDialogue: { gate: 'ACCOUNTS', rows: WRITES },
  linkDevelopmentAction: { gate: 'ACCOUNTS', rows: WRITES },
  markNoticesRead: { gate: 'ACCOUNTS', args: '(all: true)', rows: WRITES },
  // Employee changes of the year: administrators only; their effect on the scopes is in test/staffing.test.ts.
  transferEmployee: { gate: ['ADMIN'], rows: WRITES },
  changeSupervisor: { gate: ['ADMIN'], rows: WRITES },
  retireEmployee: { gate: ['ADMIN'], rows: WRITES },
  assignActingAssessor: { gate: ['ADMIN'], rows: WRITES },
  endActingAssignment: { gate: ['ADMIN'], rows: WRITES },
};

/** How much of a person a caller sees: FULL, PSEUDO (no nip/name), PROFILE (name, no performance data), NONE. */
type Level = 'FULL' | 'PSEUDO' | 'PROFILE' | 'NONE';
type Sees = Record<Relation, Level> & { outside: Level };

const ALL_FULL: Sees = {
  own: 'FULL',
  direct: 'FULL',
  directOtherAgency: 'FULL',
  indirect: 'FULL',
  indirectOtherAgency: 'FULL',
  objector: 'FULL',
  supervisor: 'FULL',
  sameAgency: 'FULL',
  otherAgency: 'FULL',
  formerReport: 'FULL',
  outside: 'FULL',
};
/** POLICY and ANALYST: their own record and their direct reports in full (linked rights), everyone else pseudonymised. */
const PSEUDONYMISED: Sees = {
  ...ALL_FULL,
  indirect: 'PSEUDO',
  indirectOtherAgency: 'PSEUDO',
  objector: 'PSEUDO',
  supervisor: 'PSEUDO',
  sameAgency: 'PSEUDO',
  otherAgency: 'PSEUDO',
  formerReport: 'PSEUDO',
  outside: 'PSEUDO',
};

/** The expectation table of people: role x relation (the `outside` column: people of other roles' cells). */
const SEES: Record<Role, Sees> = {
  ADMIN: ALL_FULL,
  LEADER: ALL_FULL,
  POLICY: PSEUDONYMISED,
  ANALYST: PSEUDONYMISED,
  // Everything of agency P; its own direct reports anywhere; its former report assessed in P: who they are.
  AGENCY_HEAD: {
    ...ALL_FULL,
    indirectOtherAgency: 'NONE',
    otherAgency: 'NONE',
    formerReport: 'PROFILE',
    outside: 'NONE',
  },
  // The whole reporting line, across agencies; who their supervisor and former report are.
  SUPERVISOR: {
    ...ALL_FULL,
    supervisor: 'PROFILE',
    sameAgency: 'NONE',
    otherAgency: 'NONE',
    formerReport: 'PROFILE',
    outside: 'NONE',
  },
  // Own record and direct reports; who their supervisor is, who objects to their report's assessment (they decide
  // it), and the former report they assessed.
  EMPLOYEE: {
    ...ALL_FULL,
    indirect: 'NONE',
    indirectOtherAgency: 'NONE',
    objector: 'PROFILE',
    supervisor: 'PROFILE',
    sameAgency: 'NONE',
    otherAgency: 'NONE',
    formerReport: 'PROFILE',
    outside: 'NONE',
  },
};

/** The anonymous caller of demo mode reads as an unlinked POLICY caller: everyone pseudonymised. */
const DEMO_SEES: Level = 'PSEUDO';

/** Which 2025 quarters of each person's evaluations a role sees (and other cells': all or none). */
type Quarters = readonly (1 | 2)[];
const BOTH: Quarters = [1, 2];
const EVALUATIONS: Record<Role, Record<Relation, Quarters> & { outside: Quarters }> = {
  ADMIN: { ...fill(BOTH), outside: BOTH },
  LEADER: { ...fill(BOTH), outside: BOTH },
  POLICY: { ...fill(BOTH), outside: BOTH },
  ANALYST: { ...fill(BOTH), outside: BOTH },
  AGENCY_HEAD: { ...fill(BOTH), indirectOtherAgency: [], otherAgency: [], formerReport: [1], outside: [] },
  SUPERVISOR: { ...fill(BOTH), supervisor: [], sameAgency: [], otherAgency: [], formerReport: [1], outside: [] },
  EMPLOYEE: {
    ...fill(BOTH),
    indirect: [],
    indirectOtherAgency: [],
    objector: [2],
    supervisor: [],
    sameAgency: [],
    otherAgency: [],
    formerReport: [1],
    outside: [],
  },
};

function fill<T>(value: T): Record<Relation, T> {
  return Object.fromEntries(RELATIONS.map((r) => [r, value])) as Record<Relation, T>;
}

/** The level of the table for a person: by relation in the role's own cell, `outside` in the other cells. */
function levelOf(role: Role, person: FixturePerson): Level {
  return person.role === role ? SEES[role][person.relation] : SEES[role].outside;
}

function quartersOf(role: Role, person: FixturePerson): Quarters {
  return person.role === role ? EVALUATIONS[role][person.relation] : EVALUATIONS[role].outside;
}

/** The fragment every Employee is read with: identity and one performance field (everyone has 8 JP in 2025). */
const E = 'fragment E on Employee { pseudonym nip name trainingHours(year: 2025) }';

interface EmployeeJson {
  pseudonym: string;
  nip: string | null;
  name: string | null;
  trainingHours: number | null;
}

/** The level an Employee object shows. */
function observed(employee: EmployeeJson): Level | 'INCONSISTENT' {
  const identified = employee.nip !== null;
  if (identified !== (employee.name !== null)) return 'INCONSISTENT';
  const performance = employee.trainingHours !== null;
  if (identified) return performance ? 'FULL' : 'PROFILE';
  return performance ? 'PSEUDO' : 'INCONSISTENT';
}

function isEmployeeJson(value: unknown): value is EmployeeJson {
  return typeof value === 'object' && value !== null && 'pseudonym' in value && 'trainingHours' in value;
}

/** Every Employee object anywhere in a response, with its path. */
function employeesIn(value: unknown, path = '$'): { path: string; employee: EmployeeJson }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => employeesIn(v, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const own = isEmployeeJson(value) ? [{ path, employee: value }] : [];
  return [...own, ...Object.entries(value).flatMap(([k, v]) => employeesIn(v, `${path}.${k}`))];
}

function errorsOf(body: GraphQLResponse<unknown>): string {
  return JSON.stringify(body.errors ?? [], null, 1);
}

/** A value of the right type for an argument, to get past validation to the gate. */
function dummy(type: GraphQLInputType): string {
  if (isNonNullType(type)) return dummy(type.ofType);
  if (isListType(type)) return '[]';
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type));
    return `{ ${fields.map((f) => `${f.name}: ${dummy(f.type)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    if (type.name === 'Int' || type.name === 'Float') return '0';
    if (type.name === 'Boolean') return 'false';
    if (type.name.startsWith('Date')) return '"2025-01-01T00:00:00Z"';
  }
  return '"x"';
}

function probeOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, args?: string): string {
  const required = field.args.filter((a) => isNonNullType(a.type));
  const argText = args ?? (required.length ? `(${required.map((a) => `${a.name}: ${dummy(a.type)}`).join(', ')})` : '');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${kind} { ${field.name}${argText}${selection} }`;
}

type GateOutcome = 'PASSED' | 'UNAUTHENTICATED' | 'FORBIDDEN';

/** Whether the gate refused: its own messages (the resolver's refusals come after the gate and do not count). */
function gateOutcome(body: GraphQLResponse<unknown>): GateOutcome {
  const error = body.errors?.[0];
  const code = error?.extensions?.code;
  // The gate's messages in Indonesian (the language of a request that asks for none).
  if (code === 'UNAUTHENTICATED' && error!.message.startsWith('Masuk (login) dulu')) return 'UNAUTHENTICATED';
  if (code === 'FORBIDDEN' && /tidak memiliki aturan akses|tidak tersedia bagi akun/.test(error!.message)) {
    return 'FORBIDDEN';
  }
  return 'PASSED';
}

function expectedGate(gate: Gate, caller: Caller): GateOutcome {
  if (gate === 'PUBLIC') return 'PASSED';
  if (caller === 'NOBODY') return 'UNAUTHENTICATED';
  if (caller === 'DEMO') return gate === 'VIEWERS' ? 'PASSED' : 'UNAUTHENTICATED';
  if (gate === 'VIEWERS' || gate === 'ACCOUNTS') return 'PASSED';
  return gate.includes(caller) ? 'PASSED' : 'FORBIDDEN';
}

/** Servers and headers of the callers over one fixture. */
interface Setup {
  db: TestDatabase;
  fixture: Fixture;
  server: TestServer;
  demo: TestServer;
  ask<T = Record<string, unknown>>(
    caller: Caller,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

async function setUp(): Promise<Setup> {
  const db = await createTestDatabase();
  const fixture = await buildAccessFixture(db.orm);
  const server = await startTestServer(db.orm, UNLIMITED_COST);
  const demo = await startTestServer(db.orm, { KINERJA_DEMO_DATA: 'true', ...UNLIMITED_COST });
  return {
    db,
    fixture,
    server,
    demo,
    ask(caller, query, variables) {
      if (caller === 'DEMO') return demo.graphql(query, variables);
      if (caller === 'NOBODY') return server.graphql(query, variables);
      return server.graphql(query, variables, fixture.headers[caller]);
    },
    async stop() {
      await server.stop();
      await demo.stop();
      await db.close();
    },
  };
}

describe('the access matrix', () => {
  let setup: Setup;
  let fx: Fixture;
  /** Cells checked, for the count printed at the end. */
  let cells = 0;

  beforeAll(async () => {
    setup = await setUp();
    fx = setup.fixture;
  });

  afterAll(async () => {
    console.log(`access matrix: ${cells} cells checked`);
    await setup?.stop();
  });

  it('has an expectation for every root field of the schema, and no other', async () => {
    const schema = await buildKinerjaSchema();
    const queryFields = Object.keys(schema.getQueryType()!.getFields()).sort();
    const mutationFields = Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();
    expect(queryFields, 'a query without an expectation in QUERIES (or an expectation without a query)').toEqual(
      Object.keys(QUERIES).sort(),
    );
    expect(mutationFields, 'a mutation without an expectation in MUTATIONS (or the other way round)').toEqual(
      Object.keys(MUTATIONS).sort(),
    );
    expect(schema.getSubscriptionType() ?? null).toBeNull();
  });

  it('gate: every query for every caller', async () => {
    const schema = await buildKinerjaSchema();
    const failures: string[] = [];
    for (const field of Object.values(schema.getQueryType()!.getFields())) {
      const expectation = QUERIES[field.name];
      if (!expectation) continue; // reported by the test above
      const probe = probeOf('query', field, expectation.args);
      for (const caller of CALLERS) {
        const body = await setup.ask(caller, probe);
        const outcome = gateOutcome(body);
        const wanted = expectedGate(expectation.gate, caller);
        cells++;
        if (outcome !== wanted)
          failures.push(`${field.name} as ${caller}: ${outcome}, expected ${wanted} ${errorsOf(body)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  describe('catalogue data is the same for every caller with a viewer', () => {
    const CATALOGUE = `{
      agencies { code name kind employeeCount }
      agency(code: "P_ADMIN") { code name employeeCount }
      criteria { code name weight }
      periods { year quarter status }
      currentPeriod { year quarter status }
      scoringPolicy { version }
      trainings(first: 50) { totalCount edges { node { code title hoursJp criteria } } }
      training(code: "TR1") { code title }
      completionShares(year: 2025, quarter: 1) { agency { code } expected shareSubmitted shareFinal }
    }`;

    it('answers agencies, agency, criteria, periods, currentPeriod, scoringPolicy, trainings, training and completionShares alike', async () => {
      const reference = await setup.ask('ADMIN', CATALOGUE);
      expect(reference.errors).toBeUndefined();
      expect((reference.data as { agencies: unknown[] }).agencies).toHaveLength(14);
      const shares = (reference.data as { completionShares: { expected: number }[] }).completionShares;
      expect(shares).toHaveLength(14);
      expect(shares.some((s) => s.expected > 0)).toBe(true);
      for (const caller of CALLERS.filter((c) => c !== 'NOBODY')) {
        const body = await setup.ask(caller, CATALOGUE);
        cells++;
        // extensions.cost differs per caller (their own budget): the data and errors must not.
        expect({ ...body, extensions: undefined }, caller).toEqual({ ...reference, extensions: undefined });
      }
    });
  });

  describe('rows by relation', () => {
    it('employee(pseudonym) and employee(nip): the level of the table, FORBIDDEN where it says NONE', async () => {
      const failures: string[] = [];
      const query = `query ($p: String, $n: String) { employee(pseudonym: $p, nip: $n) { ...E } } ${E}`;
      for (const role of ROLES) {
        for (const relation of RELATIONS) {
          const person = fx.person(role, relation);
          const level = SEES[role][relation];
          for (const by of ['pseudonym', 'nip'] as const) {
            const body = await setup.ask<{ employee: EmployeeJson | null }>(
              role,
              query,
              by === 'pseudonym' ? { p: person.pseudonym } : { n: person.nip },
            );
            cells++;
            const refusedAsPseudonymised = by === 'nip' && (role === 'POLICY' || role === 'ANALYST');
            const got = body.data?.employee ? observed(body.data.employee) : String(body.errors?.[0]?.extensions?.code);
            const wanted = refusedAsPseudonymised || level === 'NONE' ? 'FORBIDDEN' : level;
            if (got !== wanted)
              failures.push(`${role} ${relation} by ${by}: ${got}, expected ${wanted} ${errorsOf(body)}`);
            if (refusedAsPseudonymised && !body.errors?.[0]?.message.includes('employee(nip)')) {
              failures.push(`${role} by nip: the refusal does not name employee(nip): ${errorsOf(body)}`);
            }
          }
        }
      }
      expect(failures).toEqual([]);
    });

    it('a stranger gets the same FORBIDDEN for a NIP nobody has as for one outside their scope', async () => {
      const outside = fx.person('EMPLOYEE', 'sameAgency');
      const existing = await setup.ask('EMPLOYEE', `{ employee(nip: "${outside.nip}") { pseudonym } }`);
      const missing = await setup.ask('EMPLOYEE', '{ employee(nip: "199912312020121999") { pseudonym } }');
      const strip = (body: GraphQLResponse<unknown>) =>
        body.errors?.map((e) => ({ code: e.extensions?.code, message: e.message.replace(/\d{18}/, '<nip>') }));
      expect(strip(existing)).toEqual(strip(missing));
      expect(strip(existing)?.[0]?.code).toBe('FORBIDDEN');
      // Callers who see every row learn nothing new from NOT_FOUND.
      const admin = await setup.ask('ADMIN', '{ employee(nip: "199912312020121999") { pseudonym } }');
      expect(admin.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('evaluation(id): the quarters of the table, FORBIDDEN for the others', async () => {
      const failures: string[] = [];
      for (const role of ROLES) {
        for (const relation of RELATIONS) {
          const person = fx.person(role, relation);
          for (const quarter of [1, 2] as const) {
            const body = await setup.ask<{ evaluation: { id: number } | null }>(
              role,
              `{ evaluation(id: ${person.evaluations[quarter]}) { id employee { pseudonym } } }`,
            );
            cells++;
            const got = body.data?.evaluation ? 'VISIBLE' : String(body.errors?.[0]?.extensions?.code);
            const wanted = EVALUATIONS[role][relation].includes(quarter) ? 'VISIBLE' : 'FORBIDDEN';
            if (got !== wanted)
              failures.push(`${role} ${relation} Q${quarter}: ${got}, expected ${wanted} ${errorsOf(body)}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });

    it('transparency(pseudonym): only for the records the caller sees in full', async () => {
      const failures: string[] = [];
      for (const role of ROLES) {
        for (const relation of RELATIONS) {
          const person = fx.person(role, relation);
          const body = await setup.ask<{ transparency: unknown }>(
            role,
            `{ transparency(year: 2025, pseudonym: "${person.pseudonym}") { __typename } }`,
          );
          cells++;
          const got = body.data?.transparency ? 'VISIBLE' : String(body.errors?.[0]?.extensions?.code);
          const wanted = SEES[role][relation] === 'FULL' ? 'VISIBLE' : 'FORBIDDEN';
          if (got !== wanted) failures.push(`${role} ${relation}: ${got}, expected ${wanted} ${errorsOf(body)}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it('employees, Agency.employees and evaluations hold exactly the rows of the table, at its levels', async () => {
      const query = `query ($codes: [String!]) {
        employees(filter: { agencyCodes: $codes }, first: 500) { totalCount edges { node { ...E } } }
        all: employees(first: 500) { totalCount }
        p: agency(code: "P_ADMIN") { employees(first: 500) { totalCount edges { node { ...E } } } }
        evaluations(filter: { agencyCodes: $codes }, first: 500) { totalCount edges { node { id } } }
        allEvaluations: evaluations(first: 500) { totalCount }
      } ${E}`;
      type Rows = {
        employees: { totalCount: number; edges: { node: EmployeeJson }[] };
        all: { totalCount: number };
        p: { employees: { totalCount: number; edges: { node: EmployeeJson }[] } };
        evaluations: { totalCount: number; edges: { node: { id: number } }[] };
        allEvaluations: { totalCount: number };
      };
      const failures: string[] = [];
      for (const caller of [...ROLES, 'DEMO'] as const) {
        for (const cell of ROLES) {
          const body = await setup.ask<Rows>(caller, query, { codes: fx.agencyCodes(cell) });
          if (body.errors) {
            failures.push(`${caller} over ${cell}'s cell: ${errorsOf(body)}`);
            continue;
          }
          const data = body.data!;
          const cellPeople = fx.people.filter((p) => p.role === cell);
          const level = (p: FixturePerson) => (caller === 'DEMO' ? DEMO_SEES : levelOf(caller, p));
          const rows = (p: FixturePerson) => level(p) === 'FULL' || level(p) === 'PSEUDO';
          // employees: exactly the rows, each at its level.
          const listed = new Map(data.employees.edges.map((e) => [e.node.pseudonym, observed(e.node)]));
          const wantedList = new Map(cellPeople.filter(rows).map((p) => [p.pseudonym, level(p)]));
          cells += cellPeople.length;
          if (JSON.stringify([...listed].sort()) !== JSON.stringify([...wantedList].sort())) {
            failures.push(
              `${caller} employees of ${cell}'s cell: ${JSON.stringify([...listed])} expected ${JSON.stringify([...wantedList])}`,
            );
          }
          if (data.employees.totalCount !== wantedList.size) failures.push(`${caller} ${cell} totalCount`);
          // evaluations: exactly the evaluations of the table.
          const evaluations = new Set(data.evaluations.edges.map((e) => e.node.id));
          const callerRole = caller === 'DEMO' ? 'POLICY' : caller;
          const wantedEvaluations = new Set(
            cellPeople.flatMap((p) =>
              (callerRole === cell || caller === 'DEMO'
                ? quartersOf(callerRole, p)
                : EVALUATIONS[callerRole].outside
              ).map((q) => p.evaluations[q]),
            ),
          );
          if ([...evaluations].sort().join() !== [...wantedEvaluations].sort().join()) {
            const name = (id: number) => {
              const p = cellPeople.find((x) => x.evaluations[1] === id || x.evaluations[2] === id)!;
              return `${p.relation}/Q${p.evaluations[1] === id ? 1 : 2}`;
            };
            failures.push(
              `${caller} evaluations of ${cell}'s cell: ${[...evaluations].map(name).sort()} expected ${[...wantedEvaluations].map(name).sort()}`,
            );
          }
          if (cell === 'ADMIN') {
            // Agency.employees of P_ADMIN follows the same rows as employees filtered by agency.
            const inP = new Map(data.p.employees.edges.map((e) => [e.node.pseudonym, observed(e.node)]));
            const wantedP = [...wantedList].filter(
              ([pseudonym]) => fx.byPseudonym.get(pseudonym)!.agencyCode === 'P_ADMIN',
            );
            if (JSON.stringify([...inP].sort()) !== JSON.stringify(wantedP.sort())) {
              failures.push(
                `${caller} Agency.employees: ${JSON.stringify([...inP])} expected ${JSON.stringify(wantedP)}`,
              );
            }
            const allRows = fx.people.filter((p) => {
              const l = caller === 'DEMO' ? DEMO_SEES : levelOf(caller, p);
              return l === 'FULL' || l === 'PSEUDO';
            }).length;
            if (data.all.totalCount !== allRows) {
              failures.push(`${caller} all employees: ${data.all.totalCount} expected ${allRows}`);
            }
          }
        }
      }
      expect(failures).toEqual([]);
    });
  });

  describe('annualResults', () => {
    it('holds exactly the rows employees lists, at the same levels (after the results writer wrote them)', async () => {
      // The fixture inserts evaluations directly; the writer stores their annual results as the write paths do.
      await rewriteResults(setup.db.orm);
      const [{ n: stored }] = await setup.db.orm.em
        .fork()
        .getConnection()
        .execute<{ n: number }[]>('select count(*)::int as n from annual_result where year = 2025');
      expect(stored).toBe(fx.people.length);
      const query = `{ annualResults(filter: { year: 2025 }, first: 500, orderBy: EMPLOYEE_ASC) {
        totalCount edges { node { employee { ...E } } } } } ${E}`;
      const failures: string[] = [];
      for (const caller of [...ROLES, 'DEMO'] as const) {
        const body = await setup.ask<{
          annualResults: { totalCount: number; edges: { node: { employee: EmployeeJson } }[] };
        }>(caller, query);
        if (body.errors) {
          failures.push(`${caller}: ${errorsOf(body)}`);
          continue;
        }
        const level = (p: FixturePerson) => (caller === 'DEMO' ? DEMO_SEES : levelOf(caller, p));
        const listed = body.data!.annualResults.edges.map((e) => [
          e.node.employee.pseudonym,
          observed(e.node.employee),
        ]);
        const wanted = fx.people
          .filter((p) => level(p) === 'FULL' || level(p) === 'PSEUDO')
          .map((p) => [p.pseudonym, level(p)]);
        cells += fx.people.length;
        if (JSON.stringify(listed.sort()) !== JSON.stringify(wanted.sort())) {
          failures.push(`${caller}: ${JSON.stringify(listed)} expected ${JSON.stringify(wanted)}`);
        }
        if (body.data!.annualResults.totalCount !== wanted.length) failures.push(`${caller} totalCount`);
      }
      expect(failures).toEqual([]);
    });
  });

  describe('nested paths', () => {
    /** One query over every path that reaches a person; each person met must show the table's level. */
    const BROAD = `query ($codes: [String!]) {
      me { employee { ...E
        supervisor { ...E supervisor { ...E } subordinates { ...E } }
        subordinates { ...E subordinates { ...E evaluations { id } } }
        evaluations { id assessor { ...E } employee { ...E }
          objections { filedBy { ...E } decidedBy { ...E } } }
        innovations { employee { ...E } verifiedBy { ...E } }
        participations { employee { ...E } }
      } }
      employees(filter: { agencyCodes: $codes }, first: 500) { edges { node { ...E
        supervisor { ...E } subordinates { ...E }
        evaluations { assessor { ...E } objections { filedBy { ...E } decidedBy { ...E } } }
        innovations { verifiedBy { ...E } }
      } } }
      evaluations(filter: { agencyCodes: $codes }, first: 500) { edges { node {
        employee { ...E supervisor { ...E } subordinates { ...E } }
        assessor { ...E supervisor { ...E } }
        objections { filedBy { ...E } decidedBy { ...E } }
      } } }
      agencies { employees(first: 500) { edges { node { ...E supervisor { ...E } } } } }
      trainings(first: 50) { edges { node { participants { employee { ...E } } } } }
    } ${E}`;

    const COMPLETION = `{ completion(year: 2025, quarter: 1) { groups { assessor { ...E } pending { employee { ...E } } } } } ${E}`;

    /** A path that ends in a relation from one person to another. */
    const RELATION_PATH = /\.(supervisor|subordinates\[\d+\]|assessor|verifiedBy|decidedBy)$/;

    function check(caller: Role | 'DEMO', body: GraphQLResponse<unknown>, failures: string[], what: string): void {
      if (body.errors) failures.push(`${caller} ${what}: ${errorsOf(body)}`);
      for (const { path, employee } of employeesIn(body.data)) {
        const person = fx.byPseudonym.get(employee.pseudonym);
        if (!person) {
          failures.push(`${caller} ${what} ${path}: unknown person ${employee.pseudonym}`);
          continue;
        }
        const wanted = caller === 'DEMO' ? DEMO_SEES : levelOf(caller, person);
        const got = observed(employee);
        cells++;
        if (got !== wanted) {
          failures.push(
            `${caller} ${what} ${path}: ${person.role}/${person.relation} shows ${got}, expected ${wanted}`,
          );
        }
        // Deliberate change (docs/privacy.md): pseudonymised callers follow a link from one person to another only
        // to someone they see in full; a pseudonym at the end of a relation would rebuild the organisation chart.
        if (got === 'PSEUDO' && RELATION_PATH.test(path)) {
          failures.push(`${caller} ${what} ${path}: a relation leads to the pseudonymised ${person.relation}`);
        }
      }
    }

    it('every person reached by any path shows exactly the level of the table; NONE never appears', async () => {
      const failures: string[] = [];
      for (const caller of [...ROLES, 'DEMO'] as const) {
        const cell: Role = caller === 'DEMO' ? 'POLICY' : caller;
        const body = await setup.ask(caller, BROAD, { codes: fx.agencyCodes(cell) });
        check(caller, body, failures, 'broad query');
        if (caller !== 'DEMO') check(caller, await setup.ask(caller, COMPLETION), failures, 'completion');
      }
      expect(failures).toEqual([]);
    });

    it('lists reached through a person hold the people the table shows: subordinates, participants', async () => {
      const failures: string[] = [];
      for (const role of ROLES) {
        const body = await setup.ask<{
          me: {
            employee: {
              supervisor: { subordinates: EmployeeJson[] } | null;
              subordinates: { pseudonym: string; subordinates: EmployeeJson[] }[];
            };
          };
          trainings: { edges: { node: { participants: { employee: EmployeeJson }[] } }[] };
        }>(
          role,
          `{ me { employee { supervisor { subordinates { ...E } } subordinates { pseudonym subordinates { ...E } } } }
             trainings { edges { node { participants { employee { ...E } } } } } } ${E}`,
        );
        if (body.errors) {
          failures.push(`${role}: ${errorsOf(body)}`);
          continue;
        }
        const me = body.data!.me.employee;
        // Deliberate change (docs/privacy.md): pseudonymised callers follow relations to people they see in full only.
        const follows = (r: Relation) =>
          SEES[role][r] !== 'NONE' && (!['POLICY', 'ANALYST'].includes(role) || SEES[role][r] === 'FULL');
        const direct = me.subordinates.find((s) => s.pseudonym === fx.person(role, 'direct').pseudonym)!;
        const wantedUnderDirect = (['indirect', 'objector'] as const).filter(follows);
        const gotUnderDirect = direct.subordinates.map((s) => fx.byPseudonym.get(s.pseudonym)!.relation).sort();
        cells++;
        if (gotUnderDirect.join() !== [...wantedUnderDirect].sort().join()) {
          failures.push(`${role} direct.subordinates: ${gotUnderDirect} expected ${wantedUnderDirect}`);
        }
        // The supervisor's subordinates: the caller, and sameAgency when visible.
        const underSupervisor = (me.supervisor?.subordinates ?? [])
          .map((s) => fx.byPseudonym.get(s.pseudonym)!.relation)
          .sort();
        const wantedUnderSupervisor = (['own', 'sameAgency'] as const).filter(follows).sort();
        cells++;
        if (follows('supervisor') !== (me.supervisor !== null)) {
          failures.push(`${role} supervisor: ${me.supervisor === null ? 'null' : 'shown'}, expected the opposite`);
        }
        if (follows('supervisor') && underSupervisor.join() !== wantedUnderSupervisor.join()) {
          failures.push(`${role} supervisor.subordinates: ${underSupervisor} expected ${wantedUnderSupervisor}`);
        }
        // Training participants: people whose performance data the caller sees (FULL or PSEUDO), of every cell.
        const participants = body.data!.trainings.edges.flatMap((e) =>
          e.node.participants.map((p) => p.employee.pseudonym),
        );
        const wantedParticipants = fx.people.filter((p) => ['FULL', 'PSEUDO'].includes(levelOf(role, p)));
        cells++;
        if (
          participants.sort().join() !==
          wantedParticipants
            .map((p) => p.pseudonym)
            .sort()
            .join()
        ) {
          failures.push(`${role} participants: ${participants.length} expected ${wantedParticipants.length}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it('me answers the caller, their own record in full, and their scope', async () => {
      for (const role of ROLES) {
        const body = await setup.ask<{
          me: {
            role: string;
            employee: EmployeeJson;
            scope: { pseudonymised: boolean; directReports: number; lineSize: number };
          };
        }>(role, `{ me { role employee { ...E } scope { pseudonymised directReports lineSize } } } ${E}`);
        cells++;
        expect(body.errors, role).toBeUndefined();
        expect(body.data!.me.role).toBe(role);
        expect(body.data!.me.employee.pseudonym).toBe(fx.person(role, 'own').pseudonym);
        expect(observed(body.data!.me.employee)).toBe('FULL');
        expect(body.data!.me.scope).toEqual({
          pseudonymised: role === 'POLICY' || role === 'ANALYST',
          directReports: 2,
          // direct, directOtherAgency, indirect, objector, indirectOtherAgency
          lineSize: 5,
        });
      }
    });
  });

  it('free text about a case (objection reason, decision note, evidence) is null for pseudonymised callers', async () => {
    const query = `query ($id: Int!) { evaluation(id: $id) { scores { evidence } objections { reason decisionNote } } }`;
    for (const caller of ['ADMIN', 'POLICY', 'ANALYST', 'DEMO'] as const) {
      const person = fx.person('ADMIN', 'direct');
      const body = await setup.ask<{
        evaluation: {
          scores: { evidence: string | null }[];
          objections: { reason: string | null; decisionNote: string | null }[];
        };
      }>(caller, query, { id: person.evaluations[2] });
      cells++;
      expect(body.errors, caller).toBeUndefined();
      const hidden = caller !== 'ADMIN';
      expect(body.data!.evaluation.scores[0]!.evidence).toBe(hidden ? null : `Catatan kerja ${person.name}`);
      expect(body.data!.evaluation.objections[0]).toEqual(
        hidden
          ? { reason: null, decisionNote: null }
          : {
              reason: `Keberatan ${person.name}`,
              decisionNote: `Diputuskan oleh ${fx.person('ADMIN', 'supervisor').name}`,
            },
      );
    }
  });

  it('refuses pseudonymised callers every lookup or order by name or NIP, naming the argument', async () => {
    const nip = fx.person('ADMIN', 'own').nip;
    const cases: [string, string][] = [
      [`{ employee(nip: "${nip}") { pseudonym } }`, 'employee(nip)'],
      ['{ employees(filter: { search: "Nama" }) { totalCount } }', 'filter.search'],
      [`{ employees(filter: { search: "${nip.slice(0, 6)}" }) { totalCount } }`, 'filter.search'],
      ['{ employees(orderBy: NAME_ASC) { totalCount } }', 'orderBy: NAME_ASC'],
      ['{ employees(orderBy: NAME_DESC) { totalCount } }', 'orderBy: NAME_DESC'],
      ['{ employees(orderBy: NIP_ASC) { totalCount } }', 'orderBy: NIP_ASC'],
      [`{ evaluations(filter: { assessorNip: "${nip}" }) { totalCount } }`, 'filter.assessorNip'],
    ];
    for (const caller of ['POLICY', 'ANALYST', 'DEMO'] as const) {
      for (const [query, argument] of cases) {
        const body = await setup.ask(caller, query);
        cells++;
        expect(body.errors?.[0]?.extensions?.code, `${caller} ${query}`).toBe('FORBIDDEN');
        expect(body.errors?.[0]?.message, `${caller} ${query}`).toContain(argument);
      }
      // Without those, they read every row by pseudonym, in pseudonym order.
      const body = await setup.ask<{ employees: { totalCount: number; edges: { node: { pseudonym: string } }[] } }>(
        caller,
        '{ employees(first: 500) { totalCount edges { node { pseudonym } } } }',
      );
      const pseudonyms = body.data!.employees.edges.map((e) => e.node.pseudonym);
      expect(pseudonyms).toEqual([...pseudonyms].sort());
      expect(body.data!.employees.totalCount).toBe(fx.people.length);
    }
    // Callers who may identify people may do all of it.
    for (const [query] of cases) {
      const body = await setup.ask('ADMIN', query);
      cells++;
      expect(body.errors, `ADMIN ${query}`).toBeUndefined();
    }
  });
});

describe('the access matrix: mutations', () => {
  let setup: Setup;

  beforeAll(async () => {
    // A database of its own: mutations that pass the gate run with dummy arguments and may write.
    setup = await setUp();
  });

  afterAll(async () => {
    await setup?.stop();
  });

  it('gate: every mutation for every caller', async () => {
    const schema = await buildKinerjaSchema();
    const failures: string[] = [];
    let count = 0;
    for (const field of Object.values(schema.getMutationType()!.getFields())) {
      const expectation = MUTATIONS[field.name];
      if (!expectation) continue; // reported by the matrix's first test
      const probe = probeOf('mutation', field, expectation.args);
      for (const caller of CALLERS) {
        const body = await setup.ask(caller, probe);
        const outcome = gateOutcome(body);
        const wanted = expectedGate(expectation.gate, caller);
        count++;
        if (outcome !== wanted)
          failures.push(`${field.name} as ${caller}: ${outcome}, expected ${wanted} ${errorsOf(body)}`);
        // A refused mutation never reaches its resolver: the refusal is the only answer.
        if (outcome !== 'PASSED' && body.data && Object.values(body.data).some((v) => v !== null)) {
          failures.push(`${field.name} as ${caller}: refused but answered data`);
        }
      }
    }
    console.log(`access matrix: ${count} mutation gate cells checked`);
    expect(failures).toEqual([]);
  });
});

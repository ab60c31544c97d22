import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

/** Example operations shown in GraphiQL on first open; each runs against the demo data. */
export const EXAMPLE_QUERIES = `# Kinerja GraphQL API: examples. Press the play button and pick an operation.
# Every type, field and argument is described in the Docs panel (the book icon).
# In demo mode you read as a POLICY caller: individual rows are pseudonymised (nip and name are null).
# Send a token as the header {"Authorization": "Bearer <token>"} (Headers tab below) to read as your own account,
# or run LogIn: the session cookie it sets makes the next queries run as that account (demo accounts: see the start
# command's output).

query Agencies {
  agencies {
    code
    name
    kind
    employeeCount
  }
}

query EmployeesOfDinasPendidikan {
  employees(filter: { agencyCodes: ["DISDIK"] }, first: 5) {
    totalCount
    edges {
      node {
        pseudonym
        nip
        name
        employmentType
        positionType
        annualResult(year: 2025) {
          score
          hasilKerjaRating
          perilakuKerjaRating
          predikat
          note
        }
        trainingHours(year: 2025)
      }
    }
  }
}

query OneEmployeeByPseudonym($pseudonym: String = "paste a pseudonym from the query above") {
  employee(pseudonym: $pseudonym) {
    pseudonym
    position
    evaluations(year: 2025) {
      period { year quarter status }
      status
      hasilKerjaScore
      perilakuKerjaScore
      score
      predikat
      scores { criterion { code name category weight } score derivedFromIndicator }
    }
  }
}

mutation LogIn {
  login(login: "kabid", password: "sibolga-demo") {
    expiresAt
    user { login role employee { name position } }
  }
}

query WhoAmI {
  me {
    login
    role
    scope { description lineSize pseudonymised }
  }
}

# The quarter in progress (on first start the demo leaves its day's quarter OPEN: see periods) and how far each
# agency is with it; every caller may read these shares.
query ProgressOfTheQuarter($year: Int = 2026, $quarter: Int = 4) {
  periods { year quarter status }
  completionShares(year: $year, quarter: $quarter) {
    agency { code name }
    expected
    shareSubmitted
    shareFinal
  }
}

# The period in progress: the open one with the latest start, else the latest closed one.
query CurrentPeriod {
  currentPeriod { year quarter label status }
}

# The best stored annual results of 2025 (a page of 10, highest score first); pass pageInfo.endCursor as after
# for the next page. In demo mode the employees are pseudonymised.
query BestAnnualResults2025 {
  annualResults(
    filter: { year: 2025, predikats: [SANGAT_BAIK, BAIK], minScore: 100 }
    first: 10
    orderBy: SCORE_DESC
  ) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        employee { pseudonym name }
        agency { code }
        year
        hasilKerjaScore
        perilakuKerjaScore
        score
        hasilKerjaRating
        perilakuKerjaRating
        predikat
        innovationCount
        frozen
      }
    }
  }
}

# Analytics (docs/analytics.md): aggregates of counted evaluations. For POLICY, ANALYST and the demo's anonymous caller
# a group of fewer than 5 employees is suppressed (numbers null, suppressed true, note says why).
query PerformanceTrendPerAgency {
  performanceTrend(input: { groupBy: AGENCY, from: { year: 2025, quarter: 1 }, to: { year: 2025, quarter: 4 } }) {
    periodLabel
    key
    label
    n
    mean
    median
    stddev
    p25
    p75
    suppressed
    note
  }
}

query ScoreStatisticsByPositionAndGender {
  scoreStatistics(input: { groupBy: [POSITION_TYPE, GENDER], filter: { from: { year: 2025, quarter: 1 } } }) {
    keys { dimension value label }
    n
    mean
    stddev
    min
    p25
    median
    p75
    max
    predikatCounts { predikat count share }
    suppressed
    note
  }
}

query AgencyComparisonOfTheYear($year: Int = 2025) {
  agencyComparison(year: $year) {
    rank
    agency { code name }
    n
    meanScore
    predikatCounts { predikat count share }
    criterionMeans { criterion mean }
    trainingJpPerEmployee
    shareMeeting20Jp
    suppressed
    note
  }
}

query DistributionCheckOfDinasPendidikan($year: Int = 2025) {
  distributionCheck(agencyCode: "DISDIK", year: $year) {
    orgPredikat
    counts { predikat count share }
    rules { rule met detail }
    met
    suppressed
    note
  }
}

query ScoringPolicyInForce {
  scoringPolicy {
    version
    categoryWeights { HASIL_KERJA PERILAKU_KERJA }
    ratingThresholds { diAtas sesuai }
    innovationRule
  }
}

# Did a training lift the scores? Difference in differences against untrained colleagues of the same agency
# (suppressed for every caller with fewer than 5 treated or control employees).
query TrainingImpact($trainingCode: String, $agencyCode: String) {
  trainingImpact(input: { trainingCode: $trainingCode, agencyCode: $agencyCode, window: 2 }) {
    nTreated
    nControl
    treatedPre
    treatedPost
    controlPre
    controlPost
    effect
    ciLow
    ciHigh
    preTrend { effect ciLow ciHigh }
    suppressed
    note
  }
}

# Lenient or severe assessors (log in as a leader, policy staff or analyst; assessors are pseudonymised for the last two).
query RaterObjectivity {
  raterObjectivity(input: { from: { year: 2025, quarter: 1 }, to: { year: 2025, quarter: 4 } }) {
    assessor { pseudonym name }
    nEmployees
    meanGiven
    leniency
    z
    flags
    suppressed
    note
  }
}

# Who needs which training (two low scores in a row on a criterion; log in as a leader, agency head or supervisor).
query TrainingNeeds($agencyCode: String = "DISDIK") {
  trainingNeeds(agencyCode: $agencyCode) {
    employee { pseudonym name }
    criterion
    scores { year quarter score }
    trainings { code title }
    developmentActionsAgreed
  }
}

# Continuous feedback (docs/dialogue.md). As a supervisor (demo: kepsek), write a note to a direct report; the
# employee (demo: guru) gets a notice. Only the two, the line and the agency head read the text.
mutation WriteFeedbackNote($nip: String = "paste the NIP of a direct report", $year: Int = 2026, $quarter: Int = 4) {
  writeFeedbackNote(input: {
    employeeNip: $nip, year: $year, quarter: $quarter
    wentWell: "Laporan kelas selalu tepat waktu"
    toImprove: "Administrasi nilai siswa"
    agreedActions: [{ text: "Ikut bimtek e-rapor", targetYear: 2027, targetQuarter: 1 }]
  }) { id answered }
}

# As the employee: the unread notices, then the notes written to you.
query MyNotices {
  notices(unreadOnly: true) { unreadCount items { id kind createdAt note { wentWell toImprove author { name } } } }
}

mutation AnswerFeedbackNote($noteId: Int = 1) {
  answerFeedbackNote(input: { noteId: $noteId, answer: "Terima kasih, saya daftar bimtek bulan depan" }) {
    answered acknowledgedAt
  }
}

# The quarterly performance dialogue, with a development action on a criterion (the supervisor records it).
mutation RecordPerformanceDialogue($nip: String = "paste the NIP of a direct report") {
  recordPerformanceDialogue(input: {
    employeeNip: $nip, year: 2026, quarter: 4, heldOn: "2026-11-20"
    pointsAgreed: "Target kelulusan dan administrasi nilai", followUps: "Pantau tiap bulan"
    developmentActions: [{ description: "Bimtek penilaian", criterionCode: "PROFESIONALISME",
                           trainingKind: BIMTEK, targetYear: 2027, targetQuarter: 1 }]
  }) { id confirmed developmentActions { id criterionCode trainingKind } }
}

# Counts only, without any text, for the city's overseers (ADMIN, LEADER, POLICY, ANALYST, agency heads).
query FeedbackCounts($year: Int = 2026) {
  feedbackCounts(year: $year) {
    agency { code } notesWritten notesAnswered dialoguesHeld dialoguesConfirmed developmentActions suppressed
  }
}

# Accounts (administrators): search by login, name or NIP; role, last login and whether disabled.
query Accounts($search: String = "guru") {
  accounts(filter: { search: $search }, first: 20) {
    totalCount
    edges { node { login role active lastLoginAt employee { nip name } } }
  }
}

# Innovations waiting for your verification (a supervisor's direct reports, an agency head's agency, or all for ADMIN).
query InnovationsToVerify {
  innovationsToVerify {
    id
    title
    year
    quarter
    employee { nip name }
  }
}

# An upload of the import (administrators): POST the CSV files as multipart/form-data to /api/import (with the header
# apollo-require-preflight: true); it answers {"jobId": "..."}. Poll the job for the progress bar and the report.
query ImportJob($id: ID! = "paste the jobId of the upload") {
  importJob(id: $id) {
    state
    phase
    progress
    rowsDone
    rowsTotal
    file
    report { ok committed errorCount errors { file line column value message code } }
  }
}
`;

let page: string | null = null;

/** GraphiQL as one self-contained page: scripts, styles and workers inlined, nothing fetched from the internet. */
export function graphiqlPage(): string {
  page ??= renderGraphiQL({
    title: 'Kinerja GraphQL',
    defaultQuery: EXAMPLE_QUERIES,
    endpoint: '/graphql',
  } as Parameters<typeof renderGraphiQL>[0]);
  return page;
}

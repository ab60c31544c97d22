import { graphql } from '../../gql';

/** The documents of Penilaian (docs/dashboard.md "Penilaian"). */
export const PENILAIAN_START = graphql(`
  query PenilaianStart {
    currentPeriod {
      year
      quarter
      label
      status
    }
    scoringPolicy {
      version
      categoryWeights {
        HASIL_KERJA
        PERILAKU_KERJA
      }
      ratingThresholds {
        diAtas
        sesuai
      }
      scoreMax
      innovationRule
      minJpPerYearPns
      maxJpPerYearPppk
    }
  }
`);

export const PENILAIAN_REPORTS = graphql(`
  query PenilaianReports($year: Int!) {
    me {
      employee {
        nip
        name
        subordinates {
          nip
          name
          position
          agency {
            code
          }
          evaluations(year: $year) {
            id
            status
            version
            period {
              year
              quarter
            }
          }
        }
      }
    }
  }
`);

export const PENILAIAN_CRITERIA = graphql(`
  query PenilaianCriteria($agencyCode: String!, $year: Int!) {
    criteria(agencyCode: $agencyCode, year: $year) {
      code
      name
      category
      weight
      target
      direction
      indicatorUnit
    }
  }
`);

export const PENILAIAN_EVALUATION = graphql(`
  query PenilaianEvaluation($id: Int!) {
    evaluation(id: $id) {
      ...PenilaianEvaluationFields
    }
  }
`);

export const EVALUATION_FIELDS = graphql(`
  fragment PenilaianEvaluationFields on Evaluation {
    id
    version
    status
    score
    predikat
    hasilKerjaRating
    perilakuKerjaRating
    employee {
      nip
      name
    }
    assessor {
      nip
      name
    }
    period {
      year
      quarter
      label
    }
    scores {
      criterion {
        code
        name
        category
        weight
        target
        direction
      }
      score
      realisation
      evidence
      derivedFromIndicator
    }
    objections {
      id
      reason
      status
      decisionNote
    }
  }
`);

export const SAVE_DRAFT = graphql(`
  mutation PenilaianSave($input: SaveEvaluationDraftInput!) {
    saveEvaluationDraft(input: $input) {
      ...PenilaianEvaluationFields
    }
  }
`);

export const SUBMIT = graphql(`
  mutation PenilaianSubmit($input: EvaluationStepInput!) {
    submitEvaluation(input: $input) {
      ...PenilaianEvaluationFields
    }
  }
`);

export const OBJECTED = graphql(`
  query PenilaianObjected {
    evaluations(filter: { status: [OBJECTED] }, first: 50) {
      edges {
        node {
          ...PenilaianEvaluationFields
        }
      }
    }
  }
`);

export const DECIDE = graphql(`
  mutation PenilaianDecide($input: DecideObjectionInput!) {
    decideObjection(input: $input) {
      ...PenilaianEvaluationFields
    }
  }
`);

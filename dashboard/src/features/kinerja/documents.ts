import { graphql } from '../../gql';

/** The documents of Kinerja Saya (docs/dashboard.md "Kinerja Saya"). */
export const KINERJA_START = graphql(`
  query KinerjaStart {
    currentPeriod {
      year
    }
  }
`);

export const KINERJA_SAYA = graphql(`
  query KinerjaSaya($year: Int!) {
    me {
      employee {
        nip
        name
        position
        rank
        employmentType
        agency {
          code
          name
        }
        supervisor {
          name
          position
        }
        evaluations(year: $year) {
          id
          version
          status
        }
      }
    }
    transparency(year: $year) {
      year
      policyVersion
      employmentType
      hasilKerjaWeight
      perilakuKerjaWeight
      thresholdDiAtas
      thresholdSesuai
      assessor {
        name
        position
        agencyCode
      }
      criteria {
        code
        name
        category
        weight
        target
        direction
        indicatorUnit
        description
      }
      quarters {
        evaluationId
        quarter
        label
        status
        periodStatus
        countsInAnnual
        resultsStored
        assessor {
          name
        }
        scores {
          criterionCode
          criterionName
          category
          weight
          score
          weightedScore
          evidence
          formula
          realisation
          target
          indicatorUnit
        }
        hasilKerja {
          formula
          score
          rating
          ratingRule
        }
        perilakuKerja {
          formula
          score
          rating
          ratingRule
        }
        score
        scoreFormula
        matrixCell
        predikat
        note
      }
      annual {
        quarterCount
        hasilKerjaScore
        hasilKerjaFormula
        hasilKerjaRating
        perilakuKerjaScore
        perilakuKerjaFormula
        perilakuKerjaRating
        score
        scoreFormula
        matrixCell
        predikatBeforeInnovationRule
        innovationCount
        innovationRule
        innovationRuleApplied
        predikat
        note
      }
      training {
        jp
        ruleJp
        met
        missingJp
        rule
      }
    }
  }
`);

export const ACKNOWLEDGE = graphql(`
  mutation KinerjaAcknowledge($input: EvaluationStepInput!) {
    acknowledgeEvaluation(input: $input) {
      id
      version
      status
    }
  }
`);

export const OBJECT = graphql(`
  mutation KinerjaObject($input: ObjectToEvaluationInput!) {
    objectToEvaluation(input: $input) {
      id
      version
      status
    }
  }
`);

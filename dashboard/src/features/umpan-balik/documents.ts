import { graphql } from '../../gql';

/** The documents of the feedback page and the notices badge (docs/dialogue.md, docs/dashboard.md). */
export const NOTICE_COUNT = graphql(`
  query NoticeCount {
    notices(unreadOnly: true, first: 1) {
      unreadCount
    }
  }
`);

export const FEEDBACK_PAGE = graphql(`
  query FeedbackPage {
    me {
      employee {
        nip
        name
        subordinates {
          nip
          name
          position
        }
      }
    }
    currentPeriod {
      year
      quarter
    }
    notices(first: 50) {
      unreadCount
      items {
        id
        kind
        createdAt
        readAt
        noteId
        evaluationId
        dialogueId
      }
    }
    feedbackNotes(first: 100) {
      id
      year
      quarter
      wentWell
      toImprove
      agreedActions {
        text
        targetYear
        targetQuarter
      }
      answer
      answered
      acknowledgedAt
      createdAt
      employee {
        nip
        name
      }
      author {
        nip
        name
      }
    }
  }
`);

export const WRITE_NOTE = graphql(`
  mutation WriteNote($input: WriteFeedbackNoteInput!) {
    writeFeedbackNote(input: $input) {
      id
    }
  }
`);

export const ANSWER_NOTE = graphql(`
  mutation AnswerNote($input: AnswerFeedbackNoteInput!) {
    answerFeedbackNote(input: $input) {
      id
      answered
    }
  }
`);

export const MARK_READ = graphql(`
  mutation MarkNoticesRead($ids: [Int!], $all: Boolean) {
    markNoticesRead(ids: $ids, all: $all)
  }
`);

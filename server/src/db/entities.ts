import { Agency } from '../modules/agency/agency.entity.js';
import { Criterion } from '../modules/criteria/criterion.entity.js';
import { Evaluation } from '../modules/evaluations/evaluation.entity.js';
import { EvaluationScore } from '../modules/evaluations/evaluation-score.entity.js';
import { Innovation } from '../modules/innovation/innovation.entity.js';
import { Objection } from '../modules/evaluations/objection.entity.js';
import { OrgPerformance } from '../modules/org-performance/org-performance.entity.js';
import { Period } from '../modules/periods/period.entity.js';
import { AuditLog } from '../modules/audit/audit-log.entity.js';
import { User } from '../modules/auth/user.entity.js';
import { Employee } from '../modules/employee/employee.entity.js';
import { Participation } from '../modules/training/participation.entity.js';
import { Training } from '../modules/training/training.entity.js';
import { FeedbackNote } from '../modules/dialogue/feedback-note.entity.js';
import { DevelopmentAction, PerformanceDialogue } from '../modules/dialogue/performance-dialogue.entity.js';
import { Notice } from '../modules/notices/notice.entity.js';

/** Every entity, listed explicitly (no folder scanning: the same list works from src under vitest and from dist). */
export const ENTITIES = [
  Agency,
  Employee,
  Criterion,
  Period,
  Evaluation,
  EvaluationScore,
  Objection,
  Innovation,
  OrgPerformance,
  Training,
  Participation,
  AuditLog,
  User,
  FeedbackNote,
  PerformanceDialogue,
  DevelopmentAction,
  Notice,
];

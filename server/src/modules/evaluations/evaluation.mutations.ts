import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { accountScope } from '../access/write-rules.js';
import { Evaluation } from './evaluation.entity.js';
import {
  DecideObjectionInput,
  EvaluationStepInput,
  ObjectToEvaluationInput,
  SaveEvaluationDraftInput,
} from './evaluation.inputs.js';
import { EvaluationType } from './evaluation.types.js';
import {
  acknowledge,
  decideObjection,
  finalise,
  object,
  saveDraft,
  submit,
  type WorkflowActor,
} from './evaluation.workflow.js';

/** The evaluation as committed, read afresh so that every field answers the new state. */
async function committed(em: EntityManager, id: number): Promise<Evaluation> {
  return em.findOneOrFail(Evaluation, { id }, { populate: ['period'], refresh: true });
}

function actorOf(ctx: Context): WorkflowActor {
  return { scope: accountScope(ctx), policy: ctx.policy };
}

/** Mutations of the evaluation life cycle; the rules live in evaluation.workflow.ts. */
@Resolver()
export class EvaluationMutations {
  @Mutation(() => EvaluationType, {
    description:
      'Saves scores (with evidence) of a DRAFT evaluation, or starts one for an employee and period. The direct ' +
      'supervisor or an administrator; OPEN periods only; a stale `version` is refused with CONFLICT.',
  })
  async saveEvaluationDraft(
    @Ctx() ctx: Context,
    @Arg('input', () => SaveEvaluationDraftInput, { description: 'The evaluation, its version and the scores.' })
    input: SaveEvaluationDraftInput,
  ): Promise<Evaluation> {
    return committed(ctx.em, await saveDraft(ctx.em, actorOf(ctx), input));
  }

  @Mutation(() => EvaluationType, {
    description: 'Submits a DRAFT evaluation to the employee (status SUBMITTED): the direct supervisor or an admin.',
  })
  async submitEvaluation(
    @Ctx() ctx: Context,
    @Arg('input', () => EvaluationStepInput, { description: 'The evaluation and its version.' })
    input: EvaluationStepInput,
  ): Promise<Evaluation> {
    return committed(ctx.em, await submit(ctx.em, actorOf(ctx), input));
  }

  @Mutation(() => EvaluationType, {
    description: 'The employee acknowledges a SUBMITTED evaluation (status ACKNOWLEDGED).',
  })
  async acknowledgeEvaluation(
    @Ctx() ctx: Context,
    @Arg('input', () => EvaluationStepInput, { description: 'The evaluation and its version.' })
    input: EvaluationStepInput,
  ): Promise<Evaluation> {
    return committed(ctx.em, await acknowledge(ctx.em, actorOf(ctx), input));
  }

  @Mutation(() => EvaluationType, {
    description:
      "The employee files an objection (keberatan) against a SUBMITTED evaluation (status OBJECTED); the assessor's " +
      'superior decides it.',
  })
  async objectToEvaluation(
    @Ctx() ctx: Context,
    @Arg('input', () => ObjectToEvaluationInput, { description: 'The evaluation, its version and the reason.' })
    input: ObjectToEvaluationInput,
  ): Promise<Evaluation> {
    return committed(ctx.em, await object(ctx.em, actorOf(ctx), input));
  }

  @Mutation(() => EvaluationType, {
    description:
      "Decides the pending objection (the assessor's own superior; a LEADER or ADMIN where the assessor has none): " +
      'upheld with optional changed scores, or rejected. The evaluation becomes ACKNOWLEDGED.',
  })
  async decideObjection(
    @Ctx() ctx: Context,
    @Arg('input', () => DecideObjectionInput, { description: 'The evaluation, its version and the decision.' })
    input: DecideObjectionInput,
  ): Promise<Evaluation> {
    return committed(ctx.em, await decideObjection(ctx.em, actorOf(ctx), input));
  }

  @Mutation(() => EvaluationType, {
    description:
      'Finalises an ACKNOWLEDGED evaluation (head of its agency or an administrator): its results are stored with ' +
      'the policy version and used from then on.',
  })
  async finalizeEvaluation(
    @Ctx() ctx: Context,
    @Arg('input', () => EvaluationStepInput, { description: 'The evaluation and its version.' })
    input: EvaluationStepInput,
  ): Promise<Evaluation> {
    return committed(ctx.em, await finalise(ctx.em, actorOf(ctx), input));
  }
}

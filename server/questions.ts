/** A session's written questions, replayed from its log: the guide's queue, in the order asked. */
import type { DelegateId, LiveQuestion, QuestionId, QuestionStatus } from '../src/live/protocol';

export class Questions {
  readonly items = new Map<QuestionId, LiveQuestion>();

  ask(id: QuestionId, from: DelegateId, text: string, time: number): LiveQuestion {
    const question: LiveQuestion = { id, from, text, at: time, status: 'open' };
    this.items.set(id, question);
    return question;
  }

  mark(id: QuestionId, status: QuestionStatus): LiveQuestion | null {
    const question = this.items.get(id);
    if (!question || question.status === status) return null;
    question.status = status;
    return question;
  }
}

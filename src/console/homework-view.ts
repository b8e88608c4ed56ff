/** The homework list of a client's page: what was sent, with its answer or its withdrawal, newest first. */
import type { HomeworkRecord } from "../store/client-records";
import type { HomeworkAnswer } from "../store/homework-store";

/** One homework on the client's page. */
export interface HomeworkRow {
  id: string;
  kind: "question" | "step";
  text: string;
  sentBy: string;
  sentAt: string;
  status: "waiting" | "answered" | "withdrawn";
  answer: { text: string; at: string } | null;
  withdrawnAt: string | null;
}

/** The rows of `sent` (newest first) with the client's `answers`. */
export function homeworkRows(sent: readonly HomeworkRecord[], answers: readonly HomeworkAnswer[]): HomeworkRow[] {
  const byId = new Map(answers.map((answer) => [answer.homeworkId, answer]));
  return sent.map((record) => {
    const answer = byId.get(record.id);
    const status = answer !== undefined ? "answered" : record.withdrawnAt !== null ? "withdrawn" : "waiting";
    return { ...record, status, answer: answer === undefined ? null : { text: answer.answer, at: answer.at } };
  });
}

/**
 * Homework a consultant sent from the console and the client has not answered yet: the
 * question (or suggested step) as pushed, which the client saw. Who sent it is kept apart, in
 * the console's records.
 */
export interface HomeworkAsk {
  /** The console's id of the homework, also the push's retry key and the answer entry's id. */
  id: string;
  kind: "question" | "step";
  text: string;
  /** When it was pushed (ISO instant). */
  at: string;
}

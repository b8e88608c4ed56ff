/**
 * How the setup talks with the operator: lines out, answers in, and secrets read without
 * being shown. The terminal version works the same in bash, zsh and PowerShell (Node's
 * readline); a scripted version answers from a list, for tests.
 */
import { createInterface } from "node:readline";
import { Writable } from "node:stream";

/** The setup's conversation with the operator. */
export interface SetupIo {
  say(text: string): void;
  /** One answer, trimmed; `fallback` when the answer is empty. */
  ask(question: string, fallback?: string): Promise<string>;
  /** One answer that is never shown on the screen nor kept anywhere but in memory. */
  askSecret(question: string): Promise<string>;
  close(): void;
}

/** The answers ran out (the input was closed): the setup stops where it is. */
export class InputClosedError extends Error {
  override name = "InputClosedError";
}

/**
 * The terminal: questions on stdout, answers from stdin; a secret's keys are not echoed.
 * Ctrl-C calls `interrupt` (by default, SIGINT to this process).
 */
export function terminalIo(
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stdout,
  interrupt: () => void = () => process.kill(process.pid, "SIGINT"),
): SetupIo {
  let muted = false;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) output.write(chunk);
      done();
    },
  });
  if (input.isTTY && typeof input.setRawMode === "function") {
    // When the terminal window is closed, readline's own clean-up switches raw mode off on a
    // terminal that is gone, and that throws (EIO) where nothing can catch it; the setup must
    // live on long enough to stop the practice stack.
    const setRawMode = input.setRawMode.bind(input);
    input.setRawMode = (mode: boolean) => {
      try {
        return setRawMode(mode);
      } catch {
        return input;
      }
    };
  }
  const reader = createInterface({ input, output: sink, terminal: Boolean(input.isTTY) });
  // In a terminal, readline reads keys itself and Ctrl-C reaches it as a key, not as a signal:
  // it is passed on as the signal it stands for, so the setup stops as the operator expects.
  reader.on("SIGINT", interrupt);
  const lines: string[] = [];
  const waiting: { resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  let closed = false;
  reader.on("line", (line) => {
    const next = waiting.shift();
    if (next) next.resolve(line);
    else lines.push(line);
  });
  reader.on("close", () => {
    closed = true;
    for (const next of waiting.splice(0)) next.reject(new InputClosedError("input closed"));
  });
  const nextLine = (): Promise<string> => {
    const line = lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (closed) return Promise.reject(new InputClosedError("input closed"));
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };
  return {
    say: (text) => void output.write(`${text}\n`),
    async ask(question, fallback) {
      output.write(`${question}${fallback === undefined ? "" : ` [${fallback}]`}\n> `);
      const answer = (await nextLine()).trim();
      return answer === "" && fallback !== undefined ? fallback : answer;
    },
    async askSecret(question) {
      output.write(`${question}\n> `);
      muted = true;
      try {
        return (await nextLine()).trim();
      } finally {
        muted = false;
        output.write("（受け取りました）\n");
      }
    },
    close: () => reader.close(),
  };
}

/** A scripted conversation: answers taken in order; everything said is kept in `said`. */
export function scriptedIo(answers: readonly string[]): SetupIo & { said: string[]; asked: string[] } {
  const queue = [...answers];
  const said: string[] = [];
  const asked: string[] = [];
  const next = (question: string, fallback?: string): Promise<string> => {
    asked.push(question);
    const answer = queue.shift();
    if (answer === undefined) return Promise.reject(new InputClosedError(`no answer left for: ${question}`));
    return Promise.resolve(answer.trim() === "" && fallback !== undefined ? fallback : answer.trim());
  };
  return { said, asked, say: (text) => void said.push(text), ask: next, askSecret: (question) => next(question), close: () => {} };
}

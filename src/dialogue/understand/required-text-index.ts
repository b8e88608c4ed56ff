/**
 * One scan of a text for the strings a list of expressions require (`./required-text.ts`), which
 * tells which of them can match it at all. Pure.
 */
import { requiredText } from "./required-text";

/**
 * Which of a list of expressions can match a text, by one scan for the strings each requires
 * ({@link requiredText}): an expression whose strings are all absent cannot match and need not be
 * run. The strings are kept in a trie, entered only at characters that begin one of them.
 */
export class RequiredTextIndex {
  /** 1 at the UTF-16 code of a character that begins a required string. */
  private readonly starts = new Uint8Array(0x10000);
  /** Each trie node's children by character code; node 0 is the root. */
  private readonly children: Map<number, number>[] = [new Map<number, number>()];
  /** The expressions a node's string (when it ends one) shows can match. */
  private readonly opens: (number[] | undefined)[] = [undefined];
  /** The expressions that require nothing this reading can name: always run. */
  private readonly always: number[] = [];

  constructor(private readonly expressions: readonly RegExp[]) {
    expressions.forEach((expression, index) => {
      const required = requiredText(expression);
      if (required === null) this.always.push(index);
      else for (const text of required) this.add(text, index);
    });
  }

  private add(text: string, index: number): void {
    this.starts[text.charCodeAt(0)] = 1;
    let node = 0;
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at);
      let child = this.children[node].get(code);
      if (child === undefined) {
        child = this.children.length;
        this.children.push(new Map<number, number>());
        this.opens.push(undefined);
        this.children[node].set(code, child);
      }
      node = child;
    }
    (this.opens[node] ??= []).push(index);
  }

  /** One flag per expression, 1 when it may match `text`; 0 when it surely does not. */
  possible(text: string): Uint8Array {
    const open = new Uint8Array(this.expressions.length);
    let count = 0;
    const mark = (indexes: readonly number[]) => {
      for (const index of indexes) {
        if (open[index] === 1) continue;
        open[index] = 1;
        count++;
      }
    };
    mark(this.always);
    for (let at = 0; at < text.length && count < open.length; at++) {
      if (this.starts[text.charCodeAt(at)] === 0) continue;
      let node = 0;
      for (let next = at; next < text.length; next++) {
        const child = this.children[node].get(text.charCodeAt(next));
        if (child === undefined) break;
        node = child;
        const opened = this.opens[node];
        if (opened !== undefined) mark(opened);
      }
    }
    return open;
  }
}

/**
 * One scan of a text for the strings a list of expressions require (`./required-text.ts`), which
 * tells which of them can match it at all. Pure.
 */
import { requiredText } from "./required-text";

/** Per expression, the strings one of which its every match holds; null when it must always run. */
export type RequiredStrings = readonly (readonly string[] | null)[];

/** Between two strings of one expression, between two expressions, and for an expression that is always run. */
const BETWEEN_STRINGS = "\u0001";
const BETWEEN_EXPRESSIONS = "\u0002";
const ALWAYS = "\u0003";

/**
 * `required` as one string, as a content file keeps it (one string parses faster than thousands);
 * throws when a string holds one of the separators.
 */
export function packRequired(required: RequiredStrings): string {
  const separators = [BETWEEN_STRINGS, BETWEEN_EXPRESSIONS, ALWAYS];
  return required
    .map((strings) => {
      if (strings === null) return ALWAYS;
      if (strings.some((text) => text === "" || separators.some((separator) => text.includes(separator))))
        throw new RangeError("A required string is empty or holds a separator.");
      return strings.join(BETWEEN_STRINGS);
    })
    .join(BETWEEN_EXPRESSIONS);
}

/** The strings {@link packRequired} packed. */
export function unpackRequired(packed: string): RequiredStrings {
  if (packed === "") return [];
  return packed.split(BETWEEN_EXPRESSIONS).map((strings) => (strings === ALWAYS ? null : strings.split(BETWEEN_STRINGS)));
}

/**
 * Which of a list of expressions can match a text, by one scan for the strings each requires
 * ({@link requiredText}): an expression whose strings are all absent cannot match and need not be
 * run. The strings are kept in a trie, entered only at characters that begin one of them; the
 * branch of a first character is built the first time a text holds it, so an instance's first
 * short message builds a few branches, not the whole trie.
 */
export class RequiredTextIndex {
  /** At the UTF-16 code of a character that begins a required string: 1, or 2 once its branch is built. */
  private readonly starts = new Uint8Array(0x10000);
  /** The strings (and their expressions) beginning with a character whose branch is not built yet. */
  private readonly pending = new Map<number, { text: string; index: number }[]>();
  /** Each trie node's children by character code; node 0 is the root. */
  private readonly children: Map<number, number>[] = [new Map<number, number>()];
  /** The expressions a node's string (when it ends one) shows can match. */
  private readonly opens: (number[] | undefined)[] = [undefined];
  /** The expressions that require nothing this reading can name: always run. */
  private readonly always: number[] = [];

  /**
   * `required`, when given, holds what {@link requiredText} gives for each of `expressions`, read
   * ahead of time (`../content/safety-required.ts`); otherwise it is read from the expressions now.
   */
  constructor(
    private readonly expressions: readonly RegExp[],
    required: RequiredStrings = expressions.map(requiredText),
  ) {
    if (required.length !== expressions.length) throw new RangeError("One list of required strings per expression.");
    required.forEach((strings, index) => {
      if (strings === null) {
        this.always.push(index);
        return;
      }
      for (const text of strings) {
        if (text === "") {
          // Every text holds the empty string.
          this.always.push(index);
          continue;
        }
        const first = text.charCodeAt(0);
        this.starts[first] = 1;
        const waiting = this.pending.get(first);
        if (waiting === undefined) this.pending.set(first, [{ text, index }]);
        else waiting.push({ text, index });
      }
    });
  }

  private add(text: string, index: number): void {
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

  /** Builds the branch of `first`, a character that begins a required string. */
  private build(first: number): void {
    this.starts[first] = 2;
    for (const { text, index } of this.pending.get(first) ?? []) this.add(text, index);
    this.pending.delete(first);
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
      const first = text.charCodeAt(at);
      const start = this.starts[first];
      if (start === 0) continue;
      if (start === 1) this.build(first);
      let node = this.children[0].get(first);
      for (let next = at + 1; node !== undefined; next++) {
        const opened = this.opens[node];
        if (opened !== undefined) mark(opened);
        if (next >= text.length) break;
        node = this.children[node].get(text.charCodeAt(next));
      }
    }
    return open;
  }
}

/**
 * What a regular expression's every match must contain: read from its source, a set of strings of
 * which at least one is inside any text the expression matches. The safety detector reads a long
 * message with many expressions; one scan for these strings tells which expressions can match at
 * all, and the others are not run. Pure, and sound by construction: where the source holds
 * something this reading does not follow (a negated class, a back reference, an unbounded
 * repeat of what may be empty), it answers "nothing is required" for that part, never a string
 * a match could lack.
 */

/** Strings of which every match contains one, with how rare the least rare of them is. */
interface Need {
  readonly strings: readonly string[];
  /** {@link rarity}, up to {@link RARE_ENOUGH}. */
  readonly weight: number;
}

/** What one part of an expression matches, as far as this reading follows it. */
interface Reading {
  /** Every string the part can match, when they are few; null when not listed. */
  readonly exact: readonly string[] | null;
  /** What every match contains; null when nothing is known to be required. */
  readonly required: Need | null;
}

/** The most strings a set may list before it is given up (a product of alternatives grows fast). */
const MOST_STRINGS = 96;

/**
 * Rare enough: a set whose every string weighs this much ({@link rarity}) seldom occurs in an
 * ordinary message, and between such sets the one of fewer strings is the cheaper to look for.
 */
const RARE_ENOUGH = 5;

const ANY: Reading = { exact: null, required: null };
const EMPTY: Reading = { exact: [""], required: null };

function unique(strings: Iterable<string>): string[] {
  return [...new Set(strings)];
}

/** The concatenations of one string of each set, or null when there would be too many. */
function product(left: readonly string[], right: readonly string[]): readonly string[] | null {
  if (left.length === 1 && left[0] === "") return right;
  if (left.length * right.length > MOST_STRINGS) return null;
  return unique(left.flatMap((a) => right.map((b) => a + b)));
}

/**
 * How rare a set of strings is in ordinary text, higher is rarer: its least rare string's weight,
 * where a hiragana counts 1 and any other character 2 (kanji, letters and digits are rarer than
 * the kana that make up most of a Japanese sentence).
 */
function rarity(strings: readonly string[]): number {
  let least = Infinity;
  for (const text of strings) {
    let weight = 0;
    for (let at = 0; at < text.length && weight < least; at++) {
      const code = text.charCodeAt(at);
      weight += code >= 0x3041 && code <= 0x309f ? 1 : 2;
    }
    least = Math.min(least, weight);
  }
  return Math.min(least, RARE_ENOUGH);
}

/** `strings` as a requirement, or null when they require nothing (none, or the empty string among them). */
function needOf(strings: readonly string[] | null): Need | null {
  if (strings === null || strings.length === 0 || strings.includes("")) return null;
  return { strings, weight: rarity(strings) };
}

/** The better of two requirements (either holds for every match, so either may be kept). */
function better(a: Need | null, b: Need | null): Need | null {
  if (a === null) return b;
  if (b === null) return a;
  if (a.weight !== b.weight) return a.weight > b.weight ? a : b;
  return a.strings.length <= b.strings.length ? a : b;
}

/** `strings` without those that hold another of them (finding the shorter finds the longer too). */
function shortest(strings: readonly string[]): readonly string[] {
  const sorted = [...strings].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const text of sorted) if (!kept.some((shorter) => text.includes(shorter))) kept.push(text);
  return kept;
}

/** A reading of one source, by recursive descent over its syntax. */
class SourceReader {
  private at = 0;

  constructor(private readonly source: string) {}

  read(): Reading {
    const reading = this.alternation();
    if (this.at < this.source.length) throw new Error(`unexpected ${this.source[this.at]} at ${this.at}`);
    return reading;
  }

  private alternation(): Reading {
    const branches = [this.sequence()];
    while (this.source[this.at] === "|") {
      this.at++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0];
    const listed = branches.every((branch) => branch.exact !== null) ? unique(branches.flatMap((branch) => branch.exact ?? [])) : null;
    const needs = branches.map((branch) => better(branch.required, needOf(branch.exact)));
    const required = needs.every((need) => need !== null)
      ? { strings: unique(needs.flatMap((need) => need?.strings ?? [])), weight: Math.min(...needs.map((need) => need?.weight ?? 0)) }
      : null;
    return { exact: listed !== null && listed.length <= MOST_STRINGS ? listed : null, required };
  }

  private sequence(): Reading {
    let required: Need | null = null;
    // The run of parts whose strings are all listed, as their product so far.
    let run: readonly string[] = [""];
    let whole = true;
    while (this.at < this.source.length && this.source[this.at] !== "|" && this.source[this.at] !== ")") {
      const part = this.quantified();
      required = better(required, part.required);
      const longer = part.exact === null ? null : product(run, part.exact);
      if (longer !== null && rarity(longer) < RARE_ENOUGH) {
        run = longer;
        continue;
      }
      if (longer !== null) {
        // Rare enough already: a longer run would only list more strings.
        required = better(required, needOf(longer));
        run = [""];
        whole = false;
        continue;
      }
      required = better(required, needOf(run));
      run = part.exact ?? [""];
      whole = false;
    }
    return { exact: whole ? run : null, required: better(required, needOf(run)) };
  }

  private quantified(): Reading {
    const atom = this.atom();
    const bounds = this.bounds();
    if (bounds === null) return atom;
    if (this.source[this.at] === "?") this.at++;
    const [least, most] = bounds;
    const required = least >= 1 ? better(atom.required, needOf(atom.exact)) : null;
    if (atom.exact === null || most === Infinity || most > 4) return { exact: null, required };
    let exact: string[] | null = least === 0 ? [""] : [];
    let power: readonly string[] | null = [""];
    for (let times = 1; times <= most && power !== null && exact !== null; times++) {
      power = product(power, atom.exact);
      if (power !== null && times >= least) exact = exact.concat(power);
    }
    exact = power === null || exact === null ? null : unique(exact);
    return { exact: exact !== null && exact.length <= MOST_STRINGS ? exact : null, required };
  }

  /** A quantifier's least and most repeats, or null when none follows. */
  private bounds(): readonly [number, number] | null {
    const char = this.source[this.at];
    if (char === "*") return (this.at++, [0, Infinity]);
    if (char === "+") return (this.at++, [1, Infinity]);
    if (char === "?") return (this.at++, [0, 1]);
    if (char !== "{") return null;
    const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
    if (match === null) return null;
    this.at += match[0].length;
    const least = Number(match[1]);
    return [least, match[2] === undefined ? least : match[3] === "" ? Infinity : Number(match[3])];
  }

  private atom(): Reading {
    const char = this.source[this.at++];
    if (char === "(") return this.group();
    if (char === "[") return this.characterClass();
    if (char === "\\") return this.escape(false);
    if (char === "^" || char === "$") return EMPTY;
    if (char === ".") return ANY;
    if (char === "{" && /^\d+(,\d*)?\}/.test(this.source.slice(this.at))) throw new Error(`quantifier without an atom at ${this.at}`);
    return { exact: [char], required: needOf([char]) };
  }

  private group(): Reading {
    const rest = this.source.slice(this.at, this.at + 3);
    let lookaround = false;
    if (rest.startsWith("?:")) this.at += 2;
    else if (rest.startsWith("?=") || rest.startsWith("?!")) [this.at, lookaround] = [this.at + 2, true];
    else if (rest.startsWith("?<=") || rest.startsWith("?<!")) [this.at, lookaround] = [this.at + 3, true];
    else if (rest.startsWith("?<")) this.at = this.source.indexOf(">", this.at) + 1;
    else if (rest.startsWith("?")) throw new Error(`unknown group at ${this.at}`);
    const inner = this.alternation();
    if (this.source[this.at] !== ")") throw new Error(`unclosed group at ${this.at}`);
    this.at++;
    // A look around consumes nothing: the match holds none of its text.
    return lookaround ? EMPTY : inner;
  }

  /** One character of a class or an escape; null for a class escape (\d, \s …) or a back reference. */
  private escapedChar(inClass: boolean): string | null {
    const char = this.source[this.at++];
    const hex = (length: number) => {
      const digits = this.source.slice(this.at, this.at + length);
      // Without its digits the escape is a plain letter, which this reading does not follow.
      if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(digits)) throw new Error(`unread escape at ${this.at}`);
      this.at += length;
      return String.fromCharCode(Number.parseInt(digits, 16));
    };
    // Without the u flag (u and v are not read at all), \u{, \p and \P are the plain letters.
    if (char === "u" && this.source[this.at] === "{") return "u";
    if (char === "u") return hex(4);
    if (char === "x") return hex(2);
    if (char === "p" || char === "P") return char;
    if (char === "k") {
      // \k<name> refers to a named group; where no group is named it is the letter k.
      if (inClass) return null;
      if (!/\(\?<(?![=!])/.test(this.source)) return "k";
      const name = /^<[^>|()[\]\\]+>/.exec(this.source.slice(this.at));
      if (name === null) throw new Error(`unread reference at ${this.at}`);
      this.at += name[0].length;
      return null;
    }
    if (char === "c" && /[A-Za-z]/.test(this.source[this.at] ?? "")) {
      return String.fromCharCode(this.source.charCodeAt(this.at++) % 32);
    }
    // A back reference or a legacy octal escape takes every digit that follows.
    if (/[0-9]/.test(char)) {
      while (/[0-9]/.test(this.source[this.at] ?? "")) this.at++;
      return null;
    }
    if ("dDwWsSbBc".includes(char)) return null;
    const controls: Record<string, string> = { n: "\n", r: "\r", t: "\t", f: "\f", v: "\v" };
    if (inClass && char === "b") return "\b";
    return controls[char] ?? char;
  }

  private escape(inClass: boolean): Reading {
    const boundary = "bB".includes(this.source[this.at]);
    const char = this.escapedChar(inClass);
    if (char === null) return boundary ? EMPTY : ANY;
    return { exact: [char], required: needOf([char]) };
  }

  private characterClass(): Reading {
    const negated = this.source[this.at] === "^";
    if (negated) this.at++;
    const chars = new Set<string>();
    let known = !negated;
    while (this.at < this.source.length && this.source[this.at] !== "]") {
      const char = this.source[this.at] === "\\" ? (this.at++, this.escapedChar(true)) : this.source[this.at++];
      if (char === null) {
        known = false;
        continue;
      }
      if (this.source[this.at] === "-" && this.source[this.at + 1] !== "]" && this.at + 1 < this.source.length) {
        this.at++;
        const end = this.source[this.at] === "\\" ? (this.at++, this.escapedChar(true)) : this.source[this.at++];
        if (end === null || end.charCodeAt(0) - char.charCodeAt(0) > MOST_STRINGS) {
          known = false;
          continue;
        }
        for (let code = char.charCodeAt(0); code <= end.charCodeAt(0); code++) chars.add(String.fromCharCode(code));
        continue;
      }
      chars.add(char);
    }
    if (this.source[this.at] !== "]") throw new Error(`unclosed class at ${this.at}`);
    this.at++;
    if (!known || chars.size === 0 || chars.size > MOST_STRINGS) return ANY;
    const listed = [...chars];
    return { exact: listed, required: needOf(listed) };
  }
}

/**
 * Strings of which every match of `expression` contains at least one, or null when the reading
 * finds nothing required: an expression that can match the empty string, one this reading does
 * not follow, or one with the i, u or v flag (case folded, or read by code point: the reading
 * goes by UTF-16 code units as written, as the detector's expressions are).
 */
export function requiredText(expression: RegExp): readonly string[] | null {
  if (/[iuv]/.test(expression.flags)) return null;
  let reading: Reading;
  try {
    reading = new SourceReader(expression.source).read();
  } catch {
    return null;
  }
  const required = better(reading.required, needOf(reading.exact));
  return required === null ? null : shortest(required.strings);
}

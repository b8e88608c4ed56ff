/**
 * Compiling long expressions straight to machine code. V8 compiles an expression to bytecode on
 * its first run and again to machine code on its second; for the safety detector's long
 * alternations both compiles are slow, and the bytecode one (with its peephole pass) the slower.
 * An expression whose first run is over a subject of 1,000 characters or more is compiled to
 * machine code at once (V8's tier-up for long subjects), so one such run replaces two compiles by
 * one. V8 compiles separately for one-byte and two-byte strings: the subject here is two-byte, as
 * Japanese text is. Should V8 change the rule, this only costs its speed back, never a result.
 */

/**
 * Sentence boundaries (which the detector's expressions never match across) and U+0100, the
 * first character beyond one byte, which makes the string two-byte: 1,000 characters.
 */
const LONG_SUBJECT = `${"|".repeat(999)}\u0100`;

/** The expressions {@link compiledOnFirstUse} has compiled. */
const compiled = new WeakSet<RegExp>();

/**
 * Compiles to machine code those of `expressions` not compiled before (by this function), just
 * before their first run, by running each once over a long two-byte subject and leaving it as it
 * was (`lastIndex` 0): an expression that no message may match is never compiled. Returns the
 * same list.
 */
export function compiledOnFirstUse<T extends readonly RegExp[]>(expressions: T): T {
  for (const expression of expressions) {
    if (compiled.has(expression)) continue;
    compiled.add(expression);
    expression.lastIndex = 0;
    expression.exec(LONG_SUBJECT);
    expression.lastIndex = 0;
  }
  return expressions;
}

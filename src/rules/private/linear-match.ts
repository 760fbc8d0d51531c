/**
 * Pattern matching that takes time linear in the length of the value, whatever the pattern: a
 * policy's `clientNamePattern` and its URL and scope globs run on every client at synth and in CI,
 * and a natural pattern such as `([a-z0-9]+-?)*` makes a backtracking engine (JavaScript's
 * RegExp) run for minutes on a 32-character name. RE2 (the `re2js` port, bundled) has no
 * backtracking: no backreferences or lookaround, and every match is linear.
 */
export interface Matcher {
  /** The pattern as written. */
  readonly source: string;
  /** Whether the whole of `value` matches. */
  matches(value: string): boolean;
}

type Re2 = typeof import('re2js').RE2JS;
let re2: Re2 | undefined;

/**
 * A full-match matcher for an RE2 regular expression (`.` matches newlines too). Throws an `Error`
 * whose message says what RE2 cannot parse (e.g. a backreference).
 *
 * @param pattern the RE2 expression
 * @param source the pattern as the user wrote it (a glob, say), for messages
 */
export function linearMatcher(pattern: string, source: string = pattern): Matcher {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  re2 ??= (require('re2js') as typeof import('re2js')).RE2JS;
  let compiled;
  try {
    compiled = re2.compile(pattern, re2.DOTALL);
  } catch (e) {
    throw new Error(String((e as Error).message).replace(/^error parsing regexp: /, ''));
  }
  return { source, matches: (value: string) => compiled.matches(value) };
}

import type { Glob } from '../policy';
import { Shaped } from './shapes';
import { PartialString } from './values';

/**
 * Allowlists against values whose host is a documented attribute (issue 21): whether some value a
 * URL can take matches an allowlist entry, when its host is `${Dist.DomainName}` (always
 * `<id>.cloudfront.net`, or `<id>.cloudfront.cn` in China) rather than any text.
 *
 * A shaped part stands for its scheme (if any), one of its documented hosts (`hosts` in shapes.ts,
 * each `*` any run of host characters, so every name of the shape is among them) and its path (if
 * any); a gap stands for any text. The value can match an entry unless no alternative of any shaped
 * part lines up with it: then every value of that shape, in every partition the shape documents,
 * fails every entry, and the allowlist fails the value. A shape without documented hosts is a gap.
 */

/** One token of a value: a literal character, or a star over the characters it allows. */
type Token = string | { readonly star: (ch: string) => boolean };

const ANY: Token = { star: () => true };
/** A host name's characters: no `/`, `?`, `#`, `@`, `\` or `:` (a shaped host has no port or user info). */
const HOST: Token = { star: (ch: string) => !'/?#@\\:'.includes(ch) };
/** More alternatives than this (several shaped parts in one value) and the extra shaped parts are read as gaps. */
const MAX_ALTERNATIVES = 64;

/** Whether a value has a shaped part with documented hosts (the only case this file decides). */
function hasShapedHosts(value: PartialString): boolean {
  for (const p of value.parts) if (p instanceof Shaped && p.shape.hosts !== undefined) return true;
  return false;
}

/** The tokens of one documented host pattern, with the shape's scheme and path. */
function shapeTokens(s: Shaped, host: string): Token[] {
  const out: Token[] = [];
  if (s.shape.scheme !== undefined) for (const ch of `${s.shape.scheme}://`) out.push(ch);
  for (const ch of host) out.push(ch === '*' ? HOST : ch);
  if (s.shape.path !== undefined) for (const ch of s.shape.path) out.push(ch);
  return out;
}

/** Every token sequence the value can take, one per combination of its shaped parts' hosts. */
function alternatives(value: PartialString): Token[][] {
  let out: Token[][] = [[]];
  for (const p of value.parts) {
    if (typeof p === 'string') {
      for (const alt of out) for (const ch of p) alt.push(ch);
    } else if (p instanceof Shaped && p.shape.hosts !== undefined && out.length * p.shape.hosts.length <= MAX_ALTERNATIVES) {
      const next: Token[][] = [];
      for (const alt of out) for (const h of p.shape.hosts) next.push([...alt, ...shapeTokens(p, h)]);
      out = next;
    } else {
      for (const alt of out) alt.push(ANY);
    }
  }
  return out;
}

/**
 * Whether some string of `value` (literal characters and stars) matches `glob` (likewise): a search
 * over (glob position, value position), O(glob × value). Where both are at a star, a common
 * character leaves both where they are, so only the ends of stars and one star spelling the other's
 * literal character move the search.
 */
function intersects(glob: ReadonlyArray<Token>, value: ReadonlyArray<Token>): boolean {
  const seen = new Set<number>();
  const todo: number[] = [0];
  const width = value.length + 1;
  const visit = (i: number, j: number) => {
    const key = i * width + j;
    if (!seen.has(key)) {
      seen.add(key);
      todo.push(key);
    }
  };
  seen.add(0);
  while (todo.length) {
    const key = todo.pop()!;
    const i = Math.floor(key / width);
    const j = key % width;
    if (i === glob.length && j === value.length) return true;
    const t = glob[i];
    const v = value[j];
    if (v !== undefined && typeof v !== 'string') {
      visit(i, j + 1); // the value's star ends
      if (typeof t === 'string' && v.star(t)) visit(i + 1, j); // it spells the glob's next character
    }
    if (t !== undefined && typeof t !== 'string') {
      visit(i + 1, j); // the glob's star ends
      if (typeof v === 'string' && t.star(v)) visit(i, j + 1);
    } else if (typeof t === 'string' && v === t) {
      visit(i + 1, j + 1);
    }
  }
  return false;
}

/**
 * When `url` is built on a documented attribute and no value of it can match any of `globs`: the
 * note for the finding, naming the shape (`: Fn::GetAtt Dist.DomainName is always <id>.cloudfront.net
 * (hosts: *.cloudfront.net, *.cloudfront.cn)`); otherwise undefined (a literal, no documented host,
 * or some value could match).
 *
 * @param globs the allowlist
 * @param url the value
 */
export function shapedMismatch(globs: ReadonlyArray<Glob>, url: string | PartialString): string | undefined {
  if (typeof url === 'string' || !hasShapedHosts(url)) return undefined;
  const alts = alternatives(url);
  for (const g of globs) for (const alt of alts) if (intersects(g.tokens, alt)) return undefined;
  const notes: string[] = [];
  for (const p of url.parts) {
    if (p instanceof Shaped && p.shape.hosts !== undefined) notes.push(`Fn::GetAtt ${p.label} is always ${p.shape.form} (hosts: ${p.shape.hosts.join(', ')})`);
  }
  return `: ${notes.join('; ')}`;
}

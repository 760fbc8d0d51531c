import { createHash } from 'crypto';
import { intrinsicName, isPlainObject } from './values';

/**
 * Finding ids: the name a suppression gives to one value's finding, in cdk-nag's convention
 * (`Action::s3:*`): `<Property>::<value>`, e.g. `AllowedOAuthScopes::orders-api/admin` or
 * `CallbackURLs::http://localhost:3000/callback`.
 *
 * - The value is the list item (or `DefaultRedirectURI`) as written in the template; unresolved
 *   parts are rendered as cdk-nag renders them, `<LogicalId>` for a `Ref` and `<LogicalId.Attr>`
 *   for an `Fn::GetAtt` (`Fn::Join` joined, `Fn::Sub` with its variables), so the id is the same on
 *   every synth; any other intrinsic is `<Fn::Name>`.
 * - It is escaped so that it survives aws-cdk-lib's parsing of acknowledgement ids (cdk-nag 3's
 *   `Rule[finding]` form) on every release that has them: brackets `()[]{}` that are not matched
 *   within the value, whitespace, control characters and `%` are percent-encoded (`%28`, `%20`,
 *   `%25`), and so is every colon of a `::` inside the value (`http://[%3A%3A1]:3000/cb`): some releases
 *   (2.265, for one) split an id at every `::` and refuse more than one, so the id's only `::` is the
 *   one after the property. Matched brackets stay.
 * - A value longer than 200 characters is cut, ending in `...#` and 12 hex digits of its SHA-256.
 */

/** The list properties whose findings are about one item, and the single-valued URL property. */
const ITEM_LISTS = new Set([
  'CallbackURLs', 'LogoutURLs', 'AllowedOAuthScopes', 'AllowedOAuthFlows', 'ExplicitAuthFlows',
  'SupportedIdentityProviders', 'ReadAttributes', 'WriteAttributes',
]);
const SINGLE_VALUES = new Set(['DefaultRedirectURI']);
const ITEM_PATH = /^([A-Za-z]+)\[(\d+)\]$/;
/** Values are cut beyond this many characters (before escaping). */
const MAX_VALUE = 200;

/**
 * The finding id of a finding at `property` (`CallbackURLs[2]`, `DefaultRedirectURI`) of these
 * properties, or undefined when the finding is not about one value. `shown` is the value as the
 * finding shows it, used when the item cannot be found in `properties` (a list given as a whole by
 * an intrinsic whose values the engine knows).
 */
export function findingIdOf(property: string, properties: unknown, shown: string): string | undefined {
  let name: string;
  let item: unknown;
  const m = ITEM_PATH.exec(property);
  if (m && ITEM_LISTS.has(m[1])) {
    name = m[1];
    const list = isPlainObject(properties) ? properties[name] : undefined;
    item = Array.isArray(list) ? list[Number(m[2])] : undefined;
  } else if (SINGLE_VALUES.has(property)) {
    name = property;
    item = isPlainObject(properties) ? properties[name] : undefined;
  } else {
    return undefined;
  }
  const value = item !== undefined ? render(item, 0, { left: MAX_RENDER }) : fromShown(shown);
  return value === undefined ? undefined : `${name}::${escapeValue(cut(value))}`;
}

/** A shown string value (`"https://x"`, not cut) as its text. */
function fromShown(shown: string): string | undefined {
  if (!shown.startsWith('"') || !shown.endsWith('"')) return undefined;
  try {
    const v: unknown = JSON.parse(shown);
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The characters a value is rendered to at most: a value that shares its parts (a JavaScript
 * object, never JSON) would otherwise render once per path to each part. The id of a longer value
 * is cut there anyway (MAX_VALUE, with a hash of what was rendered, which is still the same on
 * every synth).
 */
const MAX_RENDER = 65_536;

/** A value as text, unresolved parts as cdk-nag renders them, within `budget` characters. */
function render(v: unknown, depth: number, budget: { left: number }): string {
  if (budget.left <= 0) return '...';
  const text = renderOne(v, depth, budget);
  budget.left -= text.length + 1;
  return text;
}

function renderOne(v: unknown, depth: number, budget: { left: number }): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const name = intrinsicName(v);
  if (name === undefined || depth > 8) return name ? `<${name}>` : '<value>';
  const arg = (v as { [key: string]: unknown })[name];
  switch (name) {
    case 'Ref':
      return typeof arg === 'string' ? `<${arg}>` : '<Ref>';
    case 'Fn::GetAtt': {
      const parts = typeof arg === 'string' ? arg.split('.') : arg;
      return Array.isArray(parts) && parts.length >= 2 ? `<${render(parts[0], depth + 1, budget)}.${parts.slice(1).map((p) => render(p, depth + 1, budget)).join('.')}>` : '<Fn::GetAtt>';
    }
    case 'Fn::Join': {
      if (!Array.isArray(arg) || typeof arg[0] !== 'string' || !Array.isArray(arg[1])) return '<Fn::Join>';
      const items: string[] = [];
      for (let i = 0; i < arg[1].length && budget.left > 0; i++) items.push(render(arg[1][i], depth + 1, budget));
      return items.length < arg[1].length ? `${items.join(arg[0])}...` : items.join(arg[0]);
    }
    case 'Fn::Sub': {
      const [text, vars] = Array.isArray(arg) ? arg : [arg, undefined];
      if (typeof text !== 'string') return '<Fn::Sub>';
      return text.replace(/\$\{(!?)([^}]*)\}/g, (_all, bang: string, ref: string) => {
        if (bang) return `\${${ref}}`;
        return isPlainObject(vars) && vars[ref] !== undefined ? render(vars[ref], depth + 1, budget) : `<${ref}>`;
      });
    }
    default:
      return `<${name}>`;
  }
}

/** A long value, cut and made unique by its hash. */
function cut(value: string): string {
  if (value.length <= MAX_VALUE) return value;
  return `${value.slice(0, MAX_VALUE)}...#${createHash('sha256').update(value).digest('hex').slice(0, 12)}`;
}

const OPENERS = '([{';
const CLOSERS = ')]}';

/** The value with what aws-cdk-lib's id parsing would refuse or change percent-encoded (see the top of this file). */
export function escapeValue(value: string): string {
  const encode = new Set<number>();
  const open: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (OPENERS.includes(c)) {
      open.push(i);
    } else if (CLOSERS.includes(c)) {
      const top = open[open.length - 1];
      if (top !== undefined && OPENERS.indexOf(value[top]) === CLOSERS.indexOf(c)) open.pop();
      else encode.add(i); // unmatched or mismatched: aws-cdk-lib throws
    }
  }
  for (const i of open) encode.add(i);
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    const doubleColon = c === ':' && (value[i - 1] === ':' || value[i + 1] === ':');
    if (encode.has(i) || doubleColon || c === '%' || /[\s\x00-\x1f\x7f]/.test(c)) out += encodeURIComponent(c).replace(/[!'()*]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`);
    else out += c;
  }
  return out;
}

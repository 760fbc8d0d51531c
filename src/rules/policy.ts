import { STANDARD_ATTRIBUTES } from './attributes';
import { DCR_REGISTER_SCOPE } from './cross-resource';
import { POLICY_ATTACHMENT_RULES } from './policy-attachments';
import type { AttachmentEmit, AttachmentModel } from './private/attachments';
import { Client, eachLiteral } from './private/client';
import { Matcher, linearMatcher } from './private/linear-match';
import { Emit } from './private/rule';
import { shapedMismatch } from './private/shape-match';
import { SOURCES } from './private/sources';
import type { ClientContext } from './private/template-index';
import { ALL_URLS, CALLBACK, DEFAULT, LOGOUT, eachUrl, isLocalhostName, isLoopbackHostAsBrowsersRead, isLoopbackHttpUrl, known, urlParts } from './private/urls';
import { PartialString, Unknown, isList, isUnknown, listEmpty, show } from './private/values';
import { lifetimeSeconds } from './tokens';
import { Severity } from './types';
import type { PolicySettings } from '../policy/settings';

export type { PolicySettings } from '../policy/settings';

/**
 * One token of a glob: a literal character, or a `*`, which matches any run of the characters it
 * allows (every character, or, in a URL's authority, those that stay within the host).
 */
type GlobToken = string | { readonly star: (ch: string) => boolean };

/** A glob: a matcher (linear time) for whole values, and its tokens for values with unresolved parts. */
export interface Glob extends Matcher {
  readonly tokens: ReadonlyArray<GlobToken>;
}

const ANY_CHAR = { star: () => true };
const HOST_CHAR = { star: (ch: string) => !'/?#@\\'.includes(ch) };

/** The characters of `value`, with null for each unresolved part (a gap). */
function charsOf(value: PartialString): Array<string | null> {
  const v: Array<string | null> = [];
  for (const part of value.parts) {
    if (typeof part === 'string') for (const ch of part) v.push(ch);
    else v.push(null);
  }
  return v;
}

/**
 * Whether the end of both `glob` and `v` can be reached from their starts, moving through the
 * (glob position, value position) pairs `step` allows: each pair once, so O(glob × value).
 */
function reaches(glob: Glob, v: ReadonlyArray<string | null>,
  step: (t: GlobToken | undefined, ch: string | null | undefined, i: number, j: number, visit: (i: number, j: number) => void) => void): boolean {
  const g = glob.tokens;
  const seen = new Set<number>();
  const todo: Array<[number, number]> = [[0, 0]];
  const visit = (i: number, j: number) => {
    const key = i * (v.length + 1) + j;
    if (!seen.has(key)) {
      seen.add(key);
      todo.push([i, j]);
    }
  };
  for (let next = todo.pop(); next; next = todo.pop()) {
    const [i, j] = next;
    if (i === g.length && j === v.length) return true;
    step(g[i], j < v.length ? v[j] : undefined, i, j, visit);
  }
  return false;
}

/**
 * Whether some resolution of the unresolved parts of `value` matches `glob`. The literal parts
 * must line up with the glob; a gap may become any text (a documented shape is a special case of
 * that, so nothing is guessed).
 */
export function couldMatch(glob: Glob, value: PartialString): boolean {
  return reaches(glob, charsOf(value), (t, ch, i, j, visit) => {
    if (ch === null) {
      visit(i, j + 1); // the gap ends
      if (typeof t === 'string') visit(i + 1, j); // the gap spells the glob's next character
    }
    if (t !== undefined && typeof t !== 'string') {
      visit(i + 1, j); // the star ends
      if (typeof ch === 'string' && t.star(ch)) visit(i, j + 1);
    } else if (typeof t === 'string' && ch === t) {
      visit(i + 1, j + 1);
    }
  });
}

/**
 * Whether every resolution of the unresolved parts of `value` matches `glob`: the literal parts line
 * up with the glob, and each gap falls inside a `*` that matches any text (so whatever the gap becomes,
 * that star takes it). Sound, not complete: a finding made on it holds for every resolution.
 */
export function surelyMatches(glob: Glob, value: PartialString): boolean {
  return reaches(glob, charsOf(value), (t, ch, i, j, visit) => {
    if (t === undefined) return;
    if (typeof t !== 'string') {
      visit(i + 1, j); // the star ends
      if (ch === null ? t === ANY_CHAR : ch !== undefined && t.star(ch)) visit(i, j + 1);
    } else if (ch === t) {
      visit(i + 1, j + 1);
    }
  });
}

/** A policy rule: off unless its setting turns it on (the settings table, src/policy/settings.ts, says which); its severity comes from the policy. */
export interface PolicyRule {
  readonly id: string;
  readonly defaultSeverity: Severity;
  readonly title: string;
  readonly source: string;
  readonly fix: string;
  /**
   * A rule about one client. Pure: reads the client, the policy and, where the client is checked in a
   * template, its context (its pool), and reports each violation.
   */
  readonly check?: (c: Client, emit: Emit, p: PolicySettings, ctx?: ClientContext) => void;
  /**
   * A rule about the resources attached to clients (src/rules/policy-attachments.ts). Pure: reads a
   * template's attachment model and the policy; reports on resources of the checked template.
   */
  readonly checkTemplate?: (model: AttachmentModel, emit: AttachmentEmit, p: PolicySettings) => void;
  /** For `checkTemplate` rules: the resource types it reads (the first is the type it reports on), for its page. */
  readonly reads?: ReadonlyArray<string>;
  /** For `checkTemplate` rules: what it reports on. */
  readonly reportsOn?: 'attachment' | 'client';
  /** A documented rule whose findings this rule replaces when the policy turns it on (the same condition, as an error). */
  readonly supersedes?: string;
}

/** Service default flows when ExplicitAuthFlows is absent. */
const DEFAULT_AUTH_FLOWS = ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'];
const PLAINTEXT_PASSWORD_FLOWS = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'];
const EXAMPLE_HOSTS = ['example.com'];
const ADMIN_SCOPE = 'aws.cognito.signin.user.admin';

/**
 * Turns a URL glob into a matcher: `*` matches within the host (no `/`, `?`, `#`, `@` or `\`)
 * in the scheme and authority, and anything (including `/`) in the path, query and beyond.
 */
export function urlGlob(source: string): Glob {
  const authorityStart = source.indexOf('://') >= 0 ? source.indexOf('://') + 3 : 0;
  const slash = source.indexOf('/', authorityStart);
  const authorityEnd = slash < 0 ? source.length : slash;
  let re = '';
  const tokens: GlobToken[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '*') {
      re += i < authorityEnd ? '[^/?#@\\\\]*' : '.*';
      tokens.push(i < authorityEnd ? HOST_CHAR : ANY_CHAR);
    } else {
      re += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      tokens.push(ch);
    }
  }
  return { ...linearMatcher(re, source), tokens };
}

/** A plain glob: `*` matches any run of characters. */
export function plainGlob(source: string): Glob {
  const re = source.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('.*');
  return { ...linearMatcher(re, source), tokens: [...source].map((ch) => (ch === '*' ? ANY_CHAR : ch)) };
}

/** The explicit auth flows in force: the literal list, or the service default when absent. */
function eachAuthFlow(c: Client, visit: (flow: string, path: string, fromDefault: boolean) => void): void {
  if (listEmpty(c.ExplicitAuthFlows)) {
    for (const f of DEFAULT_AUTH_FLOWS) visit(f, 'ExplicitAuthFlows', true);
  } else {
    eachLiteral(c, 'ExplicitAuthFlows', (f, path) => visit(f, path, false));
  }
}

function maxLifetimeRule(id: string, token: 'AccessToken' | 'IdToken' | 'RefreshToken', label: string,
  setting: 'maxAccessTokenValidity' | 'maxIdTokenValidity' | 'maxRefreshTokenValidity'): PolicyRule {
  const property = `${token}Validity`;
  return {
    id,
    defaultSeverity: Severity.ERROR,
    title: `The ${label} lifetime is at most the policy's maximum`,
    source: SOURCES.TVU,
    fix: `Shorten ${property} (with TokenValidityUnits.${token}) to at most the policy's maximum.`,
    check(c, emit, p) {
      const s = lifetimeSeconds(c, token);
      const max = p[setting]!;
      if (s !== undefined && s > max) {
        const raw = (c as unknown as { [k: string]: unknown })[property];
        emit(property, raw === undefined ? `(absent: the default of ${s} seconds)` : `${show(raw)} (${s} seconds)`,
          `the ${label} would live ${s} seconds; the policy allows at most ${max} seconds.`);
      }
    },
  };
}

function allowedUrlsRule(id: string, kinds: number, what: string,
  setting: 'allowedCallbackUrls' | 'allowedLogoutUrls'): PolicyRule {
  return {
    id,
    defaultSeverity: Severity.ERROR,
    title: `${what} match the policy's allowed patterns`,
    source: SOURCES.DG_OAUTH,
    fix: `Use a URL that matches one of the policy's ${setting} patterns, or ask for the policy to allow it.`,
    check(c, emit, p) {
      const globs = p[setting]!;
      eachUrl(c, kinds, (url, path) => {
        if (p.allowLoopbackUrls === true) {
          // exempt: an http(s) URL on localhost, 127.0.0.1 or [::1], or a value whose unresolved parts may make one
          const parts = urlParts(url);
          if (parts === undefined ? maybeHttp(url) : isLoopbackHttpUrl(parts)) return;
        }
        const shaped = shapedMismatch(globs, url); // a documented host no entry can match (shape-match.ts)
        if (shaped !== undefined || !fitsSome(globs, url)) emit(path, show(url), `${unlessResolved(url)}it matches none of the allowed patterns (${globs.map((g) => g.source).join(', ')})${shaped ?? ''}.`);
      });
    },
  };
}

/** Standard attributes no client writes (attr-write-immutable). */
const NOT_WRITABLE = ['email_verified', 'phone_number_verified', 'sub'];
/** The standard attributes a client may write when WriteAttributes is omitted. */
const USER_WRITABLE_STANDARD = STANDARD_ATTRIBUTES.filter((a) => !NOT_WRITABLE.includes(a));

/** The attribute a pool Schema entry declares: a standard one, `custom:<Name>`, or `dev:custom:<Name>`. */
function schemaName(a: { readonly name: string; readonly developerOnly: boolean | Unknown }): string {
  if (STANDARD_ATTRIBUTES.includes(a.name)) return a.name;
  const bare = a.name.replace(/^(dev:)?custom:/, '');
  return a.developerOnly === true ? `dev:custom:${bare}` : `custom:${bare}`;
}

/** Whether a glob may match a custom attribute (`custom:<name>`): its text before the first `*` is a prefix of `custom:` or starts with it. */
function mayNameCustom(g: Glob): boolean {
  const head = g.source.split('*')[0];
  return head.startsWith('custom:') || (g.source.includes('*') && 'custom:'.startsWith(head));
}

/** Whether a value with unresolved parts could still be an http(s) URL: its literal prefix settles no other scheme. */
function maybeHttp(url: string | PartialString): boolean {
  if (typeof url === 'string') return false;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(known(url).text);
  return scheme === null || ['http', 'https'].includes(scheme[1].toLowerCase());
}

/** Whether a value matches one of the globs, or, with unresolved parts, could. */
function fitsSome(globs: ReadonlyArray<Glob>, value: string | PartialString): boolean {
  return typeof value === 'string' ? globs.some((g) => g.matches(value)) : globs.some((g) => couldMatch(g, value));
}

/** For a value with unresolved parts: the literal parts already decide. */
function unlessResolved(value: string | PartialString): string {
  return typeof value === 'string' ? '' : 'whatever its unresolved parts become, ';
}

/** The policy rules about one client: the catalog's `policy-*` rules and one rule per organisation setting. */
export const CLIENT_POLICY_RULES: ReadonlyArray<PolicyRule> = [
  {
    id: 'policy-no-implicit',
    defaultSeverity: Severity.ERROR,
    title: 'No implicit grant',
    source: SOURCES.DG_OAUTH,
    fix: 'Use the authorization code grant (with PKCE for public clients) instead of implicit.',
    check(c, emit) {
      eachLiteral(c, 'AllowedOAuthFlows', (f, path) => {
        if (f === 'implicit') emit(path, show(f), 'the implicit grant returns tokens in the browser URL and issues no refresh token.');
      });
    },
  },
  {
    id: 'policy-prevent-user-existence',
    defaultSeverity: Severity.ERROR,
    title: 'PreventUserExistenceErrors is ENABLED',
    source: 'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html',
    fix: 'Set PreventUserExistenceErrors: ENABLED (AppClient does by default).',
    check(c, emit) {
      const v = c.PreventUserExistenceErrors;
      if (v === undefined || (typeof v === 'string' && v !== 'ENABLED')) {
        emit('PreventUserExistenceErrors', v === undefined ? '(absent: LEGACY)' : show(v), 'with LEGACY, errors reveal whether a user exists, which allows user enumeration.');
      }
    },
  },
  {
    id: 'policy-token-revocation',
    defaultSeverity: Severity.ERROR,
    title: 'Token revocation is on',
    source: SOURCES.API,
    fix: 'Remove EnableTokenRevocation: false (it defaults to true).',
    check(c, emit) {
      if (c.EnableTokenRevocation === false) emit('EnableTokenRevocation', 'false', 'refresh tokens of this client cannot be revoked.');
    },
  },
  {
    id: 'policy-no-plaintext-password-flows',
    defaultSeverity: Severity.ERROR,
    title: 'No flows that send the password instead of using SRP',
    source: SOURCES.API,
    fix: 'Use ALLOW_USER_SRP_AUTH instead of the password flows.',
    check(c, emit) {
      eachLiteral(c, 'ExplicitAuthFlows', (f, path) => {
        if (PLAINTEXT_PASSWORD_FLOWS.includes(f)) emit(path, show(f), 'this flow sends the password to Cognito instead of using the Secure Remote Password protocol.');
      });
    },
  },
  {
    id: 'policy-user-auth-widens',
    defaultSeverity: Severity.WARNING,
    title: 'No ALLOW_USER_AUTH, which also enables password and SRP sign-in',
    source: SOURCES.API,
    fix: 'Remove ALLOW_USER_AUTH unless choice-based sign-in is intended, and review which first factors the pool allows.',
    check(c, emit) {
      eachLiteral(c, 'ExplicitAuthFlows', (f, path) => {
        if (f === 'ALLOW_USER_AUTH') emit(path, show(f), 'it enables password and SRP sign-in through USER_AUTH even without ALLOW_USER_PASSWORD_AUTH or ALLOW_USER_SRP_AUTH.');
      });
    },
  },
  {
    id: 'policy-no-example-callback',
    defaultSeverity: Severity.ERROR,
    title: 'No example.com redirect URLs (the aws-cdk-lib default callback)',
    source: 'https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_cognito.OAuthSettings.html',
    fix: 'Give the real callback and logout URLs of the application.',
    check(c, emit) {
      eachUrl(c, ALL_URLS, (url, path) => {
        const host = urlParts(url)?.host;
        if (host !== undefined && EXAMPLE_HOSTS.includes(host)) emit(path, show(url), 'example.com is the placeholder aws-cdk-lib\'s UserPoolClient invents, not a real application URL.');
      });
    },
  },
  {
    id: 'policy-no-loopback-in-prod',
    defaultSeverity: Severity.ERROR,
    title: 'No loopback redirect URLs (localhost, 127.0.0.1, [::1])',
    source: SOURCES.API,
    fix: 'Remove loopback URLs from production clients; keep them in a separate development client or stage.',
    check(c, emit) {
      eachUrl(c, ALL_URLS, (url, path) => {
        const host = urlParts(url)?.host;
        if (host !== undefined && isLoopbackHostAsBrowsersRead(host)) emit(path, show(url), 'loopback redirect URLs are for testing only, and this policy does not allow them.');
      });
    },
  },
  {
    id: 'policy-refresh-rotation',
    defaultSeverity: Severity.WARNING,
    title: 'Public clients rotate refresh tokens',
    source: SOURCES.DG_REFRESH,
    fix: 'Turn on refresh-token rotation (RefreshTokenRotation.Feature: ENABLED) and remove ALLOW_REFRESH_TOKEN_AUTH.',
    check(c, emit) {
      if (c.hasSecret !== false) return;
      const f = c.Feature;
      if (f === undefined || (typeof f === 'string' && f !== 'ENABLED')) {
        emit('RefreshTokenRotation.Feature', show(f), 'this client has no secret, so a stolen refresh token stays usable until it expires unless refresh tokens rotate.');
      }
    },
  },
  maxLifetimeRule('policy-max-access-token-validity', 'AccessToken', 'access token', 'maxAccessTokenValidity'),
  maxLifetimeRule('policy-max-id-token-validity', 'IdToken', 'ID token', 'maxIdTokenValidity'),
  maxLifetimeRule('policy-max-refresh-token-validity', 'RefreshToken', 'refresh token', 'maxRefreshTokenValidity'),
  {
    id: 'policy-oauth-flows-allowed',
    defaultSeverity: Severity.ERROR,
    title: 'OAuth flows are among the policy\'s allowed flows',
    source: SOURCES.DG_OAUTH,
    fix: 'Use only the OAuth flows the policy allows.',
    check(c, emit, p) {
      eachLiteral(c, 'AllowedOAuthFlows', (f, path) => {
        if (!p.allowedOAuthFlows!.includes(f)) emit(path, show(f), `the policy allows only ${p.allowedOAuthFlows!.join(', ') || 'no OAuth flow'}.`);
      });
    },
  },
  {
    id: 'policy-auth-flows-forbidden',
    defaultSeverity: Severity.ERROR,
    title: 'No explicit auth flow the policy forbids (the service default set counts when ExplicitAuthFlows is absent)',
    source: SOURCES.API,
    fix: 'Remove the forbidden flows; when ExplicitAuthFlows is absent, list the flows you need explicitly.',
    check(c, emit, p) {
      eachAuthFlow(c, (f, path, fromDefault) => {
        if (p.forbiddenAuthFlows!.includes(f)) {
          emit(path, fromDefault ? `(absent: the service default includes ${f})` : show(f), `the policy forbids ${f}.`);
        }
      });
    },
  },
  // eslint-disable-next-line no-bitwise
  allowedUrlsRule('policy-callback-urls-allowed', CALLBACK | DEFAULT, 'Callback URLs and DefaultRedirectURI', 'allowedCallbackUrls'),
  allowedUrlsRule('policy-logout-urls-allowed', LOGOUT, 'Logout URLs', 'allowedLogoutUrls'),
  {
    id: 'policy-scopes-allowed',
    defaultSeverity: Severity.ERROR,
    title: 'OAuth scopes are among the policy\'s allowed scopes',
    source: SOURCES.DG_OAUTH,
    fix: 'Use only the scopes the policy allows.',
    check(c, emit, p) {
      const scopes = c.AllowedOAuthScopes;
      if (!isList(scopes)) return;
      scopes.items.forEach((s, i) => {
        if (s === DCR_REGISTER_SCOPE) return; // granted only by name: policy-dcr-scope-explicit
        if ((typeof s === 'string' || s instanceof PartialString) && !fitsSome(p.allowedScopes!, s)) {
          emit(`AllowedOAuthScopes[${scopes.indexes[i]}]`, show(s), `${unlessResolved(s)}the policy allows only ${p.allowedScopes!.map((g) => g.source).join(', ')}.`);
        }
      });
    },
  },
  {
    id: 'policy-dcr-scope-explicit',
    defaultSeverity: Severity.ERROR,
    title: 'aws.cognito/dcr/register only where the policy\'s allowed scopes list it by name',
    source: 'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-dynamic-client-registration.html',
    fix: 'Remove aws.cognito/dcr/register from the client, or list it by name in the policy\'s allowedScopes for the stage that registers clients.',
    check(c, emit, p) {
      if (p.allowedScopes!.some((g) => g.source === DCR_REGISTER_SCOPE)) return;
      eachLiteral(c, 'AllowedOAuthScopes', (s, path) => {
        if (s === DCR_REGISTER_SCOPE) emit(path, show(s), `a client holding ${DCR_REGISTER_SCOPE} can register other app clients on the pool (dynamic client registration); the policy grants it only by name, and its allowed scopes (${p.allowedScopes!.map((g) => g.source).join(', ') || 'none'}) do not name it.`);
      });
    },
  },
  {
    id: 'policy-write-attributes-forbidden',
    defaultSeverity: Severity.ERROR,
    title: 'No client can write an attribute the policy forbids (custom:role, custom:tenant*...)',
    source: 'https://github.com/aws/aws-ops-wheel/pull/165',
    fix: 'List WriteAttributes without the forbidden attributes (AppClient: writeAttributes); an omitted or empty list lets the client write every mutable attribute.',
    check(c, emit, p, ctx) {
      const globs = p.forbiddenWriteAttributes!;
      const w = c.WriteAttributes;
      const pool = ctx?.pool;
      const schema = pool && !isUnknown(pool.schema) ? pool.schema : undefined;
      /** Some resolution could leave users unable to write it: Mutable not surely true in the visible schema, and users not surely able to sign themselves up. */
      const mayBeImmutable = (name: string) => {
        const a = schema?.find((x) => schemaName(x) === name);
        return pool !== undefined && pool.selfSignUp !== true && a !== undefined && a.mutable !== true;
      };
      const forbidding = (name: string) => globs.find((g) => g.matches(name));
      if (isList(w) && w.items.length > 0) {
        w.items.forEach((item, i) => {
          if (typeof item === 'string') {
            const g = item.startsWith('dev:custom:') ? undefined : forbidding(item);
            if (g && !mayBeImmutable(item)) emit(`WriteAttributes[${w.indexes[i]}]`, show(item), `it matches the forbidden pattern ${g.source}, so users can set it themselves (a backend that trusts it can be fooled).`);
          } else if (item instanceof PartialString) {
            const g = globs.find((x) => surelyMatches(x, item));
            if (g) emit(`WriteAttributes[${w.indexes[i]}]`, show(item), `whatever its unresolved parts become, it matches the forbidden pattern ${g.source}, so users can set it themselves (a backend that trusts it can be fooled).`);
          }
        });
        return;
      }
      if (!listEmpty(w)) return; // unresolved: could be any list
      const shown = w === undefined ? '(absent: every mutable attribute)' : '[] (every mutable attribute)';
      // Omitted or empty: every mutable attribute is writable (observed), standard ones on every pool and the pool's custom ones.
      if (schema === undefined) {
        const may = globs.filter((g) => mayNameCustom(g) || USER_WRITABLE_STANDARD.some((n) => g.matches(n)));
        if (may.length) {
          emit('WriteAttributes', shown, `with WriteAttributes ${w === undefined ? 'omitted' : 'empty'}, the client can write every mutable attribute of its pool, custom ones included, and the pool could not be seen (${pool ? 'its Schema is not a literal list' : 'it is not in this template'}), so whether an attribute matching ${may.map((g) => g.source).join(', ')} is writable is not known.`,
            undefined, Severity.WARNING);
        }
        return;
      }
      const candidates = [
        ...USER_WRITABLE_STANDARD.filter((n) => !schema.some((a) => schemaName(a) === n))
          .map((n) => ({ name: n, mutable: true as boolean | Unknown })),
        // a DeveloperOnlyAttribute that may be true could make it unwritable: skipped
        ...schema.filter((a) => a.developerOnly === false && !NOT_WRITABLE.includes(schemaName(a)))
          .map((a) => ({ name: schemaName(a), mutable: a.mutable })),
      ];
      // Writable when it may change after sign-up, or when users who sign themselves up set it; an unresolved Mutable or sign-up setting skips.
      const writable = candidates.filter((a) => forbidding(a.name) && (a.mutable === true || pool!.selfSignUp === true)).map((a) => a.name);
      if (writable.length) {
        emit('WriteAttributes', shown, `with WriteAttributes ${w === undefined ? 'omitted' : 'empty'}, the client can write every mutable attribute${pool!.selfSignUp === true ? ' (and users who sign themselves up set the others)' : ''}, and ${writable.join(', ')} of user pool ${pool!.logicalId} ${writable.length === 1 ? 'matches' : 'match'} the forbidden patterns (${globs.map((g) => g.source).join(', ')}).`);
      }
    },
  },
  {
    id: 'policy-write-attributes-explicit',
    defaultSeverity: Severity.ERROR,
    title: 'The client lists its WriteAttributes (omitted or empty, every mutable attribute is writable)',
    source: 'https://github.com/aws/aws-ops-wheel/pull/165',
    fix: 'List the attributes the client writes in WriteAttributes (AppClient: writeAttributes). To write as little as possible, list only the pool\'s required attributes, which are always writable.',
    check(c, emit) {
      const w = c.WriteAttributes;
      if (listEmpty(w)) {
        emit('WriteAttributes', w === undefined ? '(absent: every mutable attribute)' : '[] (every mutable attribute)', 'with WriteAttributes omitted or empty, the client can write every mutable attribute of the pool, custom ones included (custom:role, custom:tenant...), as observed.');
      }
    },
  },
  {
    id: 'policy-admin-scope-public',
    defaultSeverity: Severity.ERROR,
    title: 'No aws.cognito.signin.user.admin on a client without a secret (a browser or native app)',
    source: SOURCES.DG_OAUTH,
    fix: 'Remove aws.cognito.signin.user.admin from the public client; call user pool operations from a backend, or through a confidential client.',
    check(c, emit) {
      if (c.hasSecret !== false) return;
      eachLiteral(c, 'AllowedOAuthScopes', (s, path) => {
        if (s === ADMIN_SCOPE) emit(path, show(s), 'this client has no secret, so its tokens live in a browser or an app, and with this scope they call user pool API operations for the signed-in user (least privilege, RFC 9700).');
      });
    },
  },
  {
    id: 'policy-native-loopback-ip',
    defaultSeverity: Severity.ERROR,
    title: 'Loopback redirect URLs use 127.0.0.1 or [::1], not localhost',
    source: 'https://www.rfc-editor.org/rfc/rfc8252#section-7.3',
    fix: 'Use http://127.0.0.1:<port>/... (or http://[::1]:<port>/...) instead of http://localhost:<port>/... (Cognito accepts both).',
    check(c, emit) {
      eachUrl(c, ALL_URLS, (url, path) => {
        const parts = urlParts(url);
        if (parts && parts.shaped === undefined && (parts.scheme === 'http' || parts.scheme === 'https') && isLocalhostName(parts.host)) {
          emit(path, show(url), 'RFC 8252 recommends the loopback IP literal rather than localhost: the name may resolve to another interface, or be caught by a firewall.');
        }
      });
    },
  },
  {
    id: 'policy-native-scheme-reverse-domain',
    defaultSeverity: Severity.ERROR,
    title: 'Private-use URI schemes of redirect URLs are reverse domain names (com.example.app:/callback)',
    source: 'https://www.rfc-editor.org/rfc/rfc8252#section-7.1',
    fix: 'Use a scheme that is a domain you control, reversed, e.g. com.example.app:/callback instead of myapp://callback.',
    check(c, emit) {
      eachUrl(c, ALL_URLS, (url, path) => {
        const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(known(url).text)?.[1];
        // reverse domain name form: two or more labels, none empty (myapp. and com..app are not)
        if (scheme === undefined || ['http', 'https'].includes(scheme.toLowerCase()) || /^[^.]+(\.[^.]+)+$/.test(scheme)) return;
        emit(path, show(url), `the private-use scheme ${scheme} is not in reverse domain name form: any app may register it and receive the authorization code (RFC 8252 section 7.1).`);
      });
    },
  },
  {
    id: 'policy-identity-providers-allowed',
    defaultSeverity: Severity.ERROR,
    title: 'Identity providers are among the policy\'s allowed providers',
    source: SOURCES.API,
    fix: 'Use only the identity providers the policy allows.',
    check(c, emit, p) {
      eachLiteral(c, 'SupportedIdentityProviders', (s, path) => {
        if (!p.allowedIdentityProviders!.includes(s)) emit(path, show(s), `the policy allows only ${p.allowedIdentityProviders!.join(', ')}.`);
      });
    },
  },
  {
    id: 'policy-client-name-pattern',
    defaultSeverity: Severity.WARNING,
    title: 'ClientName follows the organisation\'s naming pattern',
    source: SOURCES.API,
    fix: 'Name the client after the organisation\'s convention.',
    check(c, emit, p) {
      const n = c.ClientName;
      if (n === undefined) emit('ClientName', '(absent: a generated name)', `a generated name cannot match the pattern ${p.clientNamePattern!.source}.`);
      else if (typeof n === 'string' && !p.clientNamePattern!.matches(n)) emit('ClientName', show(n), `it does not match the pattern ${p.clientNamePattern!.source}.`);
    },
  },
  {
    id: 'policy-client-secret',
    defaultSeverity: Severity.ERROR,
    title: 'The client has a secret, or has none, as the policy requires',
    source: SOURCES.DG_CLIENTS,
    fix: 'Set GenerateSecret as the policy requires (a change replaces the client: new id and secret).',
    check(c, emit, p) {
      if (p.clientSecret === 'REQUIRED' && c.hasSecret === false) emit('GenerateSecret', show(c.GenerateSecret), 'the policy requires a client secret.');
      if (p.clientSecret === 'FORBIDDEN' && c.hasSecret === true) emit('GenerateSecret', show(c.GenerateSecret), 'the policy forbids client secrets (public clients only).');
    },
  },
];

/** Every policy rule: about one client, then about the resources attached to clients. */
export const POLICY_RULES: ReadonlyArray<PolicyRule> = [...CLIENT_POLICY_RULES, ...POLICY_ATTACHMENT_RULES];

import { Duration } from 'aws-cdk-lib';
import { Glob, POLICY_RULES, plainGlob, urlGlob } from '../rules/policy';
import { Matcher, linearMatcher } from '../rules/private/linear-match';

/** The JSON form of a setting's value. */
export type SettingKind = 'duration' | 'boolean' | 'strings' | 'string' | 'severities' | 'extends' | 'acknowledgements';

/** The kinds that are about the policy itself (its baseline, its severities), not a rule's setting. */
const META_KINDS: ReadonlyArray<SettingKind> = ['severities', 'extends', 'acknowledgements'];

/**
 * One setting of an organisation policy: its key (the same in `ClientPolicyProps` and in policy
 * files), the JSON form of its value, what it checks (for the JSON Schema and the README table) and
 * the policy rule it turns on. This table is the one description of the settings: the JSON Schema,
 * the checks of policies built in code and read from files, the resolved settings the rules read
 * (`PolicySettings`, whose type is derived from this table), which rule each setting turns on, and the
 * README's policy table all come from it. `ClientPolicyProps` is the one second spelling jsii needs (an
 * interface with JSDoc); test/policy/settings-props.test.ts keeps it in step with this table.
 */
export interface SettingSpec {
  readonly key: string;
  readonly kind: SettingKind;
  /** The policy rule the setting turns on (none for `severities`). */
  readonly ruleId?: string;
  readonly description: string;
  /** Allowed values (for `string`) or allowed items (for `strings`). */
  readonly values?: ReadonlyArray<string>;
  /** A JSON Schema pattern for `string` values or `strings` items. */
  readonly pattern?: string;
  /**
   * How the rules read the value: `url-glob` and `plain-glob` make each item of a `strings` setting a
   * glob (see `urlGlob`, `plainGlob`), `re2` makes a `string` setting an RE2 matcher; by default a
   * value is read as written (a duration as its seconds).
   */
  readonly match?: 'url-glob' | 'plain-glob' | 're2';
  /** For a boolean setting, the value that turns its rule on (default `true`). */
  readonly turnsOnWith?: boolean;
  /** A key of policy files only (`extends`: in code, `ClientPolicy.oauthBcp()`), not of `ClientPolicyProps`. */
  readonly fileOnly?: boolean;
  /** Further rules the setting turns on, each with what it checks (a row of its own in the README table). */
  readonly alsoTurnsOn?: ReadonlyArray<{ readonly ruleId: string; readonly description: string }>;
}

export const OAUTH_FLOW_VALUES = ['code', 'implicit', 'client_credentials'];
export const AUTH_FLOW_VALUES = [
  'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_AUTH', 'ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH',
];
/** ISO 8601 durations as aws-cdk-lib's `Duration.parse` reads them (e.g. PT1H, P30D, PT15M). */
export const ISO_DURATION = '^P(?!$)(\\d+D)?(T(?!$)(\\d+H)?(\\d+M)?(\\d+S)?)?$';

const TABLE = [
  { key: 'maxAccessTokenValidity', kind: 'duration', ruleId: 'policy-max-access-token-validity', description: 'Longest allowed access-token lifetime, as an ISO 8601 duration (e.g. "PT1H"). Absent values count as the service default of 60 minutes.' },
  { key: 'maxIdTokenValidity', kind: 'duration', ruleId: 'policy-max-id-token-validity', description: 'Longest allowed ID-token lifetime, as an ISO 8601 duration (e.g. "PT1H").' },
  { key: 'maxRefreshTokenValidity', kind: 'duration', ruleId: 'policy-max-refresh-token-validity', description: 'Longest allowed refresh-token lifetime, as an ISO 8601 duration (e.g. "P30D"). Absent values count as the service default of 30 days.' },
  { key: 'allowedOAuthFlows', kind: 'strings', ruleId: 'policy-oauth-flows-allowed', values: OAUTH_FLOW_VALUES, description: 'The OAuth flows clients may use.' },
  { key: 'forbiddenAuthFlows', kind: 'strings', ruleId: 'policy-auth-flows-forbidden', values: AUTH_FLOW_VALUES, description: 'ExplicitAuthFlows values clients must not use (plain-password flows, legacy values, ALLOW_USER_AUTH, ...). When ExplicitAuthFlows is absent, the service default set is checked.' },
  { key: 'requirePreventUserExistenceErrors', kind: 'boolean', ruleId: 'policy-prevent-user-existence', description: 'Require PreventUserExistenceErrors: ENABLED.' },
  { key: 'requireTokenRevocation', kind: 'boolean', ruleId: 'policy-token-revocation', description: 'Require token revocation (EnableTokenRevocation not false).' },
  { key: 'requireRefreshTokenRotation', kind: 'boolean', ruleId: 'policy-refresh-rotation', description: 'Require refresh-token rotation on public clients (clients without a secret).' },
  { key: 'forbidImplicitFlow', kind: 'boolean', ruleId: 'policy-no-implicit', description: 'Forbid the implicit grant.' },
  { key: 'forbidPlaintextPasswordFlows', kind: 'boolean', ruleId: 'policy-no-plaintext-password-flows', description: 'Forbid flows that send the password instead of using SRP (ALLOW_USER_PASSWORD_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH, USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH).' },
  { key: 'forbidUserAuth', kind: 'boolean', ruleId: 'policy-user-auth-widens', description: 'Forbid ALLOW_USER_AUTH, which also enables password and SRP sign-in.' },
  { key: 'forbidExampleUrls', kind: 'boolean', ruleId: 'policy-no-example-callback', description: 'Forbid example.com callback, logout and default redirect URLs (the aws-cdk-lib default callback).' },
  { key: 'allowLoopbackUrls', kind: 'boolean', ruleId: 'policy-no-loopback-in-prod', turnsOnWith: false, description: 'false forbids loopback redirect URLs (localhost, 127.0.0.1, [::1], and every other spelling of a loopback host a browser accepts), as production clients should; true exempts http and https URLs on exactly localhost, 127.0.0.1 or [::1] from allowedCallbackUrls and allowedLogoutUrls.' },
  { key: 'allowedCallbackUrls', kind: 'strings', ruleId: 'policy-callback-urls-allowed', match: 'url-glob', description: 'Globs callback URLs and DefaultRedirectURI must match, e.g. "https://*.example.org/*". In the scheme and host, * stays within the host; in the path it matches anything.' },
  { key: 'allowedLogoutUrls', kind: 'strings', ruleId: 'policy-logout-urls-allowed', match: 'url-glob', description: 'Globs logout URLs must match, with the same syntax as allowedCallbackUrls.' },
  { key: 'allowedScopes', kind: 'strings', ruleId: 'policy-scopes-allowed', match: 'plain-glob', description: 'OAuth scopes clients may request; * matches any characters (e.g. "orders-api/*").', alsoTurnsOn: [{ ruleId: 'policy-dcr-scope-explicit', description: 'aws.cognito/dcr/register (a client holding it can register other clients) only when allowedScopes lists it exactly: a glob such as "*" or "aws.cognito/*" does not grant it.' }] },
  { key: 'allowedIdentityProviders', kind: 'strings', ruleId: 'policy-identity-providers-allowed', description: 'Identity provider names clients may use (e.g. "COGNITO", "Google", your SAML provider).' },
  { key: 'clientNamePattern', kind: 'string', ruleId: 'policy-client-name-pattern', match: 're2', description: 'A regular expression every ClientName must fully match (e.g. "[a-z][a-z0-9-]*"), in RE2 syntax: matched in linear time, so no backreferences or lookaround.' },
  { key: 'clientSecret', kind: 'string', ruleId: 'policy-client-secret', values: ['REQUIRED', 'FORBIDDEN'], description: 'REQUIRED: every client has a secret; FORBIDDEN: no client has one.' },
  { key: 'forbiddenWriteAttributes', kind: 'strings', ruleId: 'policy-write-attributes-forbidden', match: 'plain-glob', description: 'Attributes no client may write, as globs (e.g. "custom:role", "custom:tenant*"): listed in WriteAttributes, or, with WriteAttributes omitted or empty (every mutable attribute), a matching attribute of the pool. Mutable: false protects an attribute only when users cannot sign themselves up; dev:custom: attributes are exempt.' },
  { key: 'requireExplicitWriteAttributes', kind: 'boolean', ruleId: 'policy-write-attributes-explicit', description: 'Require every client to list its WriteAttributes: omitted or empty, every mutable attribute (custom ones included) is writable.' },
  { key: 'forbidAdminScopeOnPublicClients', kind: 'boolean', ruleId: 'policy-admin-scope-public', description: 'Forbid aws.cognito.signin.user.admin on clients without a secret (browser and native apps): its tokens call user pool API operations for the signed-in user.' },
  { key: 'requireLoopbackIpLiteral', kind: 'boolean', ruleId: 'policy-native-loopback-ip', description: 'Require loopback redirect URLs to use 127.0.0.1 or [::1] rather than the host name localhost (RFC 8252 section 7.3).' },
  { key: 'requireReverseDomainSchemes', kind: 'boolean', ruleId: 'policy-native-scheme-reverse-domain', description: 'Require private-use URI schemes of redirect URLs (not http or https) in reverse domain name form, e.g. com.example.app:/callback (RFC 8252 section 7.1).' },
  { key: 'requireManagedLoginStyle', kind: 'boolean', ruleId: 'policy-branding-required', description: 'Require a managed login style (AWS::Cognito::ManagedLoginBranding) in the template for every hosted sign-in client of a pool whose domain is on managed login (ManagedLoginVersion 2): the documented warning branding-missing becomes this error.' },
  { key: 'requireTerms', kind: 'boolean', ruleId: 'policy-terms-required', description: 'Require terms documents (AWS::Cognito::Terms) of both kinds, terms-of-use and privacy-policy, in the template for every hosted sign-in client.' },
  { key: 'maxSsoSessionValidity', kind: 'duration', ruleId: 'policy-max-sso-session-validity', description: 'Longest allowed SSO session validity of a client session setting (SSOSession.MaxValidityMinutes of an AWS::Cognito::UserPoolClientSessionConfigurationAttachment), as an ISO 8601 duration (e.g. "PT8H").' },
  { key: 'extends', kind: 'extends', fileOnly: true, values: ['oauth-bcp'], description: 'A named baseline this policy starts from: "oauth-bcp" (the OAuth 2.0 Security BCP, RFC 9700, with RFC 8252 for native apps; ClientPolicy.oauthBcp() in code). The file may tighten it and add to it; turning one of its rules off or weakening it needs an entry in acknowledgements.' },
  { key: 'acknowledgements', kind: 'acknowledgements', description: 'For a policy that extends a baseline: the baseline rules it turns off or weakens, by rule id, each with the reason (at least 10 visible characters), which every report lists.' },
  { key: 'severities', kind: 'severities', description: 'The severity of each policy rule ("error" fails synth, "warning" is reported), by rule id; rules keep their default severity otherwise.' },
] as const satisfies ReadonlyArray<SettingSpec>;

/** Every setting, in the order of the README table and the schema. */
export const SETTINGS: ReadonlyArray<SettingSpec> = TABLE;


/** One entry of the settings table, with its literal types. */
type Entry = typeof TABLE[number];

/** The value the rules read for an entry: durations in seconds, globs and patterns as matchers. */
type Resolved<E> =
  E extends { kind: 'duration' } ? number
    : E extends { kind: 'boolean' } ? boolean
      : E extends { kind: 'strings'; match: 'url-glob' | 'plain-glob' } ? ReadonlyArray<Glob>
        : E extends { kind: 'strings' } ? ReadonlyArray<string>
          : E extends { kind: 'string'; match: 're2' } ? Matcher
            : E extends { kind: 'string' } ? string
              : never;

/**
 * An organisation policy, resolved for the rules: one optional field per setting of `SETTINGS`, by
 * its key (derived from the table, never written twice); a rule runs only when its setting turns it on.
 */
export type PolicySettings = { readonly [E in Exclude<Entry, { kind: 'severities' | 'extends' | 'acknowledgements' }> as E['key']]?: Resolved<E> };

/** The key of a setting. */
export type SettingKey = Entry['key'];

/** Whether a setting's value turns its rule on: a boolean when it has the value that does, any other setting when given. */
export function turnsOn(spec: SettingSpec, value: unknown): boolean {
  if (value === undefined) return false;
  return spec.kind === 'boolean' ? value === (spec.turnsOnWith ?? true) : true;
}

/** Whether the resolved settings turn a policy rule on. */
export function ruleTurnedOn(ruleId: string, settings: PolicySettings): boolean {
  const values = settings as { readonly [key: string]: unknown };
  return SETTINGS.some((s) => rulesOf(s).includes(ruleId) && turnsOn(s, values[s.key]));
}

/** The rules a setting turns on. */
export function rulesOf(spec: SettingSpec): string[] {
  return [...(spec.ruleId ? [spec.ruleId] : []), ...(spec.alsoTurnsOn ?? []).map((x) => x.ruleId)];
}

/** A duration in milliseconds, or undefined when it is not a safe integer (a 400-digit ISO duration is Infinity). */
export function millis(d: Duration): number | undefined {
  try {
    const ms = d.toMilliseconds();
    return Number.isSafeInteger(ms) ? ms : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The settings as the rules read them, from well-typed props (after `readSettings` in
 * client-policy.ts): each setting is read by its entry (durations to seconds, globs and patterns to
 * matchers); a value that cannot be used is a problem, and left out.
 */
export function resolveSettings(props: { readonly [key: string]: unknown }, problems: string[]): PolicySettings {
  const out: { [key: string]: unknown } = {};
  for (const spec of SETTINGS) {
    const v = props[spec.key];
    if (v === undefined || META_KINDS.includes(spec.kind)) continue;
    const resolved = resolveOne(spec, v, problems);
    if (resolved !== undefined) out[spec.key] = resolved;
  }
  return out as PolicySettings;
}

function resolveOne(spec: SettingSpec, v: unknown, problems: string[]): unknown {
  switch (spec.kind) {
    case 'duration': {
      const d = v as Duration;
      if (!(d instanceof Duration) || d.isUnresolved()) {
        problems.push(`${spec.key}: must be a literal Duration (a token-valued duration cannot be compared at synth).`);
        return undefined;
      }
      const ms = millis(d);
      if (ms === undefined) {
        problems.push(`"${spec.key}": ${d.toHumanString()} is too long to be a token lifetime (at most ${Number.MAX_SAFE_INTEGER} milliseconds).`);
        return undefined;
      }
      return ms / 1000;
    }
    case 'strings': {
      const list = v as ReadonlyArray<string>;
      if (spec.match === 'url-glob') return list.map(urlGlob);
      if (spec.match === 'plain-glob') return list.map(plainGlob);
      return list;
    }
    case 'string':
      if (spec.match === 're2') {
        try {
          return linearMatcher(v as string);
        } catch (e) {
          problems.push(`${spec.key}: ${JSON.stringify(v)} is not a valid RE2 regular expression (${(e as Error).message}); RE2 matches in linear time and has no backreferences or lookaround.`);
          return undefined;
        }
      }
      return v;
    default:
      return v;
  }
}

/** Every policy rule id, for the severities map. */
export const POLICY_RULE_IDS = POLICY_RULES.map((r) => r.id);

/** The JSON Schema of a policy file, generated from `SETTINGS`. */
export function policySchema(): { [key: string]: unknown } {
  const properties: { [key: string]: unknown } = {
    $schema: { type: 'string', description: 'The schema this file follows.' },
  };
  for (const s of SETTINGS) {
    const ids = rulesOf(s);
    const rule = ids.length === 0 ? '' : ids.length === 1 ? ` Rule: ${ids[0]}.` : ` Rules: ${ids.join(', ')}.` + (s.alsoTurnsOn ?? []).map((x) => ` ${x.ruleId}: ${x.description}`).join('');
    switch (s.kind) {
      case 'duration':
        properties[s.key] = { type: 'string', pattern: ISO_DURATION, description: s.description + rule };
        break;
      case 'boolean':
        properties[s.key] = { type: 'boolean', description: s.description + rule };
        break;
      case 'string':
        properties[s.key] = s.values
          ? { type: 'string', enum: s.values, description: s.description + rule }
          : { type: 'string', minLength: 1, description: s.description + rule };
        break;
      case 'strings':
        properties[s.key] = {
          type: 'array',
          items: s.values ? { type: 'string', enum: s.values } : { type: 'string', minLength: 1 },
          uniqueItems: true,
          description: s.description + rule,
        };
        break;
      case 'extends':
        properties[s.key] = { type: 'string', enum: s.values, description: s.description };
        break;
      case 'acknowledgements':
        properties[s.key] = {
          type: 'object',
          propertyNames: { enum: POLICY_RULE_IDS },
          additionalProperties: { type: 'string', minLength: 10 },
          description: s.description,
        };
        break;
      case 'severities':
        properties[s.key] = {
          type: 'object',
          propertyNames: { enum: POLICY_RULE_IDS },
          additionalProperties: { type: 'string', enum: ['error', 'warning'] },
          description: s.description,
        };
        break;
    }
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/cdk-cognito-app-client/cdk-cognito-app-client/schema/client-policy.schema.json',
    title: 'cdk-cognito-app-client organisation policy for Cognito app clients',
    type: 'object',
    additionalProperties: false,
    properties,
  };
}

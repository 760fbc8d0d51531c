import { readFileSync } from 'fs';
import { Duration } from 'aws-cdk-lib';
import { BASELINES } from './baselines';
import { duplicateKeys } from './private/duplicate-keys';
import { ISO_DURATION, POLICY_RULE_IDS, PolicySettings, SETTINGS, SettingSpec, millis, policySchema, resolveSettings, ruleTurnedOn, rulesOf } from './settings';
import { isRealReason, reasonRefusal } from '../private/acknowledgements';
import { LibraryError } from '../private/errors';
import { POLICY_RULES } from '../rules/policy';
import { rulePage } from '../rules/private/sources';
import { RuleInfo, Severity } from '../rules/types';

/**
 * An OAuth 2.0 flow (`AllowedOAuthFlows` value).
 */
export enum OAuthFlow {
  /** The authorization code grant (`code`). */
  AUTHORIZATION_CODE = 'code',
  /** The implicit grant (`implicit`). */
  IMPLICIT = 'implicit',
  /** The client credentials grant (`client_credentials`). */
  CLIENT_CREDENTIALS = 'client_credentials',
}

/**
 * An `ExplicitAuthFlows` value.
 */
export enum ExplicitAuthFlow {
  /** Admin sign-in with the password sent to Cognito. */
  ALLOW_ADMIN_USER_PASSWORD_AUTH = 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  /** Custom authentication with Lambda triggers. */
  ALLOW_CUSTOM_AUTH = 'ALLOW_CUSTOM_AUTH',
  /** Sign-in with the password sent to Cognito. */
  ALLOW_USER_PASSWORD_AUTH = 'ALLOW_USER_PASSWORD_AUTH',
  /** Sign-in with the Secure Remote Password protocol. */
  ALLOW_USER_SRP_AUTH = 'ALLOW_USER_SRP_AUTH',
  /** Refreshing tokens. */
  ALLOW_REFRESH_TOKEN_AUTH = 'ALLOW_REFRESH_TOKEN_AUTH',
  /** Choice-based sign-in (USER_AUTH), which also enables password and SRP sign-in. */
  ALLOW_USER_AUTH = 'ALLOW_USER_AUTH',
  /** Legacy: admin sign-in without SRP. */
  ADMIN_NO_SRP_AUTH = 'ADMIN_NO_SRP_AUTH',
  /** Legacy: custom authentication only. */
  CUSTOM_AUTH_FLOW_ONLY = 'CUSTOM_AUTH_FLOW_ONLY',
  /** Legacy: sign-in with the password sent to Cognito. */
  USER_PASSWORD_AUTH = 'USER_PASSWORD_AUTH',
}

/**
 * Whether the policy requires app clients to have a client secret.
 */
export enum ClientSecretPolicy {
  /** Every client has a secret (confidential clients only). */
  REQUIRED = 'REQUIRED',
  /** No client has a secret (public clients only). */
  FORBIDDEN = 'FORBIDDEN',
}

/**
 * An organisation's rules for Cognito app clients. Every setting is optional: a rule runs only
 * when its setting is given, with the severity from `severities` or the rule's default.
 *
 * The same settings, with the same names, make up the policy JSON file (durations as ISO 8601
 * strings such as "PT1H"); see `schema/client-policy.schema.json`.
 */
export interface ClientPolicyProps {
  /**
   * The longest allowed access-token lifetime (absent values count as the service default, 60 minutes).
   * Rule `policy-max-access-token-validity`.
   *
   * @default - no maximum beyond the service's
   */
  readonly maxAccessTokenValidity?: Duration;

  /**
   * The longest allowed ID-token lifetime (absent values count as the service default, 60 minutes).
   * Rule `policy-max-id-token-validity`.
   *
   * @default - no maximum beyond the service's
   */
  readonly maxIdTokenValidity?: Duration;

  /**
   * The longest allowed refresh-token lifetime (absent values count as the service default, 30 days).
   * Rule `policy-max-refresh-token-validity`.
   *
   * @default - no maximum beyond the service's
   */
  readonly maxRefreshTokenValidity?: Duration;

  /**
   * The OAuth flows clients may use (`code`, `implicit`, `client_credentials`).
   * Rule `policy-oauth-flows-allowed`.
   *
   * @default - every flow
   */
  readonly allowedOAuthFlows?: OAuthFlow[];

  /**
   * ExplicitAuthFlows values clients must not use, e.g. plain-password flows, legacy values or
   * `ALLOW_USER_AUTH`. When a client has no ExplicitAuthFlows, the service default set
   * (`ALLOW_REFRESH_TOKEN_AUTH`, `ALLOW_USER_SRP_AUTH`, `ALLOW_CUSTOM_AUTH`) is checked.
   * Rule `policy-auth-flows-forbidden`.
   *
   * @default - no flow is forbidden
   */
  readonly forbiddenAuthFlows?: ExplicitAuthFlow[];

  /**
   * Require `PreventUserExistenceErrors: ENABLED`. Rule `policy-prevent-user-existence`.
   *
   * @default false
   */
  readonly requirePreventUserExistenceErrors?: boolean;

  /**
   * Require token revocation. Rule `policy-token-revocation`.
   *
   * @default false
   */
  readonly requireTokenRevocation?: boolean;

  /**
   * Require refresh-token rotation on public clients (clients without a secret).
   * Rule `policy-refresh-rotation`.
   *
   * @default false
   */
  readonly requireRefreshTokenRotation?: boolean;

  /**
   * Forbid the implicit grant. Rule `policy-no-implicit`.
   *
   * @default false
   */
  readonly forbidImplicitFlow?: boolean;

  /**
   * Forbid the flows that send the password instead of using SRP. Rule `policy-no-plaintext-password-flows`.
   *
   * @default false
   */
  readonly forbidPlaintextPasswordFlows?: boolean;

  /**
   * Forbid `ALLOW_USER_AUTH`, which also enables password and SRP sign-in. Rule `policy-user-auth-widens`.
   *
   * @default false
   */
  readonly forbidUserAuth?: boolean;

  /**
   * Forbid example.com redirect URLs (aws-cdk-lib's default callback). Rule `policy-no-example-callback`.
   *
   * @default false
   */
  readonly forbidExampleUrls?: boolean;

  /**
   * `false` forbids loopback redirect URLs (localhost, 127.0.0.1, [::1], and every other spelling of
   * a loopback host a browser accepts, such as `127.1` or `localhost.`), as production clients should
   * (rule `policy-no-loopback-in-prod`); `true` exempts `http` and `https` URLs whose host is exactly
   * `localhost`, `127.0.0.1` or `[::1]` from `allowedCallbackUrls` and `allowedLogoutUrls` (a custom
   * scheme such as `myapp://localhost/cb` is not exempt: any app may register it).
   *
   * @default - loopback URLs are neither forbidden nor exempt
   */
  readonly allowLoopbackUrls?: boolean;

  /**
   * Globs that callback URLs and the default redirect URI must match, e.g.
   * `https://*.example.org/*`. In the scheme and host, `*` stays within the host; in the path it
   * matches anything. Rule `policy-callback-urls-allowed`.
   *
   * @default - any callback URL
   */
  readonly allowedCallbackUrls?: string[];

  /**
   * Globs that logout URLs must match (same syntax as `allowedCallbackUrls`).
   * Rule `policy-logout-urls-allowed`.
   *
   * @default - any logout URL
   */
  readonly allowedLogoutUrls?: string[];

  /**
   * The OAuth scopes clients may request; `*` matches any characters (e.g. `orders-api/*`).
   * Rule `policy-scopes-allowed`. The system scope `aws.cognito/dcr/register` (a client holding it
   * can register other app clients) is allowed only when listed by name: a glob such as `*` does not
   * grant it (rule `policy-dcr-scope-explicit`).
   *
   * @default - any scope
   */
  readonly allowedScopes?: string[];

  /**
   * The identity providers clients may use (e.g. `COGNITO`, `Google`, a SAML provider's name).
   * Rule `policy-identity-providers-allowed`.
   *
   * @default - any identity provider
   */
  readonly allowedIdentityProviders?: string[];

  /**
   * A regular expression (JavaScript syntax) every client name must fully match. A client without
   * a name gets a generated one, which does not match. Rule `policy-client-name-pattern`.
   *
   * @default - any name
   */
  readonly clientNamePattern?: string;

  /**
   * Whether clients must have a secret, or must not. Rule `policy-client-secret`.
   *
   * @default - either
   */
  readonly clientSecret?: ClientSecretPolicy;

  /**
   * Attributes no client may write, as globs (`*` matches any characters), e.g. `custom:role` or
   * `custom:tenant*`: listed in WriteAttributes, or, with WriteAttributes omitted or empty (every
   * mutable attribute is then writable), a matching attribute of the pool. `Mutable: false` protects an
   * attribute only when users cannot sign themselves up (they set it at sign-up); `dev:custom:`
   * attributes are never user-writable. Rule `policy-write-attributes-forbidden`.
   *
   * @default - any attribute may be writable
   */
  readonly forbiddenWriteAttributes?: string[];

  /**
   * Require every client to list its WriteAttributes (omitted or empty, every mutable attribute,
   * custom ones included, is writable). Rule `policy-write-attributes-explicit`.
   *
   * @default false
   */
  readonly requireExplicitWriteAttributes?: boolean;

  /**
   * Forbid `aws.cognito.signin.user.admin` on clients without a secret (browser and native apps):
   * its access tokens call user pool API operations for the signed-in user. Rule `policy-admin-scope-public`.
   *
   * @default false
   */
  readonly forbidAdminScopeOnPublicClients?: boolean;

  /**
   * Require loopback redirect URLs to use `127.0.0.1` or `[::1]` rather than the host name
   * `localhost` (RFC 8252 section 7.3). Rule `policy-native-loopback-ip`.
   *
   * @default false
   */
  readonly requireLoopbackIpLiteral?: boolean;

  /**
   * Require private-use URI schemes of redirect URLs (any scheme but `http` and `https`) in reverse
   * domain name form, such as `com.example.app:/callback` (RFC 8252 section 7.1).
   * Rule `policy-native-scheme-reverse-domain`.
   *
   * @default false
   */
  readonly requireReverseDomainSchemes?: boolean;

  /**
   * Require a managed login style (`AWS::Cognito::ManagedLoginBranding`) in the template for every
   * hosted sign-in client (OAuth with the code or implicit grant) of a pool whose domain is on managed
   * login (`ManagedLoginVersion: 2`): the documented warning `branding-missing` becomes the error of
   * rule `policy-branding-required`. A style made in the console is invisible to the check.
   *
   * @default false
   */
  readonly requireManagedLoginStyle?: boolean;

  /**
   * Require terms documents (`AWS::Cognito::Terms`) of both kinds, `terms-of-use` and
   * `privacy-policy`, in the template for every hosted sign-in client. Rule `policy-terms-required`.
   *
   * @default false
   */
  readonly requireTerms?: boolean;

  /**
   * The longest allowed SSO session validity of a client session setting
   * (`SSOSession.MaxValidityMinutes` of an `AWS::Cognito::UserPoolClientSessionConfigurationAttachment`).
   * Rule `policy-max-sso-session-validity`.
   *
   * @default - no maximum beyond the service's (90 days)
   */
  readonly maxSsoSessionValidity?: Duration;

  /**
   * For a policy that extends a baseline (`ClientPolicy.oauthBcp()`, `"extends"` in a file): the
   * baseline rules it turns off or weakens (a setting turned off, a longer lifetime, an error made a
   * warning), by rule id, each with the reason (at least 10 visible characters). Every report lists
   * them (`ClientPolicy.acknowledged`).
   *
   * @default - no baseline rule is turned off or weakened
   */
  readonly acknowledgements?: { [ruleId: string]: string };

  /**
   * The severity of policy rules, by rule id: errors fail synth, warnings are reported.
   *
   * @default - each rule's default severity (see `ClientPolicy.rules()`)
   */
  readonly severities?: { [ruleId: string]: Severity };
}

/**
 * A rule of a baseline that a policy turns off or weakens, with the reason it gives.
 */
export interface BaselineAcknowledgement {
  /** The baseline, e.g. `oauth-bcp`. */
  readonly baseline: string;
  /** The rule turned off or weakened. */
  readonly ruleId: string;
  /** What the policy does to it, e.g. `requireRefreshTokenRotation: false`. */
  readonly change: string;
  /** Why, as the policy says. */
  readonly reason: string;
}

/**
 * An organisation policy for Cognito app clients, checked by `AppClientChecks` on every client of
 * an app and by `ClientRules.check` on CloudFormation properties.
 *
 * @example
 * const policy = ClientPolicy.fromFile('client-policy.json');
 */
export class ClientPolicy {
  /**
   * The secure baseline: the catalog's first eight `policy-*` rules on (no implicit grant,
   * `PreventUserExistenceErrors: ENABLED`, token revocation, no plain-password flows, no
   * `ALLOW_USER_AUTH`, no example.com URLs, no loopback URLs, refresh-token rotation on public
   * clients), each with its default severity.
   *
   * @param overrides settings that replace the baseline's
   */
  public static recommended(overrides?: ClientPolicyProps): ClientPolicy {
    return new ClientPolicy({
      forbidImplicitFlow: true,
      requirePreventUserExistenceErrors: true,
      requireTokenRevocation: true,
      forbidPlaintextPasswordFlows: true,
      forbidUserAuth: true,
      forbidExampleUrls: true,
      allowLoopbackUrls: false,
      requireRefreshTokenRotation: true,
      ...overrides,
    });
  }

  /**
   * The OAuth 2.0 Security BCP (RFC 9700), with RFC 8252 for native apps, as the rule catalog
   * composes it: no implicit grant, no flows that send the password, refresh-token rotation on public
   * clients (an error), token revocation, `PreventUserExistenceErrors: ENABLED`, no example.com URLs,
   * no `aws.cognito.signin.user.admin` on public clients, loopback redirects on `127.0.0.1` or `[::1]`,
   * reverse-domain private-use schemes, access and ID tokens of at most 1 hour and refresh tokens of at
   * most 30 days, and the documented rule `redirect-uri-wildcard` as an error. What a template cannot
   * decide (PKCE, sender-constrained tokens) is in docs/oauth-bcp.md. A policy file says the same with
   * `"extends": "oauth-bcp"`.
   *
   * @param overrides settings that tighten the baseline or add to it; one that turns a baseline rule
   * off or weakens it needs an entry in `acknowledgements`, with the reason
   */
  public static oauthBcp(overrides?: ClientPolicyProps): ClientPolicy {
    const problems: string[] = [];
    const checked = overrides === undefined ? {} : readCode(overrides, problems);
    const policy = composed('oauth-bcp', checked, 'code', problems);
    if (problems.length || !policy) throw new ClientPolicyError('ClientPolicy.oauthBcp', problems);
    return policy;
  }

  /**
   * A policy from its JSON form (the content of a policy file). Throws one error naming every
   * unknown key and every value of the wrong type.
   *
   * @param json the parsed policy file
   * @param source where the JSON comes from, for error messages
   */
  public static fromJson(json: any, source?: string): ClientPolicy {
    const where = source ?? 'policy';
    const problems: string[] = [];
    const props: { [key: string]: any } = {};
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new ClientPolicyError(where, [`the policy must be a JSON object, not ${describe(json)}.`]);
    }
    Object.assign(props, readSettings(json, 'file', problems));
    // The well-typed settings still go through the constructor's checks, so every problem is reported at once.
    let policy: ClientPolicy | undefined;
    const { extends: baseline, ...own } = props;
    if (typeof baseline === 'string') {
      policy = composed(baseline, own, 'file', problems);
    } else {
      try {
        policy = new ClientPolicy(props as ClientPolicyProps);
      } catch (e) {
        if (!(e instanceof ClientPolicyError)) throw e;
        problems.push(...e.problems);
      }
    }
    if (problems.length || !policy) throw new ClientPolicyError(where, problems);
    return policy;
  }

  /**
   * A policy from a JSON file (see `schema/client-policy.schema.json`).
   *
   * @param path the policy file
   */
  public static fromFile(path: string): ClientPolicy {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new ClientPolicyError(path, [`cannot read the policy file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`]);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new ClientPolicyError(path, [`the policy file is not valid JSON (${(e as Error).message}).`]);
    }
    const repeated = duplicateKeys(text);
    if (repeated.length) {
      throw new ClientPolicyError(path, repeated.map((k) => `the key "${k}" is given more than once; JSON keeps only the last value, so the earlier one would be silently ignored. Keep one.`));
    }
    return ClientPolicy.fromJson(json, path);
  }

  /**
   * Every policy rule, with its default severity.
   */
  public static rules(): RuleInfo[] {
    return POLICY_RULES.map((r) => ({ id: r.id, severity: r.defaultSeverity, title: r.title, source: r.source, docs: rulePage(r.id) }));
  }

  /**
   * The JSON Schema of policy files.
   */
  public static jsonSchema(): any {
    return policySchema();
  }

  /**
   * Makes a policy from a baseline and the settings over it (checked, in props form).
   *
   * @internal
   */
  public static _compose(name: string, own: { [key: string]: unknown }, problems: string[]): ClientPolicy | undefined {
    const base = BASELINES[name];
    const baseProps = readSettings(base.settings as { [key: string]: unknown }, 'file', problems);
    const severities = { ...base.severities, ...(own.severities as object ?? {}) } as { [id: string]: Severity };
    const { acknowledgements, ...settings } = own;
    const merged = { ...baseProps, ...settings, severities } as { [key: string]: unknown };
    let policy: ClientPolicy | undefined;
    ClientPolicy.composing = true;
    try {
      policy = new ClientPolicy(merged as ClientPolicyProps);
    } catch (e) {
      if (!(e instanceof ClientPolicyError)) throw e;
      problems.push(...e.problems);
    } finally {
      ClientPolicy.composing = false;
    }
    // What the settings over the baseline turn off or weaken, each needing an acknowledgement.
    const weakened = weakenings(baseProps, base.severities, merged, severities);
    const acks = (acknowledgements ?? {}) as { [ruleId: string]: string };
    for (const w of weakened) {
      if (acks[w.ruleId] === undefined) {
        problems.push(`${w.change} turns off or weakens ${w.ruleId} of the ${name} baseline; acknowledge it with a reason, which every report lists: "acknowledgements": { "${w.ruleId}": "<why>" }.`);
      }
    }
    for (const id of Object.keys(acks)) {
      if (!weakened.some((w) => w.ruleId === id)) problems.push(`acknowledgements.${id}: this policy neither turns off nor weakens ${id} of the ${name} baseline, so there is nothing to acknowledge.`);
    }
    if (!policy) return undefined;
    policy.baselineName = name;
    policy.acknowledgedList = weakened.filter((w) => acks[w.ruleId] !== undefined)
      .map((w) => ({ baseline: name, ruleId: w.ruleId, change: w.change, reason: acks[w.ruleId].trim() }));
    policy.documentedLevels = { ...base.documentedSeverities } as { [ruleId: string]: Severity };
    return policy;
  }

  /** Set while a baseline policy is made (its acknowledgements are checked there). */
  private static composing = false;

  /** The resolved settings the rules read. */
  private readonly settings: PolicySettings;
  private readonly levels: { [ruleId: string]: Severity };
  /** The baseline this policy extends, and what it turns off or weakens. */
  private baselineName?: string;
  private acknowledgedList: BaselineAcknowledgement[] = [];
  private documentedLevels: { [ruleId: string]: Severity } = {};

  /**
   * A policy from typed settings. Throws one `[invalid-policy]` error naming every invalid setting,
   * checked against the same settings table as a policy file (`fromJson`): from an untyped language
   * such as JavaScript, an unknown key or a value of the wrong type is an error, as in a file.
   *
   * @param props the organisation's settings
   */
  constructor(props: ClientPolicyProps) {
    const collect: string[] = [];
    // From JavaScript (or any untyped caller), props are checked against the settings table as a
    // file is: unknown keys and ill-typed values are problems, and the settings with one are left out.
    if (typeof props !== 'object' || props === null || Array.isArray(props)) {
      throw new ClientPolicyError('ClientPolicy', [`the policy settings must be an object, not ${describe(props)}.`]);
    }
    const checked = readSettings(props as unknown as { [key: string]: unknown }, 'code', collect) as ClientPolicyProps;
    this.settings = resolveSettings(checked as { readonly [key: string]: unknown }, collect);
    this.levels = {};
    for (const [id, level] of Object.entries(checked.severities ?? {})) {
      if (!POLICY_RULE_IDS.includes(id)) collect.push(`severities: unknown policy rule "${id}"${suggest(id, POLICY_RULE_IDS)}.`);
      else if (level !== Severity.ERROR && level !== Severity.WARNING) collect.push(`severities.${id}: ${JSON.stringify(level)} is not "error" or "warning".`);
      else this.levels[id] = level;
    }
    if (checked.acknowledgements !== undefined && !ClientPolicy.composing) {
      collect.push('acknowledgements: only a policy that extends a baseline (ClientPolicy.oauthBcp(), "extends" in a file) has rules to acknowledge.');
    }
    if (collect.length) throw new ClientPolicyError('ClientPolicy', collect);
  }

  /**
   * The baseline this policy extends (`oauth-bcp`), if any.
   */
  public get baseline(): string | undefined {
    return this.baselineName;
  }

  /**
   * The baseline rules this policy turns off or weakens, each with its reason: every report lists them.
   */
  public get acknowledged(): BaselineAcknowledgement[] {
    return this.acknowledgedList.map((a) => ({ ...a }));
  }

  /**
   * The severity this policy gives a documented rule, when it changes it (a baseline's), for the engine.
   *
   * @internal
   */
  public _documentedSeverities(): { readonly [ruleId: string]: Severity } {
    return this.documentedLevels;
  }


  /**
   * The ids of the policy rules this policy turns on.
   */
  public get enabledRuleIds(): string[] {
    return POLICY_RULES.filter((r) => ruleTurnedOn(r.id, this.settings)).map((r) => r.id);
  }

  /**
   * The severity this policy gives a policy rule.
   *
   * @param ruleId a policy rule id
   */
  public severityOf(ruleId: string): Severity {
    return this.levels[ruleId] ?? POLICY_RULES.find((r) => r.id === ruleId)?.defaultSeverity ?? Severity.ERROR;
  }

  /**
   * The resolved settings, for the rule engine.
   *
   * @internal
   */
  public _settings(): PolicySettings {
    return this.settings;
  }
}

/**
 * A policy that cannot be used: names the source and every problem.
 */
class ClientPolicyError extends LibraryError {
  constructor(where: string, public readonly problems: string[]) {
    super('invalid-policy', `${where}: invalid client policy:\n${problems.map((p) => `  - ${p}`).join('\n')}`, 'ClientPolicyError');
  }
}

/**
 * Reads settings against the settings table, in their file form (JSON: durations as ISO 8601
 * strings, `$schema` allowed) or their code form (`ClientPolicyProps`: durations as `Duration`
 * objects): every unknown key and ill-typed value is a problem; the well-typed settings are returned
 * in their props form (a setting with a problem is left out, so that it is not reported again).
 */
function readSettings(input: { [key: string]: unknown }, form: 'file' | 'code', problems: string[]): { [key: string]: unknown } {
  const props: { [key: string]: unknown } = {};
  for (const key of Object.keys(input)) {
    const v = input[key];
    if (form === 'code' && v === undefined) continue; // an optional prop left out
    if (key === '$schema' && form === 'file') {
      if (typeof v !== 'string') problems.push(`"$schema": ${describeValue(v)} is not a string.`);
      continue;
    }
    const spec = SETTINGS.find((x) => x.key === key && !(form === 'code' && x.fileOnly));
    if (!spec) {
      if (form === 'code' && SETTINGS.some((x) => x.key === key && x.fileOnly)) {
        problems.push(`unknown key "${key}": "${key}" is for policy files; in code, start from ClientPolicy.oauthBcp() (a baseline's settings, tightened or added to).`);
        continue;
      }
      const near = closest(key, SETTINGS.filter((x) => !(form === 'code' && x.fileOnly)).map((x) => x.key));
      problems.push(`unknown key "${key}"${near ? ` (did you mean "${near}"?)` : ''}.`);
      continue;
    }
    const before = problems.length;
    const value = readSetting(spec, v, problems, form);
    if (value !== undefined && problems.length === before) props[key] = value;
  }
  return props;
}

/** Reads one setting of a policy file into its props form; records a problem and returns undefined if ill-typed. */
function readSetting(spec: SettingSpec, v: unknown, problems: string[], form: 'file' | 'code' = 'file'): unknown {
  const bad = (expected: string) => {
    problems.push(`"${spec.key}": ${describeValue(v)} is not ${expected}.`);
    return undefined;
  };
  switch (spec.kind) {
    case 'boolean':
      return typeof v === 'boolean' ? v : bad('true or false');
    case 'duration': {
      if (form === 'code') {
        // a token-valued Duration is reported by the constructor's own check
        return v instanceof Duration ? v : bad('a Duration (such as Duration.hours(1); ISO 8601 strings are for policy files)');
      }
      if (typeof v !== 'string' || !new RegExp(ISO_DURATION).test(v)) return bad('an ISO 8601 duration such as "PT1H" or "P30D"');
      const d = Duration.parse(v);
      if (millis(d) === undefined) return bad(`a duration that can be compared (at most ${Number.MAX_SAFE_INTEGER} milliseconds)`);
      return d;
    }
    case 'string':
      if (typeof v !== 'string' || v === '') return bad(spec.values ? `one of ${spec.values.map((x) => JSON.stringify(x)).join(', ')}` : 'a non-empty string');
      if (spec.values && !spec.values.includes(v)) return bad(`one of ${spec.values.map((x) => JSON.stringify(x)).join(', ')}`);
      return v;
    case 'strings':
      if (!Array.isArray(v)) return bad('a list of strings');
      v.forEach((x, i) => {
        if (v.indexOf(x) !== i) problems.push(`"${spec.key}"[${i}]: ${describeValue(x)} is listed twice.`);
        else if (typeof x !== 'string' || x === '') problems.push(`"${spec.key}"[${i}]: ${describeValue(x)} is not a non-empty string.`);
        else if (spec.values && !spec.values.includes(x)) problems.push(`"${spec.key}"[${i}]: ${JSON.stringify(x)} is not one of ${spec.values.join(', ')}${suggest(x, spec.values)}.`);
      });
      return v;
    case 'extends':
      if (typeof v !== 'string' || !spec.values!.includes(v)) return bad(`one of ${spec.values!.map((x) => JSON.stringify(x)).join(', ')}`);
      return v;
    case 'acknowledgements':
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad('an object of rule ids to reasons');
      for (const [id, reason] of Object.entries(v)) {
        if (!POLICY_RULE_IDS.includes(id)) problems.push(`"acknowledgements": unknown policy rule "${id}"${suggest(id, POLICY_RULE_IDS)}.`);
        else if (!isRealReason(reason)) problems.push(`"acknowledgements"."${id}": ${reasonRefusal(reason)}; give the reason, which every report lists.`);
      }
      return v;
    case 'severities':
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad('an object of rule ids to "error" or "warning"');
      for (const [id, level] of Object.entries(v)) {
        if (!POLICY_RULE_IDS.includes(id)) problems.push(`"severities": unknown policy rule "${id}"${suggest(id, POLICY_RULE_IDS)}.`);
        else if (level !== 'error' && level !== 'warning') problems.push(`"severities"."${id}": ${describeValue(level)} is not "error" or "warning".`);
      }
      return v;
  }
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function describeValue(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

function suggest(value: string, candidates: ReadonlyArray<string>): string {
  const near = closest(value, candidates);
  return near ? ` (did you mean "${near}"?)` : '';
}

/** The candidate nearest to `value` by edit distance, if it is near enough to be a typo. */
function closest(value: string, candidates: ReadonlyArray<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(value.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(value.length / 4)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  if (a.length > 200 || b.length > 200) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** A policy's settings in props form from code (`ClientPolicyProps`), checked as the constructor checks them. */
function readCode(props: ClientPolicyProps, problems: string[]): { [key: string]: unknown } {
  if (typeof props !== 'object' || props === null || Array.isArray(props)) {
    problems.push(`the policy settings must be an object, not ${describe(props)}.`);
    return {};
  }
  return readSettings(props as unknown as { [key: string]: unknown }, 'code', problems);
}

/** A policy made from a named baseline and the settings over it. */
function composed(name: string, own: { [key: string]: unknown }, _form: 'file' | 'code', problems: string[]): ClientPolicy | undefined {
  return ClientPolicy._compose(name, own, problems);
}

/**
 * What the final settings turn off or weaken of a baseline's: a boolean setting changed, a longer
 * duration, a rule the baseline makes an error made a warning.
 */
function weakenings(base: { [key: string]: unknown }, baseSeverities: { readonly [id: string]: string },
  final: { [key: string]: unknown }, finalSeverities: { [id: string]: string }): Array<{ ruleId: string; change: string }> {
  const out: Array<{ ruleId: string; change: string }> = [];
  for (const spec of SETTINGS) {
    const b = base[spec.key];
    if (b === undefined) continue;
    const f = final[spec.key];
    let change: string | undefined;
    if (spec.kind === 'boolean' && f !== b) change = `${spec.key}: ${f === undefined ? '(absent)' : JSON.stringify(f)}`;
    if (spec.kind === 'duration' && b instanceof Duration && (f === undefined || (f instanceof Duration && millis(f)! > millis(b)!))) {
      change = `${spec.key}: ${f instanceof Duration ? f.toIsoString() : '(absent)'}`;
    }
    if (change) for (const id of rulesOf(spec)) out.push({ ruleId: id, change });
    // a rule the baseline turns on, made a warning where the baseline has it an error
    for (const id of rulesOf(spec)) {
      const before = baseSeverities[id] ?? POLICY_RULES.find((r) => r.id === id)?.defaultSeverity;
      if (before === 'error' && finalSeverities[id] === 'warning' && !out.some((o) => o.ruleId === id)) out.push({ ruleId: id, change: `severities.${id}: "warning"` });
    }
  }
  return out;
}

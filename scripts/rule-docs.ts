// Writes docs/rules/<rule-id>.md for every rule, and docs/rules/README.md as an index, from the rule
// registry, the policy settings and scripts/rule-examples.ts. The failing findings on each page are
// produced by running the engine, so a page never drifts from the rule; test/docs.test.ts fails when
// the committed pages differ from what this script generates.
import { mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { RULE_DOCS, RuleDoc, RuleExample } from './rule-examples';
import { ClientPolicy } from '../src/policy/client-policy';
import { SETTINGS, rulesOf } from '../src/policy/settings';
import { ClientRules } from '../src/rules/client-rules';
import { ATTACHMENT_RULES, CHANGE_RULES, CLIENT_RULES, CONTEXT_RULES, POLICY_RULES } from '../src/rules/registry';
import { Finding, RuleInfo } from '../src/rules/types';

/** Where the pages are, relative to the repository root. */
export const DOCS_DIR = 'docs/rules';

/** A documented rule: what the registry says about it, and where it runs. */
export interface DocumentedRule extends RuleInfo {
  /** Whether the rule is an organisation-policy rule. */
  readonly policy: boolean;
  /** The policy setting that turns the rule on (policy rules only), with its value when it is a boolean: `forbidImplicitFlow: true`. */
  readonly setting?: string;
  /** The rule's general fixes: one per part (a rule with a per-client and a template part has two). */
  readonly fixes: ReadonlyArray<{ readonly where: 'client' | 'template' | 'attachment' | 'change' | 'policy'; readonly fix: string }>;
  /** The properties the rule's parts need (`Rule.needs`), if they declare any. */
  readonly needs: ReadonlyArray<string>;
  /** A rule about the resources attached to clients (ATTACHMENT_RULES): the types it reads, and what it reports on. */
  readonly attachment?: { readonly reads: ReadonlyArray<string>; readonly reportsOn: 'attachment' | 'client' };
}

/** The setting that turns a policy rule on; a boolean setting with the value that does (from the settings table). */
function settingOf(ruleId: string): string | undefined {
  const spec = SETTINGS.find((s) => rulesOf(s).includes(ruleId));
  if (!spec) return undefined;
  if (spec.kind !== 'boolean') return spec.key;
  return `${spec.key}: ${spec.turnsOnWith ?? true}`;
}

/** Every rule of `ClientRules.rules()` then of `ClientPolicy.rules()`, in registry order. */
export function documentedRules(): DocumentedRule[] {
  const fixesOf = (id: string) => [
    ...CLIENT_RULES.filter((r) => r.id === id).map((r) => ({ where: 'client' as const, fix: r.fix })),
    ...CONTEXT_RULES.filter((r) => r.id === id).map((r) => ({ where: 'template' as const, fix: r.fix })),
    ...ATTACHMENT_RULES.filter((r) => r.id === id).map((r) => ({ where: 'attachment' as const, fix: r.fix })),
    ...CHANGE_RULES.filter((r) => r.id === id).map((r) => ({ where: 'change' as const, fix: r.fix })),
    ...POLICY_RULES.filter((r) => r.id === id).map((r) => ({ where: 'policy' as const, fix: r.fix })),
  ];
  const needsOf = (id: string) => [...new Set([...CLIENT_RULES, ...CONTEXT_RULES, ...CHANGE_RULES, ...POLICY_RULES]
    .filter((r) => r.id === id).flatMap((r) => (r as { needs?: ReadonlyArray<string> }).needs ?? []))];
  const attachmentOf = (id: string) => {
    const r = ATTACHMENT_RULES.find((x) => x.id === id);
    if (r) return { reads: r.reads, reportsOn: r.reportsOn };
    const p = POLICY_RULES.find((x) => x.id === id && x.checkTemplate !== undefined);
    return p && { reads: p.reads ?? [], reportsOn: p.reportsOn ?? 'attachment' as const };
  };
  return [
    ...ClientRules.rules().map((r) => ({ ...r, policy: false, fixes: fixesOf(r.id), needs: needsOf(r.id), attachment: attachmentOf(r.id) })),
    ...ClientPolicy.rules().map((r) => ({ ...r, policy: true, setting: settingOf(r.id), fixes: fixesOf(r.id), needs: needsOf(r.id), attachment: attachmentOf(r.id) })),
  ];
}

/** A finding, with the resource it is about when the example is a template. */
export type ExampleFinding = Finding & { readonly resource?: string };

/** Runs one example through the engine, as its page says: `check` for properties, `checkTemplate` for a template. */
export function runExample(example: RuleExample, policyJson?: unknown): ExampleFinding[] {
  const policy = policyJson === undefined ? undefined : ClientPolicy.fromJson(policyJson);
  if (example.template !== undefined) {
    return ClientRules.checkTemplate(example.template, { policy, previous: example.previous });
  }
  return ClientRules.check(example.properties, policy);
}

/**
 * JSON with sorted keys and 2-space indentation; a list of plain values stays on one line when it is short.
 */
export function stableJson(value: unknown, indent = ''): string {
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => stableJson(v, inner));
    const oneLine = `[${items.join(', ')}]`;
    if (value.every((v) => typeof v !== 'object' || v === null) && oneLine.length + indent.length <= 100) return oneLine;
    return `[\n${items.map((i) => inner + i).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).sort().filter((k) => (value as { [key: string]: unknown })[k] !== undefined);
    if (keys.length === 0) return '{}';
    const entries = keys.map((k) => `${inner}${JSON.stringify(k)}: ${stableJson((value as { [key: string]: unknown })[k], inner)}`);
    return `{\n${entries.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** Escapes Markdown outside `code spans`: backslashes, emphasis markers and angle brackets. */
function md(text: string): string {
  return text.split(/(`[^`]*`)/).map((part, i) => (i % 2 === 1 ? part : part
    .replace(/\\/g, '\\\\')
    .replace(/\*/g, '\\*')
    .replace(/(^|[^A-Za-z0-9])_|_(?=[^A-Za-z0-9]|$)/g, (m) => m.replace('_', '\\_'))
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;'))).join('');
}

const fence = (lang: string, body: string) => `\`\`\`${lang}\n${body}\n\`\`\``;

function severityLine(rule: DocumentedRule): string {
  if (!rule.policy) return `**${rule.severity}**: ${md(rule.title)}`;
  return `**policy** (default severity ${rule.severity}, on when the policy sets \`${rule.setting}\`): ${md(rule.title)}`;
}

function whereItRuns(rule: DocumentedRule): string {
  const parts = new Set(rule.fixes.map((f) => f.where));
  if (rule.policy) {
    return `It runs only with an organisation policy that sets \`${rule.setting}\` (\`ClientPolicy\`, or a policy file read with `
      + '`ClientPolicy.fromFile`), and reports with the severity the policy gives it (by default '
      + `${rule.severity}). ${rule.attachment
        ? `It reads the ${rule.attachment.reads.map((t) => `\`${t}\``).join(' and ')} resources of a template or a synthesized app (\`ClientRules.checkTemplate\`, \`cognito-client-check\`, \`AppClientChecks\` with cdk-nag 3), linked to their client by \`ClientId\`, and reports on the ${rule.attachment.reportsOn === 'client' ? 'client' : 'attached resource'} (its logical id).`
        : 'It reads the properties of each `AWS::Cognito::UserPoolClient`.'}`;
  }
  if (rule.attachment) {
    const types = rule.attachment.reads.map((t) => `\`${t}\``).join(' and ');
    const on = rule.attachment.reportsOn === 'client'
      ? 'It is reported on the client (its logical id).'
      : 'It is reported on the attached resource (its logical id), not on the client.';
    return `It reads the ${types} resources of a template or a synthesized app (\`ClientRules.checkTemplate\`), linked to their `
      + 'client by `ClientId` (a `Ref` or `Fn::GetAtt [<client>, ClientId]` to a client of the template, or a literal id) and to their '
      + `pool by \`UserPoolId\`. ${on} What the template does not show (a resource made in the console, a nested stack whose `
      + 'template is not given) is not guessed at.';
  }
  if (parts.has('change')) {
    return 'It compares each `AWS::Cognito::UserPoolClient` with the client of the same logical id in the previously deployed '
      + 'template, so it runs only when a previous template is given (`ClientRules.checkTemplate(template, { previous })`).';
  }
  if (parts.has('client') && parts.has('template')) {
    return 'It reads the properties of each `AWS::Cognito::UserPoolClient` (`ClientRules.check` and every entry point), and, in a '
      + 'template or a synthesized app (`ClientRules.checkTemplate`), also the resources around the client: its user pool, resource '
      + 'servers and identity providers. When those are not in the template, only what the client\'s own properties decide is reported.';
  }
  if (parts.has('template')) {
    return 'It needs the resources around the client (its user pool, resource servers and identity providers), so it runs on a '
      + 'template or a synthesized app (`ClientRules.checkTemplate`), and decides only what the template shows: resources '
      + 'defined elsewhere are not guessed at.';
  }
  return 'It reads the properties of each `AWS::Cognito::UserPoolClient`, so every entry point runs it (`ClientRules.check`, '
    + '`ClientRules.checkTemplate`, the construct and the command-line checker).';
}

const UNRESOLVED = 'Values resolved only at deploy time (CDK tokens, and CloudFormation intrinsics such as `Ref`, `Fn::GetAtt` or '
  + '`Fn::Join`) are skipped whenever some resolution could satisfy the rule; literal parts that already decide it are still '
  + 'checked, and so are attributes whose shape CloudFormation documents (an S3 website URL is plain HTTP, a CloudFront domain name '
  + 'has no scheme). Each literal branch of an `Fn::If` is checked as if it were written there, and a finding that holds in one '
  + 'branch only names it ("when IsProd is false").';

const UNRESOLVED_ATTACHED = 'Values resolved only at deploy time (CDK tokens, and CloudFormation intrinsics such as `Ref`, `Fn::GetAtt` '
  + 'or `Fn::Join`) are skipped whenever some resolution could satisfy the rule: a `ClientId` or `UserPoolId` that is '
  + 'neither a reference to a resource of the template nor a literal is the same as another only when it is written the same. '
  + 'Each branch of a condition is checked: an `Fn::If` in the properties of an attached resource, a domain, a pool or a client, '
  + 'and the `Condition` of such a resource (present when it is true, absent when it is false); a finding that holds in one '
  + 'branch only names it ("when IsProd is false"). Past 32 conditions, `client-not-checkable` names those whose branches were not checked.';

function howToRun(example: RuleExample, policy: boolean): string {
  const p = policy ? ', policy' : '';
  if (example.template !== undefined) {
    return example.previous !== undefined
      ? `Checked with \`ClientRules.checkTemplate(template, { previous${policy ? ', policy' : ''} })\`, against this previously deployed template:`
      : `A template, checked with \`ClientRules.checkTemplate(template${policy ? ', { policy }' : ''})\`:`;
  }
  return `The \`Properties\` of an \`AWS::Cognito::UserPoolClient\`, checked with \`ClientRules.check(properties${p})\`:`;
}

function exampleBlocks(example: RuleExample, policy: boolean): string[] {
  const out: string[] = [];
  if (example.template !== undefined && example.previous !== undefined) {
    out.push(`Checked with \`ClientRules.checkTemplate(template, { previous${policy ? ', policy' : ''} })\`. The previously deployed template:`);
    out.push(fence('json', stableJson(example.previous)));
    out.push('The template now:');
  } else {
    out.push(howToRun(example, policy));
  }
  out.push(fence('json', stableJson(example.shown ?? example.template ?? example.properties)));
  if (example.note) out.push(md(example.note));
  return out;
}

function findingBlock(findings: ExampleFinding[]): string {
  return fence('text', findings.map((f) => [
    `severity: ${f.severity}`,
    ...(f.resource !== undefined ? [`resource: ${f.resource}`] : []),
    `property: ${f.property}`,
    `message:  ${f.message}`,
    `fix:      ${f.fix}`,
  ].join('\n')).join('\n\n'));
}

// ---------------------------------------------------------------------------------------------
// With AppClient: the one table from CloudFormation properties to AppClient props.

/** How an `AppClient` writes one CloudFormation property: its props (`path` or `path: example`), and a note. */
export interface AppClientMapping {
  /** The `AppClientProps` paths that set the property, each optionally with an example value after `: `. */
  readonly props: ReadonlyArray<string>;
  /** What the construct does itself (a default, a value it derives). */
  readonly note?: string;
}

/**
 * Every property of `AWS::Cognito::UserPoolClient` the rules read, with the `AppClient` props that
 * write it (test/docs.test.ts checks both sides: the engine reads the property, the prop path exists).
 */
export const APP_CLIENT_PROPS: { readonly [cfnProperty: string]: AppClientMapping } = {
  ClientName: { props: ["userPoolClientName: 'web-app'"] },
  UserPoolId: { props: ['userPool'], note: 'the pool\'s `userPoolId` is written' },
  GenerateSecret: { props: ['generateSecret: true'], note: 'default `false`' },
  ClientSecret: { props: [], note: 'no prop: a custom secret is a `CreateUserPoolClient` API parameter, which the construct never writes' },
  AccessTokenValidity: { props: ['accessTokenValidity: Duration.minutes(15)'] },
  IdTokenValidity: { props: ['idTokenValidity: Duration.minutes(15)'] },
  RefreshTokenValidity: { props: ['refreshTokenValidity: Duration.days(30)'] },
  TokenValidityUnits: {
    props: ['accessTokenValidity', 'idTokenValidity', 'refreshTokenValidity'],
    note: 'written by the construct beside each value, in the largest unit that holds the `Duration` exactly',
  },
  AuthSessionValidity: { props: ['authSessionValidity: Duration.minutes(3)'] },
  RefreshTokenRotation: { props: ['refreshTokenRotation: true', 'refreshTokenRotationGracePeriod: Duration.seconds(10)'] },
  ExplicitAuthFlows: {
    props: ['authFlows.userSrp', 'authFlows.custom', 'authFlows.userPassword', 'authFlows.adminUserPassword', 'authFlows.user'],
    note: 'default `{ userSrp: true }`; `ALLOW_REFRESH_TOKEN_AUTH` is added unless rotation is on; `authFlows: {}` writes nothing',
  },
  AllowedOAuthFlows: {
    props: ['oAuth.flows.authorizationCodeGrant', 'oAuth.flows.implicitCodeGrant', 'oAuth.flows.clientCredentials'],
    note: 'default: the code grant when `oAuth.callbackUrls` are given',
  },
  AllowedOAuthScopes: {
    props: ["oAuth.scopes: [OAuthScope.OPENID, OAuthScope.custom('orders-api/read')]"],
    note: 'default: profile, phone, email and openid with the code or implicit grant',
  },
  AllowedOAuthFlowsUserPoolClient: {
    props: ['disableOAuth: true'],
    note: 'written by the construct: `true` when `oAuth.flows` or `oAuth.callbackUrls` are given',
  },
  CallbackURLs: { props: ["oAuth.callbackUrls: ['https://app.example.com/callback']"] },
  LogoutURLs: { props: ["oAuth.logoutUrls: ['https://app.example.com/']"] },
  DefaultRedirectURI: { props: ["oAuth.defaultRedirectUri: 'https://app.example.com/callback'"], note: 'one of `oAuth.callbackUrls`' },
  SupportedIdentityProviders: {
    props: ['supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO, UserPoolClientIdentityProvider.GOOGLE]'],
    note: 'default: the pool\'s identity providers, then COGNITO',
  },
  ReadAttributes: { props: ['readAttributes: new ClientAttributes().withStandardAttributes({ email: true })'], note: 'default: all attributes' },
  WriteAttributes: { props: ['writeAttributes: new ClientAttributes().withStandardAttributes({ email: true })'], note: 'default: all writable attributes' },
  PreventUserExistenceErrors: { props: ['preventUserExistenceErrors: true'], note: 'default `true` (`ENABLED`); `false` writes `LEGACY`' },
  EnableTokenRevocation: { props: ['enableTokenRevocation: true'], note: 'default `true`' },
  EnablePropagateAdditionalUserContextData: { props: ['enablePropagateAdditionalUserContextData: true'], note: 'needs `generateSecret: true`' },
  AnalyticsConfiguration: {
    props: ['analytics.application', 'analytics.applicationId', 'analytics.externalId', 'analytics.role', 'analytics.shareUserData'],
    note: 'either `application`, or `applicationId` with `externalId` and `role`',
  },
};

/** The `AppClientProps` path of a table entry (`oAuth.callbackUrls: [...]` → `oAuth.callbackUrls`). */
export const propPath = (prop: string) => prop.split(':')[0].trim();

/**
 * What an `AppClient` does about a rule beyond its props: the construct prevents the problem (its
 * types, defaults, or a check at construction), or the fix is elsewhere in the app.
 */
export const APP_CLIENT_NOTES: { readonly [ruleId: string]: string } = {
  'property-type': 'Prevented by the construct\'s types: a finding comes only from an escape hatch such as `client.resource.addPropertyOverride(...)`.',
  'client-not-checkable': 'Not possible with `AppClient`: it writes every property in the template. Only a template whose client a macro (`Fn::Transform`) writes, or that holds what the check cannot see into (an `Fn::ForEach` loop it cannot expand, a transform, a nested stack, a stack set), gets this finding.',
  'user-pool-id-format': 'The id comes from `userPool`: a finding means the pool was imported with a malformed id, as in `UserPool.fromUserPoolId(this, \'Pool\', id)`.',
  'token-refresh-zero': 'Prevented: `refreshTokenValidity: Duration.minutes(0)` fails at construction (`invalid-props`).',
  'token-refresh-not-shorter': 'Prevented: an access or ID token lifetime longer than `refreshTokenValidity` fails at construction (`invalid-props`).',
  'token-units-enum': 'Prevented: the construct writes `TokenValidityUnits` itself, from the `Duration` props.',
  'token-unit-without-value': 'Prevented: the construct writes each unit only beside its value.',
  'refresh-rotation-feature-enum': 'Prevented: the construct writes `Feature` from `refreshTokenRotation`.',
  'refresh-rotation-feature-required': 'Prevented: the construct writes `Feature` whenever it writes `RefreshTokenRotation`.',
  'refresh-rotation-grace-ignored': 'Prevented: `refreshTokenRotationGracePeriod` with `refreshTokenRotation: false` fails at construction (`invalid-props`).',
  'auth-flows-enum': 'Prevented: `authFlows` is a set of booleans, written as `ALLOW_*` values only.',
  'auth-flows-legacy-mix': 'Prevented: `authFlows` is written as `ALLOW_*` values only.',
  'auth-flows-legacy-deprecated': 'Prevented: `authFlows` is written as `ALLOW_*` values only.',
  'auth-flows-refresh-required': 'Prevented: the construct adds `ALLOW_REFRESH_TOKEN_AUTH` unless rotation is on.',
  'auth-flows-rotation-no-refresh-auth': 'Prevented: with rotation on, the construct leaves `ALLOW_REFRESH_TOKEN_AUTH` out.',
  'auth-flows-rotation-defaults': 'With rotation on, name the flows (`authFlows: { userSrp: true }`, the default): `authFlows: {}` writes no `ExplicitAuthFlows`.',
  'oauth-flows-enum': 'Prevented: `oAuth.flows` is a set of booleans, written as known flows only.',
  'oauth-settings-need-flag': 'The construct sets `AllowedOAuthFlowsUserPoolClient` when `oAuth.flows` or `oAuth.callbackUrls` are given; other `oAuth` settings alone (`logoutUrls`, `scopes`) leave it `false`.',
  'prevent-user-existence-enum': 'Prevented: `preventUserExistenceErrors` is a boolean, written as `ENABLED` or `LEGACY`.',
  'client-secret-exclusive': 'Not possible with `AppClient`: it never writes a custom `ClientSecret`.',
  'client-secret-format': 'Not possible with `AppClient`: it never writes a custom `ClientSecret`.',
  'idp-builtin-case': 'Use the constants (`UserPoolClientIdentityProvider.GOOGLE`, `.FACEBOOK`, `.APPLE`, `.AMAZON`) rather than `UserPoolClientIdentityProvider.custom(\'google\')`.',
  'analytics-exclusive': 'Prevented: `analytics` with both forms fails at construction (`invalid-props`).',
  'analytics-id-complete': 'Prevented: `analytics.applicationId` without `externalId` and `role` fails at construction (`invalid-props`).',
  'analytics-target-required': 'Prevented: `analytics` without a project fails at construction (`invalid-props`).',
  'oauth-scope-exists': 'In the app: define the scope on a resource server of the pool (`userPool.addResourceServer(...)`) and name it with `OAuthScope.resourceServer(server, scope)`.',
  'oauth-scope-creation-order': 'Prevented for scopes of resource servers in the client\'s stack: `AppClient` depends on the servers whose scopes it names.',
  'idp-exists': 'In the app: create the identity provider on the pool (e.g. `new UserPoolIdentityProviderGoogle(...)`), or leave `supportedIdentityProviders` out (the pool\'s providers).',
  'idp-creation-order': 'Prevented for identity providers in the client\'s stack: `AppClient` depends on the providers it names.',
  'attr-exists': 'In the app: declare the custom attribute on the pool (`customAttributes` of the `UserPool`), or remove it from the client\'s attributes.',
  'attr-write-required': 'Or leave `writeAttributes` out: by default the client may write every writable attribute.',
  'attr-write-idp-mapped': 'Or leave `writeAttributes` out: by default the client may write every writable attribute.',
  'auth-flows-user-auth-tier': 'In the app: give the pool `featurePlan: FeaturePlan.ESSENTIALS` (or `PLUS`), or turn `authFlows.user` off.',
  'refresh-rotation-tier': 'In the app: give the pool `featurePlan: FeaturePlan.ESSENTIALS` (or `PLUS`), or turn rotation off.',
  'quota-clients-per-pool': 'In the app: request a quota increase before deploying, or spread the clients over several pools.',
  'update-units-removed': 'The construct writes each unit beside its value, so a finding comes from a previous deployment written otherwise (e.g. before moving to `AppClient`).',
  // Resources attached to the client (issue 22): written with aws-cdk-lib's L1 classes, the client named by its id.
  'branding-provided-values-exclusive': 'In the app: on the `CfnManagedLoginBranding`, either `useCognitoProvidedValues: true` alone, or `settings` and `assets` without it.',
  'branding-assets': 'In the app: check the `assets` of the `CfnManagedLoginBranding` (categories, color modes and extensions are upper case; images of at most about 750 kB).',
  'attachment-client-id': 'In the app: give the `CfnManagedLoginBranding` or `CfnTerms` `clientId: client.userPoolClientId`.',
  'branding-one-per-client': 'In the app: keep one `CfnManagedLoginBranding` per client.',
  'branding-missing': 'In the app: add a `CfnManagedLoginBranding` with `clientId: client.userPoolClientId` (`useCognitoProvidedValues: true` for the default style), or give the domain `managedLoginVersion: 1`.',
  'attachment-pool-mismatch': 'In the app: give the attached resource `userPoolId: userPool.userPoolId` of the client\'s `userPool`.',
  'terms-name': 'In the app: one `CfnTerms` with `termsName: \'terms-of-use\'` and one with `termsName: \'privacy-policy\'`.',
  'terms-source-enforcement': 'In the app: `termsSource: \'LINK\'` and `enforcement: \'NONE\'` on each `CfnTerms`.',
  'terms-links': 'In the app: `links: { \'cognito:default\': \'https://example.com/terms\' }` on each `CfnTerms`, one key per language.',
  'terms-one-per-kind': 'In the app: one `CfnTerms` of each kind per client, with every language in its `links`.',
  'terms-both-kinds': 'In the app: both `CfnTerms` kinds for the client, with a language (e.g. `cognito:default`) in both.',
  'sso-session-range': 'In the app: `ssoSession: { maxValidityMinutes }` of the `CfnUserPoolClientSessionConfigurationAttachment` in whole minutes, 0 to 129600 (e.g. `Duration.hours(8).toMinutes()`).',
  'sso-session-tier': 'In the app: give the pool `featurePlan: FeaturePlan.ESSENTIALS` (or `PLUS`), or remove the session setting.',
  'sso-session-tracking': 'In the app: a `CfnUserPoolSessionConfigurationAttachment` with `userSessionTracking: \'ENABLED\'` on the pool, and `sessionSetting.addDependency(tracking)`.',
  'sso-session-one-per-client': 'In the app: keep one `CfnUserPoolClientSessionConfigurationAttachment` per client.',
};

/** The CloudFormation properties a rule is about: what its parts need, and where its failing example's findings are. */
export function ruleProperties(rule: DocumentedRule, failing: ReadonlyArray<Finding>): string[] {
  // A rule reported on an attached resource names that resource's properties, not the client's.
  if (rule.attachment?.reportsOn === 'attachment') return [];
  const named = new Set<string>([...rule.needs, ...failing.map((f) => f.property.split(/[.[]/)[0])]);
  return Object.keys(APP_CLIENT_PROPS).filter((p) => named.has(p));
}

/** The `AppClient` props of the rule's properties, and what the construct prevents or the app must change instead. */
function appClientSection(rule: DocumentedRule, failing: ReadonlyArray<Finding>): string[] {
  const rows = ruleProperties(rule, failing).map((p) => {
    const m = APP_CLIENT_PROPS[p];
    const props = m.props.map((x) => `\`${x}\``).join(', ');
    const cell = m.note === undefined ? props : props ? `${props} (${m.note})` : m.note;
    return `| \`${p}\` | ${cell} |`;
  });
  const out = ['## With `AppClient`', ''];
  if (rows.length) out.push('The `AppClient` props that write the properties of this rule:', '', '| Property | `AppClient` prop |', '|---|---|', ...rows, '');
  const notes = [APP_CLIENT_NOTES[rule.id]];
  if (rule.policy) notes.push(`Or change the policy: the rule is on because it sets \`${rule.setting}\`.`);
  if (rule.fixes.some((f) => f.where === 'change')) notes.push('The rule compares with the previous deployment: keep these props as deployed, or plan for the change.');
  const text = notes.filter(Boolean).join(' ');
  if (text) out.push(text, '');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Suppress or acknowledge: one function per entry point.

const REASON = 'why this is acceptable here';

/** A rule id with a finding id, as acknowledgements of one value name it: `rule-id[Property::value]`. */
const withFinding = (id: string, findingId?: string) => (findingId === undefined ? id : `${id}[${findingId}]`);

/** A second statement for one value (`// only this value:`), when the finding has an id. */
const oneValue = (findingId: string | undefined, line: (id: string) => string) => (findingId === undefined ? [] : ['// only this value:', line(findingId)]);

function appClientAcknowledge(ruleId: string, findingId?: string): string {
  return fence('ts', [
    '// scope: the AppClient, or a construct above it (a stack, the app)',
    `AppClient.acknowledge(scope, '${ruleId}', '${REASON}');`,
    ...oneValue(findingId, (f) => `AppClient.acknowledge(scope, '${withFinding(ruleId, f)}', '${REASON}');`),
    '// or, on aws-cdk-lib 2.253 and later:',
    `Validations.of(scope).acknowledge({ id: 'cdk-cognito-app-client:${ruleId}', reason: '${REASON}' });`,
  ].join('\n'));
}

function cdkNag2Suppression(ruleId: string, findingId?: string, on = 'client'): string {
  const entry = (appliesTo: string) => `NagSuppressions.addResourceSuppressions(${on}, [{ id: 'AppClientChecks-${ruleId}', reason: '${REASON}'${appliesTo} }]);`;
  return fence('ts', [
    on === 'client'
      ? '// client: the client construct (its own resource is covered); add true (applyToChildren) to cover every resource below a construct, e.g. a stack'
      : `// ${on}: the construct of the resource the finding is on; add true (applyToChildren) to cover every resource below a construct, e.g. a stack`,
    entry(''),
    ...oneValue(findingId, (f) => entry(`, appliesTo: ['${f}']`)),
  ].join('\n'));
}

function cdkNag3Acknowledgement(ruleId: string, findingId?: string, on = 'client'): string {
  const ack = (id: string) => `Validations.of(${on}).acknowledge({ id: 'AppClientChecks-${id}', reason: '${REASON}' });`;
  const where = on === 'client' ? [] : [`// ${on}: the construct of the resource the finding is on (or a construct above it)`];
  return fence('ts', [...where, ack(ruleId), ...oneValue(findingId, (f) => ack(withFinding(ruleId, f)))].join('\n'));
}

/** The command-line checker's config file with one ignore entry: the one place the file is described. */
export function checkerIgnore(ruleId: string, findingId?: string): string[] {
  const file = (id: string) => fence('json', `{ "ignore": [{ "id": ${JSON.stringify(id)}, "reason": ${JSON.stringify(REASON)} }] }`);
  return [
    '`cognito-client-check`, in its config file `.cognito-client-check.json`:',
    '',
    file(ruleId),
    ...(findingId === undefined ? [] : ['', 'Only this value:', '', file(withFinding(ruleId, findingId))]),
  ];
}

/** Whether a rule only compares with a previous deployment (which only the checker is given). */
const onlyBetweenDeployments = (rule: DocumentedRule) => rule.fixes.every((f) => f.where === 'change');

/** Who reports the rule, in one sentence (see src/policy/app-client-checks.ts and src/app-client.ts). */
function whoReports(rule: DocumentedRule): string {
  if (onlyBetweenDeployments(rule)) {
    return 'Only `cognito-client-check --previous` reports this rule (neither `AppClient` nor `AppClientChecks` sees the previous deployment).';
  }
  if (rule.attachment) {
    return `\`ClientRules.checkTemplate\`, \`cognito-client-check\` and \`AppClientChecks\` (cdk-nag 2 and 3) report this rule on the ${rule.attachment.reportsOn === 'client' ? 'client' : 'attached resource'}, `
      + 'in templates, cloud assemblies and nested stacks.' + (rule.policy ? ' (An `AppClient` alone does not check a policy.)'
      : ' An `AppClient` reports it for its own client and the resources it made beside it '
      + '(`managedLogin`, `terms`, `ssoSessionValidity`, on the AppClient, naming the resource), unless an `AppClientChecks` pack is registered in its app: '
      + 'then the pack reports it, and honours `AppClient.acknowledge` too.');
  }
  if (rule.policy) {
    return 'Policy rules are reported by `AppClientChecks` and `cognito-client-check` only (an `AppClient` alone does not check a policy), for every client, `AppClient` included.';
  }
  return 'An `AppClient` reports this rule itself, unless an `AppClientChecks` pack is registered in its app: then the pack reports it, beside every other pack\'s findings, '
    + 'and honours `AppClient.acknowledge` too. The pack also reports it for other clients (`CfnUserPoolClient`, aws-cdk-lib\'s `UserPoolClient`), and `cognito-client-check` for every client of a template.';
}

/** How to suppress or acknowledge the rule in each entry point that reports it, with a reason; one value only when its findings have ids. */
export function suppressionSection(rule: DocumentedRule, failing: ReadonlyArray<Finding>): string[] {
  const findingId: string | undefined = failing.map((f) => (f as any).findingId).find((id) => typeof id === 'string');
  const out = ['## Suppress or acknowledge', '', `${whoReports(rule)} Give a reason in each.`, ''];
  if (findingId !== undefined) {
    out.push(`A finding about one value has its own id (\`${findingId}\` in the failing example): the forms marked \`only this value\` acknowledge that value only.`, '');
  }
  if (!onlyBetweenDeployments(rule)) {
    const on = rule.attachment?.reportsOn === 'attachment' ? 'attached' : 'client';
    if (!rule.policy) out.push('`AppClient`:', '', appClientAcknowledge(rule.id, findingId), '');
    out.push('`AppClientChecks` with cdk-nag 2:', '', cdkNag2Suppression(rule.id, findingId, on), '');
    out.push('`AppClientChecks` with cdk-nag 3 (acknowledgements apply to the construct and everything below it):', '', cdkNag3Acknowledgement(rule.id, findingId, on), '');
  }
  out.push(...checkerIgnore(rule.id, findingId), '');
  return out;
}

/** The Markdown page of one rule (test/docs.test.ts checks that the failing example fails and the passing one passes). */
export function rulePage(rule: DocumentedRule, doc: RuleDoc): string {
  const failing = runExample(doc.failing, doc.policy).filter((f) => f.ruleId === rule.id);
  const lines: string[] = [
    `# ${rule.id}`,
    '',
    severityLine(rule),
    '',
    '## What it checks',
    '',
    `${md(rule.title.replace(/\.?$/, '.'))} ${whereItRuns(rule)}`,
    '',
    rule.attachment ? UNRESOLVED_ATTACHED : UNRESOLVED,
    '',
    '## Why',
    '',
    doc.why,
    '',
    `Source: <${rule.source}>`,
    '',
  ];
  if (rule.policy) {
    lines.push('## Policy', '', 'The examples are checked with this policy (JSON form, as read by `ClientPolicy.fromJson` and '
      + '`ClientPolicy.fromFile`):', '', fence('json', stableJson(doc.policy)), '');
  }
  lines.push('## Failing example', '', ...exampleBlocks(doc.failing, rule.policy).flatMap((b) => [b, '']));
  if (failing.length === 0) {
    lines.push('The engine reports no finding of this rule for this example (a discrepancy with the rule catalog: see test/docs.test.ts).', '');
  } else {
    const one = failing.length === 1;
    lines.push(`The ${one ? 'finding' : 'findings'} of this rule, as the engine reports ${one ? 'it' : 'them'}:`, '');
    lines.push(findingBlock(failing), '');
  }
  lines.push('## Passing example', '', ...exampleBlocks(doc.passing, rule.policy).flatMap((b) => [b, '']));
  lines.push('## Fix', '');
  const fixes = [...new Set(rule.fixes.map((f) => f.fix))];
  if (fixes.length === 1) {
    lines.push(md(fixes[0]), '');
  } else {
    const label = { client: 'From the client\'s own properties', template: 'In a template', attachment: 'On the attached resource', change: 'Between deployments', policy: 'Policy' };
    for (const f of rule.fixes) lines.push(`- ${label[f.where]}: ${md(f.fix)}`);
    lines.push('');
  }
  if (failing.some((f) => !fixes.includes(f.fix))) {
    lines.push('A finding may carry a fix specific to the value found instead, as in the failing example above.', '');
  }
  lines.push(...appClientSection(rule, failing), ...suppressionSection(rule, failing));
  return lines.join('\n');
}

/** The index page: one row per rule, in registry order. */
export function indexPage(rules: DocumentedRule[]): string {
  const cell = (s: string) => md(s).replace(/\|/g, '\\|');
  const row = (r: DocumentedRule) => `| [\`${r.id}\`](${r.id}.md) | ${r.policy ? `policy (${r.severity})` : r.severity} | ${cell(r.title)} |`;
  const service = rules.filter((r) => !r.policy);
  const policy = rules.filter((r) => r.policy);
  return [
    '# Rules',
    '',
    '<!-- Generated by scripts/rule-docs.ts from the rule registry and scripts/rule-examples.ts: do not edit. -->',
    '',
    'One page per rule: what it checks, why, a failing and a passing example, the fix, the `AppClient` props that set what the '
      + 'rule reads, and how to suppress or acknowledge it (with a reason) in each entry point. Every finding\'s message ends with a '
      + 'link to its rule\'s page. **error** fails `cdk synth` (the service would reject the client); **warning** is reported; '
      + '**policy** rules run only when an organisation policy turns them on, with the severity it gives them (default in brackets).',
    '',
    `## Service rules (${service.length})`,
    '',
    '| Rule | Severity | What it checks |',
    '|---|---|---|',
    ...service.map(row),
    '',
    `## Policy rules (${policy.length})`,
    '',
    '| Rule | Severity | What it checks |',
    '|---|---|---|',
    ...policy.map(row),
    '',
  ].join('\n');
}

/** Every generated file, by path relative to the repository root, in a stable order. */
export function ruleDocFiles(): { [path: string]: string } {
  const rules = documentedRules();
  const files: { [path: string]: string } = { [`${DOCS_DIR}/README.md`]: indexPage(rules) };
  for (const rule of rules) {
    const doc = RULE_DOCS[rule.id];
    if (!doc) throw new Error(`${rule.id}: no examples in scripts/rule-examples.ts.`);
    files[`${DOCS_DIR}/${rule.id}.md`] = rulePage(rule, doc);
  }
  return files;
}

if (require.main === module) {
  const root = join(__dirname, '..');
  const files = ruleDocFiles();
  const dir = join(root, DOCS_DIR);
  mkdirSync(dir, { recursive: true });
  // Pages of rules that no longer exist go away.
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.md') && files[`${DOCS_DIR}/${name}`] === undefined) unlinkSync(join(dir, name));
  }
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  console.log(`wrote ${Object.keys(files).length} files to ${DOCS_DIR}/`);
}

// The examples and the "why" text of every rule page in docs/rules/ (see scripts/rule-docs.ts).
// Each failing example must produce a finding of its rule and each passing example none:
// test/docs.test.ts runs them through the engine exactly as the pages show them.

/** A JSON value as CloudFormation templates hold it. */
export type Json = any;

/**
 * One example: either the `Properties` of one `AWS::Cognito::UserPoolClient` (checked with
 * `ClientRules.check`), or a template (checked with `ClientRules.checkTemplate`, with `previous`
 * when the rule compares deployments).
 */
export interface RuleExample {
  readonly properties?: Json;
  readonly template?: Json;
  readonly previous?: Json;
  /** What the page prints instead of `template` when the template is too large to print. */
  readonly shown?: Json;
  /** Says how `shown` abbreviates the example. */
  readonly note?: string;
}

/** The documentation data of one rule. */
export interface RuleDoc {
  /** The service behaviour, the consequence and where it comes from, in one paragraph of Markdown. */
  readonly why: string;
  readonly failing: RuleExample;
  readonly passing: RuleExample;
  /** The JSON form of the policy both examples are checked with (policy rules only; `ClientPolicy.fromJson`). */
  readonly policy?: Json;
}

const CLIENT = 'AWS::Cognito::UserPoolClient';
const POOL_REF = { Ref: 'UserPool' };
const APP = 'https://app.example.org/callback';
const APP_ARN = 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/0123456789abcdef0123456789abcdef';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/CognitoPinpointAnalytics';
const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const SRP = 'ALLOW_USER_SRP_AUTH';
const REFRESH = 'ALLOW_REFRESH_TOKEN_AUTH';

/** The properties of a client on the pool `UserPool`. */
function props(p: Json = {}): Json {
  const out: Json = { UserPoolId: POOL_REF };
  for (const [k, v] of Object.entries(p)) if (v !== undefined) out[k] = v;
  return out;
}

/** An OAuth client with the code grant. */
function oauth(p: Json = {}): Json {
  return props({
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid'],
    CallbackURLs: [APP],
    ...p,
  });
}

/** A machine-to-machine client (client credentials grant). */
function m2m(p: Json = {}): Json {
  return props({
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['client_credentials'],
    AllowedOAuthScopes: ['orders-api/read'],
    GenerateSecret: true,
    ...p,
  });
}

/** A template with the pool `UserPool`, the client `AppClient` and other resources. */
function template(client: Json, opts: { pool?: Json; resources?: Json; dependsOn?: string } = {}): Json {
  return {
    Resources: {
      UserPool: opts.pool ? { Type: 'AWS::Cognito::UserPool', Properties: opts.pool } : { Type: 'AWS::Cognito::UserPool' },
      ...opts.resources,
      AppClient: { Type: CLIENT, ...(opts.dependsOn ? { DependsOn: opts.dependsOn } : {}), Properties: props(client) },
    },
  };
}

/** A template with `n` clients on one pool. */
function manyClients(n: number): Json {
  const resources: Json = { UserPool: { Type: 'AWS::Cognito::UserPool' } };
  for (let i = 1; i <= n; i++) {
    resources[`Client${String(i).padStart(4, '0')}`] = { Type: CLIENT, Properties: props({ ClientName: `tenant-${i}` }) };
  }
  return { Resources: resources };
}

/** How a large template of clients is printed. */
function manyClientsShown(n: number): Json {
  return {
    Resources: {
      UserPool: { Type: 'AWS::Cognito::UserPool' },
      Client0001: { Type: CLIENT, Properties: props({ ClientName: 'tenant-1' }) },
      [`Client${String(n).padStart(4, '0')}`]: { Type: CLIENT, Properties: props({ ClientName: `tenant-${n}` }) },
    },
  };
}

const GOOGLE = {
  Type: 'AWS::Cognito::UserPoolIdentityProvider',
  Properties: {
    UserPoolId: POOL_REF,
    ProviderName: 'Google',
    ProviderType: 'Google',
    ProviderDetails: { client_id: 'google-client-id', client_secret: { Ref: 'GoogleClientSecret' }, authorize_scopes: 'openid email profile' },
    AttributeMapping: { email: 'email', name: 'name' },
  },
};

const ORDERS_SERVER = {
  Type: 'AWS::Cognito::UserPoolResourceServer',
  Properties: { UserPoolId: POOL_REF, Identifier: 'orders-api', Name: 'Orders API', Scopes: [{ ScopeName: 'read', ScopeDescription: 'Read orders' }] },
};

const WITH_GOOGLE = { resources: { GoogleProvider: GOOGLE }, dependsOn: 'GoogleProvider' };
const REQUIRED_EMAIL = { pool: { Schema: [{ Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true }] } };
const LITE = { pool: { UserPoolTier: 'LITE' } };
const ESSENTIALS = { pool: { UserPoolTier: 'ESSENTIALS' } };
const HOURS = { AccessToken: 'hours', RefreshToken: 'hours' };
const POOL_V2 = { UserPoolV2: { Type: 'AWS::Cognito::UserPool' } };

// ---- Resources attached to the client by ClientId (issue 22)
const CLIENT_REF = { Ref: 'AppClient' };

/** A managed login style of `AppClient` on `UserPool`. */
function style(p: Json = {}): Json {
  return { Type: 'AWS::Cognito::ManagedLoginBranding', Properties: { UserPoolId: POOL_REF, ClientId: CLIENT_REF, UseCognitoProvidedValues: true, ...p } };
}

/** A terms document of `AppClient` on `UserPool`. */
function terms(name: string, links: Json = { 'cognito:default': `https://app.example.org/${name}` }, p: Json = {}): Json {
  return { Type: 'AWS::Cognito::Terms', Properties: { UserPoolId: POOL_REF, ClientId: CLIENT_REF, TermsName: name, TermsSource: 'LINK', Enforcement: 'NONE', Links: links, ...p } };
}

/** Both terms documents of `AppClient`, in the default language. */
const BOTH_TERMS = { TermsOfUse: terms('terms-of-use'), PrivacyPolicy: terms('privacy-policy') };

/** The pool's session tracking, turned on. */
const TRACKING = {
  SessionTracking: {
    Type: 'AWS::Cognito::UserPoolSessionConfigurationAttachment',
    Properties: { UserPoolId: POOL_REF, UserSessionTracking: 'ENABLED', TokenSession: { MaxPerUser: 20 } },
  },
};

/** An SSO session setting of `AppClient`, created after the pool's session tracking. */
function ssoSession(minutes: Json = 480, p: Json = {}): Json {
  return {
    Type: 'AWS::Cognito::UserPoolClientSessionConfigurationAttachment',
    DependsOn: 'SessionTracking',
    Properties: { UserPoolId: POOL_REF, ClientId: CLIENT_REF, SSOSession: { MaxValidityMinutes: minutes }, ...p },
  };
}

/** A template with the pool `UserPool`, the client `AppClient` and the attached resources. */
function attached(resources: Json, client: Json = {}, pool?: Json): Json {
  return template(client, { resources, pool });
}

const DOMAIN_V2 = { Domain: { Type: 'AWS::Cognito::UserPoolDomain', Properties: { UserPoolId: POOL_REF, Domain: 'example-app', ManagedLoginVersion: 2 } } };
const OTHER_POOL = { OtherPool: { Type: 'AWS::Cognito::UserPool' } };
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const urls = (n: number) => Array.from({ length: n }, (_, i) => `https://tenant-${i + 1}.example.org/callback`);

export const RULE_DOCS: { readonly [ruleId: string]: RuleDoc } = {
  // ---- Property types, names and identifiers
  'property-type': {
    why: 'CloudFormation validates each property against the resource schema before it calls Cognito: a string where an integer, '
      + 'a list or an object is expected fails the deployment ("Properties validation failed"). CloudFormation does convert numeric '
      + 'strings for Integer properties and "true"/"false" for Boolean ones, so those are accepted. The other rules treat an ill-typed '
      + 'property as unknown, so this finding is the only one it causes.',
    failing: { properties: props({ AccessTokenValidity: '1h' }) },
    passing: { properties: props({ AccessTokenValidity: 1 }) },
  },
  'client-not-checkable': {
    why: 'When a macro writes a client\'s Properties (`Fn::Transform`, for example `AWS::Include` or an organisation\'s own macro), '
      + 'the properties exist only once CloudFormation has run the macro at deployment. Nothing about them can be decided before '
      + 'then, and reading the macro call as if it were the properties would report every property as absent. So the engine says '
      + 'once that the client cannot be checked, and runs no other rule on it. Check the processed template instead (CloudFormation '
      + 'shows it for a change set). The same warning names what may make or hold clients that no check can see: an `Fn::ForEach` '
      + 'loop (`AWS::LanguageExtensions`) whose collection is known only at deploy time (a loop over a literal list is expanded and '
      + 'its clients checked; one over a `CommaDelimitedList` parameter is checked for its `Default` only, and says so), a template '
      + 'transform or macro, an included template, a nested stack whose template is not checked too, a stack set, a serverless '
      + 'application.',
    failing: { properties: { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://config-bucket/web-client-properties.yaml' } } } },
    passing: { properties: props({ ClientName: 'web-client' }) },
  },
  'client-name-length': {
    why: 'The API model declares ClientName as 1 to 128 characters (the CloudFormation schema has the same bounds), and Cognito answers '
      + 'a longer name with `InvalidParameterException: 1 validation error detected: Value \'…\' at \'clientName\' failed to satisfy '
      + 'constraint: Member must have length less than or equal to 128`. Leaving ClientName out is fine in CloudFormation, which '
      + 'generates a name.',
    failing: {
      properties: props({
        ClientName: 'orders-web-client-for-the-customer-self-service-portal-in-the-european-union-'
          + 'production-environment-managed-by-the-identity-platform-team-of-acme',
      }),
    },
    passing: { properties: props({ ClientName: 'orders-web-client-eu-prod' }) },
  },
  'client-name-pattern': {
    why: 'The API model\'s ClientNameType pattern is `[\\w\\s+=,.@-]+` with Java\'s ASCII `\\w` and `\\s`: accented letters, other '
      + 'non-ASCII characters and symbols such as `/`, `(` or `:` are rejected with "Member must satisfy regular expression pattern". '
      + 'The CloudFormation schema checks only the length, so the error appears at deployment time.',
    failing: { properties: props({ ClientName: 'Café web client' }) },
    passing: { properties: props({ ClientName: 'Cafe web client' }) },
  },
  'user-pool-id-format': {
    why: 'A user pool id has the form `<region>_<id>` (UserPoolIdType: 1 to 55 characters, pattern `[\\w-]+_[0-9a-zA-Z]+`); anything '
      + 'else is rejected by the API\'s input validation. A hand-written id is usually a typo or a pasted ARN or name: referencing the '
      + 'pool resource avoids both.',
    failing: { properties: { UserPoolId: 'us-east-1-AbCdEf123' } },
    passing: { properties: { UserPoolId: 'us-east-1_AbCdEf123' } },
  },

  // ---- Token lifetimes
  'token-validity-range': {
    why: 'Cognito reads each validity number in its TokenValidityUnits unit (hours for access and ID tokens and days for refresh '
      + 'tokens by default) and accepts access and ID tokens of 5 minutes to 1 day and refresh tokens of 60 minutes to 10 years. '
      + 'Anything else fails with `InvalidParameterException: Invalid range for token validity.` (reported for a refresh token '
      + 'of 36500 days in awsdocs/aws-cloudformation-user-guide#828, and in hashicorp/terraform-provider-aws#32504).',
    failing: { properties: props({ RefreshTokenValidity: 36500, TokenValidityUnits: { RefreshToken: 'days' } }) },
    passing: { properties: props({ RefreshTokenValidity: 3650, TokenValidityUnits: { RefreshToken: 'days' } }) },
  },
  'token-validity-raw-bounds': {
    why: 'Before any unit is applied, the API model bounds the numbers themselves: AccessTokenValidity and IdTokenValidity are 1 to '
      + '86400, RefreshTokenValidity 0 to 315360000 (the CloudFormation schema says 1 to 315360000). A value outside these bounds '
      + 'fails input validation with the model\'s "Member must have value greater than or equal to …" message.',
    failing: { properties: props({ AccessTokenValidity: 0, TokenValidityUnits: { AccessToken: 'minutes' } }) },
    passing: { properties: props({ AccessTokenValidity: 60, TokenValidityUnits: { AccessToken: 'minutes' } }) },
  },
  'token-refresh-zero': {
    why: 'RefreshTokenValidity 0 does not mean "never expires": the CreateUserPoolClient reference says that Cognito overrides 0 with '
      + 'the default of 30 days, and the CloudFormation schema declares a minimum of 1. The deployment succeeds, but the client '
      + 'gets a lifetime nobody asked for.',
    failing: { properties: props({ RefreshTokenValidity: 0 }) },
    passing: { properties: props({ RefreshTokenValidity: 30 }) },
  },
  'token-refresh-not-shorter': {
    why: 'An access or ID token that outlives the refresh token makes the refresh token pointless, and aws-cdk-lib\'s UserPoolClient '
      + 'refuses such a configuration; Terraform\'s documentation says the token validity "cannot be greater than refresh token '
      + 'expiration". No service rejection has been observed, so this is a warning until it is confirmed.',
    failing: { properties: props({ AccessTokenValidity: 24, RefreshTokenValidity: 12, TokenValidityUnits: HOURS }) },
    passing: { properties: props({ AccessTokenValidity: 1, RefreshTokenValidity: 12, TokenValidityUnits: HOURS }) },
  },
  'token-units-enum': {
    why: 'TokenValidityUnits values are the TimeUnitsType enum of the API model: `seconds`, `minutes`, `hours` or `days`, in lower case. '
      + 'Any other value (`Minutes`, `min`, `h`) is rejected with the model\'s "Member must satisfy enum value set" message.',
    failing: { properties: props({ AccessTokenValidity: 15, TokenValidityUnits: { AccessToken: 'Minutes' } }) },
    passing: { properties: props({ AccessTokenValidity: 15, TokenValidityUnits: { AccessToken: 'minutes' } }) },
  },
  'token-unit-without-value': {
    why: 'Cognito interprets each validity number together with its unit. A unit without a number has no effect (the token keeps its '
      + 'default lifetime), and a number without its unit is read in the default unit: `15` meant as minutes becomes 15 hours. '
      + 'When the units and values drift apart, updates end in "Invalid range for token validity." '
      + '(hashicorp/terraform-provider-aws#32504).',
    failing: { properties: props({ TokenValidityUnits: { AccessToken: 'minutes' } }) },
    passing: { properties: props({ AccessTokenValidity: 15, TokenValidityUnits: { AccessToken: 'minutes' } }) },
  },
  'auth-session-validity-range': {
    why: 'AuthSessionValidity is the lifetime, in minutes, of the session token of a sign-in that goes through several challenges. '
      + 'The API model and the CloudFormation schema both bound it to 3 to 15 minutes; other values are rejected.',
    failing: { properties: props({ AuthSessionValidity: 30 }) },
    passing: { properties: props({ AuthSessionValidity: 15 }) },
  },

  // ---- Refresh-token rotation
  'refresh-rotation-feature-enum': {
    why: 'RefreshTokenRotation.Feature is the FeatureType enum: `ENABLED` or `DISABLED`, in upper case. The CloudFormation schema has '
      + 'the same allowed values, so another spelling fails the deployment.',
    failing: { properties: props({ ExplicitAuthFlows: [SRP], RefreshTokenRotation: { Feature: 'Enabled' } }) },
    passing: { properties: props({ ExplicitAuthFlows: [SRP], RefreshTokenRotation: { Feature: 'ENABLED' } }) },
  },
  'refresh-rotation-feature-required': {
    why: 'In the API model, `Feature` is a required member of RefreshTokenRotation, while the CloudFormation schema leaves it optional. '
      + 'CloudFormation therefore accepts a RefreshTokenRotation without Feature and passes it on, and the request to Cognito is '
      + 'rejected.',
    failing: { properties: props({ ExplicitAuthFlows: [SRP], RefreshTokenRotation: { RetryGracePeriodSeconds: 10 } }) },
    passing: { properties: props({ ExplicitAuthFlows: [SRP], RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 } }) },
  },
  'refresh-rotation-grace-range': {
    why: 'RetryGracePeriodSeconds is how long the previous refresh token stays usable after a rotation. The API model '
      + '(RetryGracePeriodSecondsType) and the CloudFormation schema both bound it to 0 to 60 seconds.',
    failing: { properties: props({ ExplicitAuthFlows: [SRP], RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 120 } }) },
    passing: { properties: props({ ExplicitAuthFlows: [SRP], RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 60 } }) },
  },
  'refresh-rotation-grace-ignored': {
    why: 'With rotation DISABLED there is no previous token to keep alive: Cognito accepts a grace period but stores and returns 0 '
      + '(hashicorp/terraform-provider-aws#45646), so the template and the deployed client disagree and tools report a '
      + 'perpetual difference.',
    failing: { properties: props({ RefreshTokenRotation: { Feature: 'DISABLED', RetryGracePeriodSeconds: 30 } }) },
    passing: { properties: props({ RefreshTokenRotation: { Feature: 'DISABLED' } }) },
  },

  // ---- Authentication flows
  'auth-flows-enum': {
    why: 'ExplicitAuthFlows takes the values of the ExplicitAuthFlowsType enum, which are case-sensitive. An unknown value is '
      + 'rejected with "Value … at \'explicitAuthFlows\' failed to satisfy constraint: … Member must satisfy enum value set" '
      + '(aws-solutions/media-insights-on-aws#199).',
    failing: { properties: props({ ExplicitAuthFlows: [SRP, 'ALLOW_REFRESH_TOKEN'] }) },
    passing: { properties: props({ ExplicitAuthFlows: [SRP, REFRESH] }) },
  },
  'auth-flows-legacy-mix': {
    why: 'The CreateUserPoolClient reference says that the legacy values (ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH) '
      + 'cannot be assigned at the same time as values that begin with `ALLOW_`; the request is rejected.',
    failing: { properties: props({ ExplicitAuthFlows: ['USER_PASSWORD_AUTH', REFRESH] }) },
    passing: { properties: props({ ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', REFRESH] }) },
  },
  'auth-flows-refresh-required': {
    why: 'A client whose ExplicitAuthFlows lacks ALLOW_REFRESH_TOKEN_AUTH, without refresh-token rotation, cannot refresh its tokens, '
      + 'so users must sign in again every time the access token expires. Whether Cognito rejects such a list is not settled: two '
      + 'rejections with "REFRESH_TOKEN_AUTH should always be allowed." are on record from 2020 (aws/aws-cdk#7625, and '
      + 'aws-samples/cdk-cognito-idp on CDK 1.50), which is why aws-cdk-lib always adds the flag, while a 2025 aws-samples Terraform '
      + 'project documents a working deployment with `["ALLOW_USER_PASSWORD_AUTH"]` alone. So this is a warning about what the '
      + 'client loses, not a predicted rejection. With refresh-token rotation the flag must be absent, and the rule does not apply.',
    failing: { properties: props({ ExplicitAuthFlows: [SRP] }) },
    passing: { properties: props({ ExplicitAuthFlows: [SRP, REFRESH] }) },
  },
  'auth-flows-rotation-no-refresh-auth': {
    why: 'The refresh-token guide says that refresh-token rotation is not compatible with the REFRESH_TOKEN_AUTH flow and that you must '
      + 'disable that flow in the app client: with rotation, clients refresh through GetTokensFromRefreshToken. Updates that turn '
      + 'rotation on while keeping the flow fail (hashicorp/terraform-provider-aws#47196).',
    failing: { properties: props({ ExplicitAuthFlows: [SRP, REFRESH], RefreshTokenRotation: { Feature: 'ENABLED' } }) },
    passing: { properties: props({ ExplicitAuthFlows: [SRP], RefreshTokenRotation: { Feature: 'ENABLED' } }) },
  },
  'auth-flows-rotation-defaults': {
    why: 'Without ExplicitAuthFlows, Cognito applies its default set, ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH and '
      + 'ALLOW_CUSTOM_AUTH, and ALLOW_REFRESH_TOKEN_AUTH is not compatible with refresh-token rotation. What the service does with '
      + 'this combination is unverified, so listing the flows explicitly is the safe form.',
    failing: { properties: props({ RefreshTokenRotation: { Feature: 'ENABLED' } }) },
    passing: { properties: props({ ExplicitAuthFlows: [SRP], RefreshTokenRotation: { Feature: 'ENABLED' } }) },
  },
  'auth-flows-legacy-deprecated': {
    why: 'The legacy values ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY and USER_PASSWORD_AUTH are superseded by their `ALLOW_` '
      + 'equivalents (the API reference says ALLOW_ADMIN_USER_PASSWORD_AUTH "replaces the ADMIN_NO_SRP_AUTH setting"). They cannot '
      + 'be combined with any `ALLOW_` value, including ALLOW_REFRESH_TOKEN_AUTH.',
    failing: { properties: props({ ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH'] }) },
    passing: { properties: props({ ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', REFRESH] }) },
  },

  // ---- OAuth flows and scopes
  'oauth-flows-enum': {
    why: 'AllowedOAuthFlows holds at most three values of the OAuthFlowType enum: `code`, `implicit` and `client_credentials`. '
      + 'Anything else is rejected with "…at \'allowedOAuthFlows\' failed to satisfy constraint: Member must satisfy enum value set: '
      + '[implicit, client_credentials, code]" (awsdocs/aws-cloudformation-user-guide#563).',
    failing: { properties: oauth({ AllowedOAuthFlows: ['authorization_code'] }) },
    passing: { properties: oauth({ AllowedOAuthFlows: ['code'] }) },
  },
  'oauth-client-credentials-exclusive': {
    why: 'The API reference says that client_credentials must be the only allowed OAuth flow of a client: Cognito answers '
      + '`InvalidOAuthFlowException: client_credentials flow can not be selected along with code flow or implicit flow.` '
      + 'Machine-to-machine access and user sign-in need separate app clients.',
    failing: { properties: m2m({ AllowedOAuthFlows: ['code', 'client_credentials'], CallbackURLs: [APP] }) },
    passing: { properties: m2m({ AllowedOAuthFlows: ['client_credentials'] }) },
  },
  'oauth-client-credentials-secret': {
    why: 'The client credentials grant authenticates the client itself, so the Developer Guide requires a client secret: Cognito answers '
      + '`InvalidOAuthFlowException: client_credentials flow can not be selected if client does not have a client secret.` '
      + 'GenerateSecret cannot be changed later without replacing the client.',
    failing: { properties: m2m({ GenerateSecret: undefined }) },
    passing: { properties: m2m() },
  },
  'oauth-client-credentials-custom-scopes': {
    why: 'The client credentials grant has no user, so only custom resource-server scopes make sense: the Developer Guide says that with '
      + 'client credentials "you can only populate custom scopes", and Cognito answers '
      + '`InvalidOAuthFlowException: openid is not supported with client_credentials flow` (hashicorp/terraform-provider-aws#4984).',
    failing: { properties: m2m({ AllowedOAuthScopes: ['openid', 'orders-api/read'] }) },
    passing: { properties: m2m({ AllowedOAuthScopes: ['orders-api/read'] }) },
  },
  'oauth-callback-required': {
    why: 'The code and implicit grants redirect the user back to the application, so they need at least one callback URL: Cognito '
      + 'answers `InvalidOAuthFlowException: CallbackUrls can not be empty when code flow or implicit flow is selected` '
      + '(cisagov/crossfeed#440).',
    failing: { properties: oauth({ CallbackURLs: undefined }) },
    passing: { properties: oauth() },
  },
  'oauth-flows-scopes-required': {
    why: 'When AllowedOAuthFlowsUserPoolClient is true, Cognito requires both lists: `InvalidParameterException: AllowedOAuthFlows and '
      + 'AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.`',
    failing: { properties: oauth({ AllowedOAuthScopes: undefined }) },
    passing: { properties: oauth() },
  },
  'oauth-settings-need-flag': {
    why: 'The API reference says AllowedOAuthFlowsUserPoolClient "must have a value of true before you can configure" the OAuth flows, '
      + 'scopes and URLs, and it defaults to false through CloudFormation and the SDKs. The client deploys, but OAuth stays inactive '
      + 'and the hosted sign-in pages refuse it (aws/aws-cdk#10311).',
    failing: { properties: oauth({ AllowedOAuthFlowsUserPoolClient: undefined }) },
    passing: { properties: oauth() },
  },
  'oauth-scope-format': {
    why: 'The API model\'s ScopeType is 1 to 256 printable ASCII characters without space, `"` or `\\`, and a client has at most 50 '
      + 'scopes (a quota that cannot be raised). Other values fail input validation.',
    failing: { properties: oauth({ AllowedOAuthScopes: ['openid', 'orders-api/read orders-api/write'] }) },
    passing: { properties: oauth({ AllowedOAuthScopes: ['openid', 'orders-api/read', 'orders-api/write'] }) },
  },
  'oauth-scope-exists': {
    why: 'Besides the standard scopes (openid, email, phone, profile, aws.cognito.signin.user.admin), a client can only request '
      + '`<identifier>/<scope>` scopes of a resource server of its pool; otherwise Cognito answers '
      + '`ScopeDoesNotExistException: Invalid scope requested: <scope>` (awsdocs/aws-cloudformation-user-guide#564). A scope without `/` '
      + 'can never be one, so it is reported from the client alone; in a template whose pool is visible, a scope that no resource server '
      + 'of the pool defines (in the template or a nested stack whose template is given) is reported too. A server that exists but may '
      + 'be created after the client is `oauth-scope-creation-order`. The scope of dynamic client registration, '
      + '`aws.cognito/dcr/register`, is system-managed: it never needs a resource server ("You don\'t create a resource server for it"), '
      + 'so it is never reported; other `aws.cognito/…` scopes are not documented and stay under the rule. A server the app says exists '
      + 'outside the template counts too: one imported with `UserPoolResourceServer.fromUserPoolResourceServerId` (any of its scopes), or '
      + 'defined on the pool in another stack of the app; `AppClient` writes them on its resource as '
      + '`Metadata: { "cdk-cognito-app-client:registered": { "resourceServers": [{ "identifier": "orders-api", "scopes": ["read"] }] } }` '
      + '(`scopes` left out: any scope), which `AppClientChecks` and `cognito-client-check` read too (`AppClientChecks` works it out for '
      + 'the other clients of the app; the checker sees only templates).',
    failing: { properties: oauth({ AllowedOAuthScopes: ['openid', 'admin'] }) },
    passing: { properties: oauth({ AllowedOAuthScopes: ['openid', 'orders-api/admin'] }) },
  },
  'oauth-scope-creation-order': {
    why: 'When the resource server that defines a scope is in the same template and the client neither references it (directly or '
      + 'through `Fn::Join`/`Fn::Sub` of its attributes) nor DependsOn it, CloudFormation may create the client first, and Cognito '
      + 'answers `ScopeDoesNotExistException: Invalid scope requested` (aws/aws-cdk#10676; serverless/serverless#10041; '
      + 'lgallard/terraform-aws-cognito-user-pool#51). It is a race that updates never hit, and published projects carry this shape, so '
      + 'it is a warning. A server in a nested stack counts when the nested template is given: the client then depends on that stack.',
    failing: { template: template(oauth({ AllowedOAuthScopes: ['openid', 'orders-api/read'] }), { resources: { OrdersServer: ORDERS_SERVER } }) },
    passing: { template: template(oauth({ AllowedOAuthScopes: ['openid', 'orders-api/read'] }), { resources: { OrdersServer: ORDERS_SERVER }, dependsOn: 'OrdersServer' }) },
  },
  'oauth-scope-openid-companion': {
    why: 'The Developer Guide says the email, phone and profile scopes "can only be requested with the openid scope"; without openid, '
      + 'the authorization request is refused or the claims are missing. aws-cdk-lib adds openid automatically for this reason.',
    failing: { properties: oauth({ AllowedOAuthScopes: ['email', 'profile'] }) },
    passing: { properties: oauth({ AllowedOAuthScopes: ['openid', 'email', 'profile'] }) },
  },

  // ---- Redirect URIs
  'redirect-uri-length': {
    why: 'The API model\'s RedirectUrlType is 1 to 1024 characters, for callback URLs, logout URLs and the default redirect URI alike: '
      + 'Cognito answers "Member must have length less than or equal to 1024, Member must have length greater than or equal to 1" '
      + '(aws/aws-cli#2941).',
    failing: { properties: oauth({ CallbackURLs: [`${APP}?return=${'/orders/history'.repeat(70)}`] }) },
    passing: { properties: oauth({ CallbackURLs: [`${APP}?return=/orders/history`] }) },
  },
  'redirect-uri-charset': {
    why: 'RedirectUrlType must match `[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+`: letters, marks, symbols, numbers and punctuation only. '
      + 'Spaces, other separators and control characters (often a trailing newline from a parameter file) are rejected with "Member '
      + 'must satisfy regular expression pattern" (aws/aws-cli#2941).',
    failing: { properties: oauth({ CallbackURLs: ['https://app.example.org/sign in'] }) },
    passing: { properties: oauth({ CallbackURLs: ['https://app.example.org/sign%20in'] }) },
  },
  'redirect-uri-count': {
    why: 'The API model limits CallbackURLs and LogoutURLs to 100 entries each, and the Developer Guide lists this quota as not '
      + 'adjustable. Multi-tenant applications that add one URL per tenant hit it; several app clients, or one URL with the tenant '
      + 'in the state parameter, avoid it.',
    failing: { properties: oauth({ CallbackURLs: urls(101) }) },
    passing: { properties: oauth({ CallbackURLs: urls(100) }) },
  },
  'redirect-uri-absolute': {
    why: 'The API reference and the Developer Guide require a callback URL to "be an absolute URI" (RFC 6749 §3.1.2): it needs a '
      + 'scheme, such as `https:` or a custom scheme like `myapp:` for native apps. A relative path such as `/callback` is refused. '
      + 'So is a bare host name from `Fn::GetAtt` of an attribute CloudFormation documents as a host without a scheme (a CloudFront '
      + 'distribution\'s `DomainName`, a load balancer\'s `DNSName`, an Amplify app\'s `DefaultDomain`, an API Gateway domain\'s '
      + '`RegionalDomainName`), written alone or followed by a path: write `https://` before it.',
    failing: { properties: oauth({ CallbackURLs: ['/callback'] }) },
    passing: { properties: oauth({ CallbackURLs: [APP] }) },
  },
  'redirect-uri-host-as-scheme': {
    why: 'Per RFC 3986, `localhost:3000/callback` is a URI with the scheme `localhost` and the path `3000/callback`, not a host and '
      + 'port. Cognito accepts it as a custom-scheme redirect, so the deployment succeeds, but no browser can ever reach it and sign-in '
      + 'ends on an error page.',
    failing: { properties: oauth({ CallbackURLs: ['localhost:3000/callback'] }) },
    passing: { properties: oauth({ CallbackURLs: ['http://localhost:3000/callback'] }) },
  },
  'redirect-uri-no-fragment': {
    why: 'The API reference and the Developer Guide require that a callback URL "not include a fragment component", as RFC 6749 '
      + 'does: Cognito appends the authorization response to the URL, and a fragment would swallow it. Single-page applications with '
      + 'hash routing need a path or query route for the callback.',
    failing: { properties: oauth({ CallbackURLs: ['https://app.example.org/#/callback'] }) },
    passing: { properties: oauth({ CallbackURLs: [APP] }) },
  },
  'redirect-uri-https': {
    why: 'Callback URLs must use HTTPS; plain HTTP is allowed only for the loopback hosts `localhost`, `127.0.0.1` and `[::1]` (any '
      + 'port), for testing. Cognito answers `InvalidParameterException: <url> cannot use the HTTP protocol.` The host is compared '
      + 'exactly: `localhost.example.org` or `127.0.0.2` are not loopback. An S3 bucket\'s `WebsiteURL` (`bucket.bucketWebsiteUrl` in '
      + 'CDK) is documented as `http://<bucket>.s3-website[-.]<region>.amazonaws.com`, always plain HTTP and never loopback, so '
      + 'as a callback it is rejected the same way (three of 18 real service rejections in a review of published stacks were such '
      + 'URLs); serve the site through CloudFront with HTTPS instead.',
    failing: { properties: oauth({ CallbackURLs: ['http://app.example.org/callback'] }) },
    passing: { properties: oauth({ CallbackURLs: [APP] }) },
  },
  'logout-uri-https': {
    why: 'AWS documents the HTTPS requirement for callback URLs only, but the same "cannot use the HTTP protocol" rejection is reported '
      + 'for sign-out URLs, and a sign-out redirect over plain HTTP can be tampered with. It is a warning until the service behaviour '
      + 'is confirmed; loopback hosts are allowed as for callback URLs.',
    failing: { properties: oauth({ LogoutURLs: ['http://app.example.org/signed-out'] }) },
    passing: { properties: oauth({ LogoutURLs: ['https://app.example.org/signed-out'] }) },
  },
  'default-redirect-in-callbacks': {
    why: 'The API and CloudFormation references say DefaultRedirectURI "must be in the CallbackURLs list", compared as exact strings: '
      + 'a trailing slash or a different case makes it a different URL, and the request is rejected.',
    failing: { properties: oauth({ CallbackURLs: [APP], DefaultRedirectURI: `${APP}/` }) },
    passing: { properties: oauth({ CallbackURLs: [APP], DefaultRedirectURI: APP }) },
  },
  'redirect-uri-wildcard': {
    why: 'Cognito has no wildcard redirect URLs. The API reference says it "doesn\'t accept authorization requests with redirect_uri '
      + 'values that aren\'t in the list of CallbackURLs", and it compares them exactly, so a `*` is a literal character: '
      + '`https://*.example.org/callback` matches only a redirect_uri that is literally that string, and sign-in from '
      + '`https://app.example.org/callback` fails with `redirect_mismatch`. The same holds for sign-out URLs and the default redirect '
      + 'URI. The service accepts the entry, so this is a warning about a URL that does not do what it seems to, not a security '
      + 'finding (the `*` grants nothing). A percent-encoded `%2A` is not reported, nor a `*` that only an unresolved value could '
      + 'bring; a literal `*` in `Fn::Sub` or `Fn::Join` text is.',
    failing: { properties: oauth({ CallbackURLs: ['https://*.example.org/callback'] }) },
    passing: { properties: oauth({ CallbackURLs: [APP, 'https://staging.example.org/callback'] }) },
  },

  // ---- Secrets and context data
  'context-data-needs-secret': {
    why: 'The API and CloudFormation references say: "You can only activate EnablePropagateAdditionalUserContextData in an app client '
      + 'that has a client secret." Without a secret, anyone could send forged device and location data to the threat protection '
      + 'features, so Cognito refuses the combination.',
    failing: { properties: props({ EnablePropagateAdditionalUserContextData: true }) },
    passing: { properties: props({ EnablePropagateAdditionalUserContextData: true, GenerateSecret: true }) },
  },
  'client-secret-exclusive': {
    why: 'This rule applies to CreateUserPoolClient request JSON (for example `aws cognito-idp create-user-pool-client '
      + '--cli-input-json`): CloudFormation has no ClientSecret input. The API reference says "You cannot specify both GenerateSecret as '
      + 'true and provide a ClientSecret value".',
    failing: { properties: props({ GenerateSecret: true, ClientSecret: 'k8Jd2LmQ9xVb7RtY4nWz1CfH' }) },
    passing: { properties: props({ ClientSecret: 'k8Jd2LmQ9xVb7RtY4nWz1CfH' }) },
  },
  'client-secret-format': {
    why: 'This rule applies to CreateUserPoolClient request JSON, not to CloudFormation. A custom ClientSecret is 24 to 64 characters '
      + 'matching `[\\w+]+` (ASCII letters, digits, `_` and `+`) in the API model; other secrets fail input validation. The finding '
      + 'never repeats the secret.',
    failing: { properties: props({ ClientSecret: 'orders-api-secret-2025-a1b2' }) },
    passing: { properties: props({ ClientSecret: 'orders_api_secret_2025_a1b2' }) },
  },

  // ---- Identity providers
  'idp-name-format': {
    why: 'The API model\'s ProviderNameType is 1 to 32 characters of letters, marks, symbols, numbers, punctuation and separators; '
      + 'longer names or control characters are rejected. A name that long cannot be the name of an identity provider of the pool '
      + 'anyway.',
    failing: { properties: props({ SupportedIdentityProviders: ['COGNITO', 'CorporateSAMLProviderForEmployeesEU'] }) },
    passing: { properties: props({ SupportedIdentityProviders: ['COGNITO', 'CorporateSAML-EU'] }) },
  },
  'idp-builtin-case': {
    why: 'The built-in providers are named exactly Google, Facebook, SignInWithApple and LoginWithAmazon, and the names are '
      + 'case-sensitive: `GOOGLE` or `google` names no provider, and a real deployment failed with `The provider GOOGLE does not '
      + 'exist for User Pool …` (alokhcst/onewordadayapp). `Apple` and `Amazon` are common short forms of the last two. A pool may '
      + 'have a SAML or OIDC provider of that name, so this is a warning, reported only when the pool\'s providers are not visible; '
      + 'when they are, `idp-exists` decides.',
    failing: { properties: props({ SupportedIdentityProviders: ['COGNITO', 'GOOGLE'] }) },
    passing: { properties: props({ SupportedIdentityProviders: ['COGNITO', 'Google'] }) },
  },
  'idp-exists': {
    why: 'Each SupportedIdentityProviders entry other than COGNITO must be the ProviderName of an identity provider of the pool, '
      + 'case-sensitive (Google, Facebook, SignInWithApple, LoginWithAmazon, or the SAML/OIDC name); Cognito answers '
      + '`InvalidParameterException: The provider <name> does not exist for User Pool <pool-id>.` It is decided only when the pool and '
      + 'all its providers are visible (nested stacks included, when their templates are given). A provider that exists but may be '
      + 'created after the client is `idp-creation-order`. A provider the app says exists outside the template counts too: one imported '
      + 'with `UserPoolIdentityProvider.fromProviderName` and registered on the pool (`pool.registerIdentityProvider(imported)`), or '
      + 'defined on the pool in another stack of the app; `AppClient` writes them on its resource as '
      + '`Metadata: { "cdk-cognito-app-client:registered": { "identityProviders": ["CorpSAML"] } }`, which `AppClientChecks` and '
      + '`cognito-client-check` read too (`AppClientChecks` works it out for the other clients of the app; the checker sees only '
      + 'templates, so for a client other than an `AppClient` write the metadata or ignore the finding). A provider imported but not '
      + 'registered, or named and nowhere in the app, is still reported.',
    failing: { template: template({ SupportedIdentityProviders: ['COGNITO', 'Google'] }) },
    passing: { template: template({ SupportedIdentityProviders: ['COGNITO', 'Google'] }, WITH_GOOGLE) },
  },

  'idp-creation-order': {
    why: 'When the identity provider is in the same template and the client neither references nor DependsOn it, CloudFormation may '
      + 'create both at once, and the client first: Cognito then answers `The provider <name> does not exist for User Pool <pool-id>` '
      + '(aws/aws-cdk#15850, #15692; aws-amplify/amplify-cli#12990; lgallard/terraform-aws-cognito-user-pool#71). It is a race: it '
      + 'fails only when the client happens to be created first, never on updates, and published stacks carry this shape, so it is a '
      + 'warning. A dependency through another resource, or on the nested stack that holds the provider, orders creation too.',
    failing: { template: template({ SupportedIdentityProviders: ['COGNITO', 'Google'] }, { resources: { GoogleProvider: GOOGLE } }) },
    passing: { template: template({ SupportedIdentityProviders: ['COGNITO', 'Google'] }, WITH_GOOGLE) },
  },

  // ---- Attribute permissions
  'attr-name-length': {
    why: 'Each ReadAttributes and WriteAttributes entry is a ClientPermissionType of 1 to 2048 characters in the API model; an empty '
      + 'entry, often left by a trailing comma in a parameter, fails input validation.',
    failing: { properties: props({ ReadAttributes: ['email', ''] }) },
    passing: { properties: props({ ReadAttributes: ['email'] }) },
  },
  'attr-write-immutable': {
    why: 'Verification status and the subject are set by Cognito, not by users: a client with write access to `email_verified` fails '
      + 'with `InvalidParameterException: Invalid write attributes specified while creating a client` (observed in deployments; '
      + '`phone_number_verified` and `sub` are assumed to behave the same). They can stay in ReadAttributes.',
    failing: { properties: props({ WriteAttributes: ['email', 'email_verified'] }) },
    passing: { properties: props({ WriteAttributes: ['email'] }) },
  },
  'attr-exists': {
    why: 'Attribute permissions can only name standard attributes or custom attributes of the pool, written `custom:<name>` (or '
      + '`dev:custom:<name>` for developer-only ones) with a name of at most 20 characters; other names are rejected with "Invalid '
      + 'read attributes specified" or the write variant. When the pool is in the template, custom attributes must also be declared '
      + 'in its Schema.',
    failing: { properties: props({ ReadAttributes: ['email', 'department'] }) },
    passing: { properties: props({ ReadAttributes: ['email', 'custom:department'] }) },
  },
  'attr-write-required': {
    why: 'The Developer Guide says required attributes of a user pool are always writable, and a WriteAttributes list that leaves one '
      + 'out is rejected with `InvalidParameterException: Invalid write attributes specified while creating a client`. Leaving '
      + 'WriteAttributes out grants write access to all standard attributes.',
    failing: {
      template: template({ WriteAttributes: ['name'] }, REQUIRED_EMAIL),
    },
    passing: {
      template: template({ WriteAttributes: ['email', 'name'] }, REQUIRED_EMAIL),
    },
  },
  'attr-write-idp-mapped': {
    why: 'The API reference says WriteAttributes "must include all attributes that you have mapped to IdP attributes": Cognito updates '
      + 'mapped attributes at every federated sign-in, and throws an error when the client cannot write one. The client deploys, but '
      + 'sign-in through that provider fails.',
    failing: { template: template({ SupportedIdentityProviders: ['Google'], WriteAttributes: ['email'] }, WITH_GOOGLE) },
    passing: { template: template({ SupportedIdentityProviders: ['Google'], WriteAttributes: ['email', 'name'] }, WITH_GOOGLE) },
  },

  // ---- Analytics
  'analytics-exclusive': {
    why: 'An AnalyticsConfiguration names its Amazon Pinpoint project either by ApplicationArn (Cognito then uses its own role) or by '
      + 'ApplicationId with RoleArn and ExternalId. aws-cdk-lib and Terraform refuse both at once (aws/aws-cdk PR#32862); the service '
      + 'rejection is reported but not confirmed.',
    failing: { properties: props({ AnalyticsConfiguration: { ApplicationArn: APP_ARN, RoleArn: ROLE_ARN } }) },
    passing: { properties: props({ AnalyticsConfiguration: { ApplicationArn: APP_ARN } }) },
  },
  'analytics-id-complete': {
    why: 'With ApplicationId, Cognito writes to Amazon Pinpoint by assuming RoleArn with ExternalId, so both are needed; aws-cdk-lib and '
      + 'Terraform require them together. No service rejection has been observed, hence a warning.',
    failing: { properties: props({ AnalyticsConfiguration: { ApplicationId: PROJECT_ID, RoleArn: ROLE_ARN } }) },
    passing: { properties: props({ AnalyticsConfiguration: { ApplicationId: PROJECT_ID, RoleArn: ROLE_ARN, ExternalId: 'orders-web' } }) },
  },
  'analytics-target-required': {
    why: 'An AnalyticsConfiguration without ApplicationArn or ApplicationId names no Amazon Pinpoint project, so no analytics are sent; '
      + 'Terraform requires exactly one of them.',
    failing: { properties: props({ AnalyticsConfiguration: { UserDataShared: true } }) },
    passing: { properties: props({ AnalyticsConfiguration: { ApplicationArn: APP_ARN, UserDataShared: true } }) },
  },
  'analytics-formats': {
    why: 'The API model requires a hexadecimal ApplicationId (HexStringType), ARNs of 20 to 2048 characters matching the ArnType '
      + 'pattern, and an ExternalId of at most 131072 characters. A project name in place of its id is the usual mistake.',
    failing: { properties: props({ AnalyticsConfiguration: { ApplicationId: 'orders-analytics', RoleArn: ROLE_ARN, ExternalId: 'orders-web' } }) },
    passing: { properties: props({ AnalyticsConfiguration: { ApplicationId: PROJECT_ID, RoleArn: ROLE_ARN, ExternalId: 'orders-web' } }) },
  },
  'analytics-region': {
    why: 'The Developer Guide says ApplicationArn supports in-Region integrations only: the Amazon Pinpoint project must be in the user '
      + 'pool\'s region (ApplicationId can target us-east-1 from some other regions).',
    failing: { properties: { UserPoolId: 'eu-west-1_AbCdEf123', AnalyticsConfiguration: { ApplicationArn: APP_ARN } } },
    passing: { properties: { UserPoolId: 'us-east-1_AbCdEf123', AnalyticsConfiguration: { ApplicationArn: APP_ARN } } },
  },
  'analytics-pinpoint-eol': {
    why: 'Amazon Pinpoint reached end of support on 2026-10-30: the analytics target of an AnalyticsConfiguration is no longer '
      + 'accessible, so the configuration only adds a dependency on a retired service.',
    failing: { properties: props({ AnalyticsConfiguration: { ApplicationArn: APP_ARN } }) },
    passing: { properties: props() },
  },

  // ---- Enums, tiers and quotas
  'prevent-user-existence-enum': {
    why: 'PreventUserExistenceErrors takes `ENABLED` or `LEGACY`, in upper case (PreventUserExistenceErrorTypes); any other value is '
      + 'rejected with the model\'s enum message.',
    failing: { properties: props({ PreventUserExistenceErrors: 'Enabled' }) },
    passing: { properties: props({ PreventUserExistenceErrors: 'ENABLED' }) },
  },
  'auth-flows-user-auth-tier': {
    why: 'ALLOW_USER_AUTH (choice-based sign-in) needs a user pool on the Essentials tier or higher, as the API reference says; on a '
      + 'LITE pool Cognito answers `FeatureUnavailableInTierException`. New pools default to ESSENTIALS.',
    failing: { template: template({ ExplicitAuthFlows: ['ALLOW_USER_AUTH', REFRESH] }, LITE) },
    passing: { template: template({ ExplicitAuthFlows: ['ALLOW_USER_AUTH', REFRESH] }, ESSENTIALS) },
  },
  'refresh-rotation-tier': {
    why: 'Refresh-token rotation launched in April 2025 for the Essentials and Plus tiers; on a LITE pool Cognito answers '
      + '`FeatureUnavailableInTierException`, which the API models for Create and UpdateUserPoolClient.',
    failing: { template: template({ ExplicitAuthFlows: [SRP], RefreshTokenRotation: { Feature: 'ENABLED' } }, LITE) },
    passing: { template: template({ ExplicitAuthFlows: [SRP], RefreshTokenRotation: { Feature: 'ENABLED' } }, ESSENTIALS) },
  },
  'quota-clients-per-pool': {
    why: 'A user pool can have 1,000 app clients by default (the quota can be raised to 10,000). Creating one more fails with '
      + '`LimitExceededException`, in the middle of a deployment that CloudFormation then rolls back.',
    failing: {
      template: manyClients(1001),
      shown: manyClientsShown(1001),
      note: 'The template has 1001 clients on `UserPool`, `Client0001` to `Client1001`, each like the two shown (`ClientName` `tenant-<n>`).',
    },
    passing: {
      template: manyClients(1000),
      shown: manyClientsShown(1000),
      note: 'The same template with 1000 clients, `Client0001` to `Client1000`.',
    },
  },

  // ---- Resources attached to the client by ClientId
  'branding-provided-values-exclusive': {
    why: 'A managed login style either takes Cognito\'s provided values or carries its own: the CloudFormation reference says '
      + '"When you specify true for this option, you must also omit values for Settings and Assets in the request", and Cognito '
      + 'answers `InvalidParameterException` otherwise. An empty Settings object or Assets list does not count.',
    failing: { template: attached({ Style: style({ Settings: { components: { pageBackground: { image: { enabled: false } } } } }) }) },
    passing: { template: attached({ Style: style() }) },
  },
  'branding-assets': {
    why: 'Each image of a style is an AssetType of the API: a Category of the fifteen managed login roles, a ColorMode of LIGHT, DARK '
      + 'or DYNAMIC (`BROWSER_ADAPTIVE` is a known mistake, lgallard/terraform-aws-cognito-user-pool PR#216), an Extension of ICO, '
      + 'JPEG, PNG, SVG or WEBP, Base64 Bytes of at most 1,000,000 characters (about 750 kB of image) and a ResourceId of 1 to 40 '
      + 'characters; a style holds at most 40 assets. Anything else fails the deployment with a validation error.',
    failing: { template: attached({ Style: style({ UseCognitoProvidedValues: false, Assets: [{ Category: 'PAGE_HEADER_LOGO', ColorMode: 'BROWSER_ADAPTIVE', Extension: 'PNG', Bytes: PNG }] }) }) },
    passing: { template: attached({ Style: style({ UseCognitoProvidedValues: false, Assets: [{ Category: 'PAGE_HEADER_LOGO', ColorMode: 'DYNAMIC', Extension: 'PNG', Bytes: PNG }] }) }) },
  },
  'attachment-client-id': {
    why: 'CloudFormation marks `ClientId` optional on `AWS::Cognito::ManagedLoginBranding` and `AWS::Cognito::Terms`, but the API '
      + 'operations behind them (CreateManagedLoginBranding, CreateTerms) require the app client: without it the deployment fails '
      + 'with a validation error.',
    failing: { template: attached({ Style: style({ ClientId: undefined }) }) },
    passing: { template: attached({ Style: style() }) },
  },
  'branding-one-per-client': {
    why: 'Each managed login style is linked to one app client, and a client has one style: creating a second style for the same '
      + 'client fails with `ManagedLoginBrandingExistsException`. Both styles are reported.',
    failing: { template: attached({ Style: style(), SecondStyle: style() }) },
    passing: { template: attached({ Style: style() }) },
  },
  'branding-missing': {
    why: 'With a domain on managed login (`ManagedLoginVersion: 2`), an app client without a style has no sign-in pages: the API '
      + 'says "your managed login pages for that app client are nonfunctional until you create a new style or switch the domain '
      + 'branding version", and users see "Login pages unavailable" (minorun365/html-share#3; at least 9 public projects add a style '
      + 'only to fix it). The template deploys, so it is a warning, reported on the client; a style made in the console is invisible '
      + 'to the rule.',
    failing: { template: attached(DOMAIN_V2, oauth()) },
    passing: { template: attached({ ...DOMAIN_V2, Style: style() }, oauth()) },
  },
  'attachment-pool-mismatch': {
    why: 'Every API operation behind the attached resources takes the UserPoolId and the ClientId of a client of that pool: a style, '
      + 'terms document or session setting that names a client of the template but another pool fails with '
      + '`ResourceNotFoundException`.',
    failing: { template: attached({ ...OTHER_POOL, Style: style({ UserPoolId: { Ref: 'OtherPool' } }) }) },
    passing: { template: attached({ ...OTHER_POOL, Style: style() }) },
  },
  'terms-name': {
    why: 'The API model allows two kinds of terms documents, `TermsName` `terms-of-use` or `privacy-policy` (pattern '
      + '`^(terms-of-use|privacy-policy)$`); any other name fails with a validation error.',
    failing: { template: attached({ TermsOfUse: terms('terms-and-conditions'), PrivacyPolicy: terms('privacy-policy') }) },
    passing: { template: attached(BOTH_TERMS) },
  },
  'terms-source-enforcement': {
    why: 'TermsSource and Enforcement are reserved for future use and each accepts one value today: `LINK` and `NONE` (API model '
      + 'enums TermsSourceType and TermsEnforcementType). Both are required.',
    failing: { template: attached({ ...BOTH_TERMS, PrivacyPolicy: terms('privacy-policy', undefined, { TermsSource: 'URL' }) }) },
    passing: { template: attached(BOTH_TERMS) },
  },
  'terms-links': {
    why: 'Links maps languages to URLs: 1 to 13 entries, each key `cognito:default` or `cognito:<language>` of managed login '
      + 'localization, each URL 1 to 1024 characters of letters, marks, symbols, numbers and punctuation (API model LinksType, '
      + 'LanguageIdType, LinkUrlType), so a space must be percent-encoded. Anything else fails with a validation error.',
    failing: { template: attached({ TermsOfUse: terms('terms-of-use', { en: 'https://app.example.org/terms' }), PrivacyPolicy: terms('privacy-policy', { en: 'https://app.example.org/privacy' }) }) },
    passing: { template: attached({ TermsOfUse: terms('terms-of-use', { 'cognito:english': 'https://app.example.org/terms' }), PrivacyPolicy: terms('privacy-policy', { 'cognito:english': 'https://app.example.org/privacy' }) }) },
  },
  'terms-one-per-kind': {
    why: 'A client has one terms document of each kind, with a URL per language in its Links: a second `AWS::Cognito::Terms` of the '
      + 'same kind for the same client fails with `TermsExistsException`. Both are reported.',
    failing: { template: attached({ ...BOTH_TERMS, TermsOfUseSpanish: terms('terms-of-use', { 'cognito:spanish': 'https://app.example.org/es/terms-of-use' }) }) },
    passing: {
      template: attached({
        TermsOfUse: terms('terms-of-use', { 'cognito:default': 'https://app.example.org/terms-of-use', 'cognito:spanish': 'https://app.example.org/es/terms-of-use' }),
        PrivacyPolicy: terms('privacy-policy'),
      }),
    },
  },
  'terms-both-kinds': {
    why: 'The CloudFormation reference says "You must provide both types of terms documents in at least one language before Amazon '
      + 'Cognito displays your terms documents": with one kind only, or both kinds without a language key in common '
      + '(`cognito:default` counts as a language), the sign-up page shows no terms at all. The template deploys, so it is a '
      + 'warning, reported on the terms documents that exist.',
    failing: { template: attached({ TermsOfUse: terms('terms-of-use') }) },
    passing: { template: attached(BOTH_TERMS) },
  },
  'sso-session-range': {
    why: 'SSOSession.MaxValidityMinutes is how long the client silently reuses a managed login session: a whole number of minutes '
      + 'from 0 (never reuse it) to 129600 (90 days), in the CloudFormation schema and the API (ClientSSOSessionConfigType). Other '
      + 'values fail with a validation error; the property is required.',
    failing: { template: attached({ ...TRACKING, SsoSession: ssoSession(200000) }) },
    passing: { template: attached({ ...TRACKING, SsoSession: ssoSession(129600) }) },
  },
  'sso-session-tier': {
    why: 'SetUserPoolClientSessionConfiguration says "The user pool must be in the Essentials or Plus tier. Otherwise, this '
      + 'operation returns a FeatureUnavailableInTierException." A pool without UserPoolTier is on Essentials.',
    failing: { template: attached({ ...TRACKING, SsoSession: ssoSession() }, {}, { UserPoolTier: 'LITE' }) },
    passing: { template: attached({ ...TRACKING, SsoSession: ssoSession() }, {}, { UserPoolTier: 'ESSENTIALS' }) },
  },
  'sso-session-tracking': {
    why: 'A client\'s SSO session setting "take[s] effect only while the user pool has UserSessionTracking ENABLED, so declaring '
      + 'DependsOn the AWS::Cognito::UserPoolSessionConfigurationAttachment is recommended" (CloudFormation and CDK L1 reference). '
      + 'Without a pool attachment that turns tracking on, or without an order between the two, the setting silently does nothing: '
      + 'a warning.',
    failing: { template: attached({ SsoSession: ssoSession() }) },
    passing: { template: attached({ ...TRACKING, SsoSession: ssoSession() }) },
  },
  'sso-session-one-per-client': {
    why: 'A client has one session configuration, and SetUserPoolClientSessionConfiguration replaces it: two attachments for the '
      + 'same client overwrite each other, and the client ends with whichever CloudFormation applies last. Both are reported.',
    failing: { template: attached({ ...TRACKING, SsoSession: ssoSession(480), ShortSsoSession: ssoSession(0) }) },
    passing: { template: attached({ ...TRACKING, SsoSession: ssoSession(480) }) },
  },

  // ---- Changes between deployments
  'generate-secret-replacement': {
    why: 'GenerateSecret is a create-only property: the Update API has no such field, so CloudFormation replaces the client when it '
      + 'changes. The new client has a new ClientId (and secret), and every application configured with the old one stops working.',
    failing: { template: template({ GenerateSecret: true }), previous: template({}) },
    passing: { template: template({}), previous: template({}) },
  },
  'user-pool-id-replacement': {
    why: 'UserPoolId is a create-only property: moving a client to another pool makes CloudFormation create a new client there and '
      + 'delete the old one, so the ClientId (and secret) change and users of the old pool lose this client.',
    failing: { template: template({ UserPoolId: { Ref: 'UserPoolV2' } }, { resources: POOL_V2 }), previous: template({}, { resources: POOL_V2 }) },
    passing: { template: template({}, { resources: POOL_V2 }), previous: template({}, { resources: POOL_V2 }) },
  },
  'update-resets-omitted': {
    why: 'UpdateUserPoolClient resets every field it is not given to its default ("If you don\'t provide a value for an attribute, '
      + 'Amazon Cognito sets it to its default value"), and CloudFormation sends the whole desired state. Removing a property from '
      + 'the template therefore changes the client: removing PreventUserExistenceErrors returns it to LEGACY.',
    failing: { template: template({}), previous: template({ PreventUserExistenceErrors: 'ENABLED' }) },
    passing: { template: template({ PreventUserExistenceErrors: 'ENABLED' }), previous: template({ PreventUserExistenceErrors: 'ENABLED' }) },
  },
  'update-units-removed': {
    why: 'When a TokenValidityUnits entry is removed while its validity value stays, Cognito reads the number in the default unit: '
      + 'an access token of 15 minutes silently becomes 15 hours, and 60 minutes becomes "Invalid range for token validity." '
      + '(hashicorp/terraform-provider-aws#32504, PR#48630).',
    failing: {
      template: template({ AccessTokenValidity: 15, IdTokenValidity: 1, TokenValidityUnits: { IdToken: 'hours' } }),
      previous: template({ AccessTokenValidity: 15, IdTokenValidity: 1, TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'hours' } }),
    },
    passing: {
      template: template({ AccessTokenValidity: 15, IdTokenValidity: 1, TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'hours' } }),
      previous: template({ AccessTokenValidity: 15, IdTokenValidity: 1, TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'hours' } }),
    },
  },

  // ---- Organisation policy
  'policy-no-implicit': {
    why: 'The implicit grant returns tokens in the browser URL, where they leak through history and referrers, and issues no refresh '
      + 'token. The Developer Guide recommends the authorization code grant with PKCE instead, for public clients too.',
    policy: { forbidImplicitFlow: true },
    failing: { properties: oauth({ AllowedOAuthFlows: ['implicit'] }) },
    passing: { properties: oauth({ AllowedOAuthFlows: ['code'] }) },
  },
  'policy-prevent-user-existence': {
    why: 'With PreventUserExistenceErrors LEGACY (the default through the API and CloudFormation), sign-in and password-reset errors '
      + 'say whether a user exists, which allows user enumeration. ENABLED returns generic errors, as the Developer Guide recommends.',
    policy: { requirePreventUserExistenceErrors: true },
    failing: { properties: props() },
    passing: { properties: props({ PreventUserExistenceErrors: 'ENABLED' }) },
  },
  'policy-token-revocation': {
    why: 'Token revocation lets an application revoke a refresh token (and the access tokens issued from it) at sign-out. It is on by '
      + 'default when a client is created; setting EnableTokenRevocation to false leaves stolen refresh tokens usable until they expire.',
    policy: { requireTokenRevocation: true },
    failing: { properties: props({ EnableTokenRevocation: false }) },
    passing: { properties: props() },
  },
  'policy-no-plaintext-password-flows': {
    why: 'ALLOW_USER_PASSWORD_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH and their legacy forms send the password to Cognito "instead of using '
      + 'the Secure Remote Password (SRP) protocol", as the API reference puts it. SRP never sends the password over the wire.',
    policy: { forbidPlaintextPasswordFlows: true },
    failing: { properties: props({ ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', REFRESH] }) },
    passing: { properties: props({ ExplicitAuthFlows: [SRP, REFRESH] }) },
  },
  'policy-user-auth-widens': {
    why: 'ALLOW_USER_AUTH enables choice-based sign-in, which also allows password and SRP sign-in through USER_AUTH even when '
      + 'ALLOW_USER_PASSWORD_AUTH and ALLOW_USER_SRP_AUTH are absent (API reference). A policy that forbids password flows would be '
      + 'bypassed without this rule.',
    policy: { forbidUserAuth: true },
    failing: { properties: props({ ExplicitAuthFlows: ['ALLOW_USER_AUTH', REFRESH] }) },
    passing: { properties: props({ ExplicitAuthFlows: [SRP, REFRESH] }) },
  },
  'policy-no-example-callback': {
    why: 'aws-cdk-lib\'s UserPoolClient uses `https://example.com` as the callback URL when none is given, so clients deploy with a '
      + 'redirect to a domain the organisation does not control. Real applications give their own URLs.',
    policy: { forbidExampleUrls: true },
    failing: { properties: oauth({ CallbackURLs: ['https://example.com'] }) },
    passing: { properties: oauth({ CallbackURLs: [APP] }) },
  },
  'policy-no-loopback-in-prod': {
    why: 'Cognito allows plain-HTTP loopback callback URLs (localhost, 127.0.0.1, [::1]) "for testing purposes only". In a production '
      + 'client they let any local process on a user\'s machine receive authorization codes; development clients or stages should '
      + 'hold them instead.',
    policy: { allowLoopbackUrls: false },
    failing: { properties: oauth({ CallbackURLs: [APP, 'http://localhost:3000/callback'] }) },
    passing: { properties: oauth({ CallbackURLs: [APP] }) },
  },
  'policy-refresh-rotation': {
    why: 'A public client (one without a secret) cannot prove its identity when it refreshes tokens, so a stolen refresh token stays '
      + 'usable until it expires. With refresh-token rotation, each refresh returns a new refresh token and invalidates the old one '
      + '(Developer Guide, refresh tokens).',
    policy: { requireRefreshTokenRotation: true },
    failing: { properties: props({ ExplicitAuthFlows: [SRP, REFRESH] }) },
    passing: { properties: props({ ExplicitAuthFlows: [SRP], RefreshTokenRotation: { Feature: 'ENABLED' } }) },
  },
  'policy-max-access-token-validity': {
    why: 'An access token cannot be revoked individually once issued and is accepted by APIs until it expires; an organisation may cap '
      + 'its lifetime below the service maximum of 1 day. An absent value counts as the service default of 60 minutes.',
    policy: { maxAccessTokenValidity: 'PT1H' },
    failing: { properties: props({ AccessTokenValidity: 12 }) },
    passing: { properties: props({ AccessTokenValidity: 1 }) },
  },
  'policy-max-id-token-validity': {
    why: 'An ID token carries the user\'s identity claims and is trusted by applications until it expires; an organisation may cap its '
      + 'lifetime below the service maximum of 1 day. An absent value counts as the service default of 60 minutes.',
    policy: { maxIdTokenValidity: 'PT1H' },
    failing: { properties: props({ IdTokenValidity: 12 }) },
    passing: { properties: props({ IdTokenValidity: 1 }) },
  },
  'policy-max-refresh-token-validity': {
    why: 'The refresh token decides how long a user stays signed in without entering credentials again; the service allows up to 10 '
      + 'years. An organisation may set a shorter maximum; an absent value counts as the service default of 30 days.',
    policy: { maxRefreshTokenValidity: 'P30D' },
    failing: { properties: props({ RefreshTokenValidity: 90 }) },
    passing: { properties: props({ RefreshTokenValidity: 30 }) },
  },
  'policy-oauth-flows-allowed': {
    why: 'An organisation may restrict the OAuth grants its clients use, for example to the authorization code grant only, so that '
      + 'every browser sign-in uses PKCE and every machine client goes through review.',
    policy: { allowedOAuthFlows: ['code'] },
    failing: { properties: oauth({ AllowedOAuthFlows: ['code', 'implicit'] }) },
    passing: { properties: oauth({ AllowedOAuthFlows: ['code'] }) },
  },
  'policy-auth-flows-forbidden': {
    why: 'An organisation may forbid some ExplicitAuthFlows values, for example custom authentication or the password flows. When '
      + 'ExplicitAuthFlows is absent, Cognito applies its default set (ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH, '
      + 'ALLOW_CUSTOM_AUTH), so that set is checked.',
    policy: { forbiddenAuthFlows: ['ALLOW_CUSTOM_AUTH'] },
    failing: { properties: props() },
    passing: { properties: props({ ExplicitAuthFlows: [SRP, REFRESH] }) },
  },
  'policy-callback-urls-allowed': {
    why: 'The callback URLs decide where Cognito sends authorization codes and tokens; a URL on a domain the organisation does not '
      + 'control hands them to someone else. Listing the allowed URL patterns makes that a reviewed decision.',
    policy: { allowedCallbackUrls: ['https://*.example.org/*'] },
    failing: { properties: oauth({ CallbackURLs: ['https://app.example.net/callback'] }) },
    passing: { properties: oauth({ CallbackURLs: [APP] }) },
  },
  'policy-logout-urls-allowed': {
    why: 'Sign-out URLs decide where users land after signing out; an unreviewed URL can be used for phishing right after a '
      + 'legitimate sign-out. Listing the allowed URL patterns keeps them on the organisation\'s domains.',
    policy: { allowedLogoutUrls: ['https://*.example.org/*'] },
    failing: { properties: oauth({ LogoutURLs: ['https://app.example.net/signed-out'] }) },
    passing: { properties: oauth({ LogoutURLs: ['https://app.example.org/signed-out'] }) },
  },
  'policy-scopes-allowed': {
    why: 'Scopes decide which APIs a client\'s access tokens can call; a client that requests the scopes of another team\'s resource '
      + 'server gets access to its API. Listing the allowed scopes per organisation or stage keeps that reviewed.',
    policy: { allowedScopes: ['openid', 'orders-api/*'] },
    failing: { properties: oauth({ AllowedOAuthScopes: ['openid', 'billing-api/read'] }) },
    passing: { properties: oauth({ AllowedOAuthScopes: ['openid', 'orders-api/read'] }) },
  },
  'policy-dcr-scope-explicit': {
    why: 'A client that holds the system scope `aws.cognito/dcr/register` gets access tokens that register new app clients on the pool '
      + '(authenticated dynamic client registration, RFC 7591): it can create clients with their own callback URLs and scopes. '
      + 'Cognito defines the scope itself, so no resource server review ever sees it. The policy grants it only where its '
      + 'allowedScopes lists it by name: a glob such as `*` or `aws.cognito/*` written for other scopes does not.',
    policy: { allowedScopes: ['*'] },
    failing: { properties: m2m({ AllowedOAuthScopes: ['aws.cognito/dcr/register'] }) },
    passing: { properties: m2m({ AllowedOAuthScopes: ['orders-api/read'] }) },
  },
  'policy-write-attributes-forbidden': {
    why: 'A client that lets users write an attribute the backend trusts (`custom:role`, `custom:tenant`, `custom:isAdmin`) lets '
      + 'any signed-in user grant themselves that role with UpdateUserAttributes and their own access token: a privilege '
      + 'escalation (aws/aws-ops-wheel PR#165, 2026). With WriteAttributes omitted or empty, every mutable attribute of the pool, '
      + 'custom ones included, is writable (observed; aws/aws-cdk#30608). `Mutable: false` protects an attribute only when users '
      + 'cannot sign themselves up, since they set it at sign-up; `dev:custom:` attributes are never user-writable. With the list '
      + 'omitted and the pool not in the template, the finding is a warning saying so.',
    policy: { forbiddenWriteAttributes: ['custom:role', 'custom:tenant*'] },
    failing: { properties: props({ WriteAttributes: ['email', 'custom:role'] }) },
    passing: { properties: props({ WriteAttributes: ['email'] }) },
  },
  'policy-write-attributes-explicit': {
    why: 'With WriteAttributes omitted or empty, a client can write every mutable attribute of its pool, custom ones included '
      + '(observed: aws-samples/sample-citadel PR#146, ustaxcourt/ef-cms PR#782, aws/aws-cdk#30608), although the API reference '
      + 'speaks of standard attributes only. Requiring an explicit list makes every client\'s write access a reviewed decision. '
      + 'There is no way to say "writes nothing": an empty list means everything, so list the fewest attributes, the pool\'s '
      + 'required ones (always writable), or one standard attribute the app may change.',
    policy: { requireExplicitWriteAttributes: true },
    failing: { properties: props() },
    passing: { properties: props({ WriteAttributes: ['email'] }) },
  },
  'policy-admin-scope-public': {
    why: 'The scope `aws.cognito.signin.user.admin` lets an access token call user pool API operations for the signed-in user '
      + '(GetUser, UpdateUserAttributes, ChangePassword, ...). On a client without a secret the token lives in a browser or an app, '
      + 'where an injected script or another app can take it: least privilege (RFC 9700) keeps that scope to confidential clients.',
    policy: { forbidAdminScopeOnPublicClients: true },
    failing: { properties: oauth({ AllowedOAuthScopes: ['openid', 'aws.cognito.signin.user.admin'] }) },
    passing: { properties: oauth({ AllowedOAuthScopes: ['openid', 'aws.cognito.signin.user.admin'], GenerateSecret: true }) },
  },
  'policy-native-loopback-ip': {
    why: 'RFC 8252 section 7.3: "it is RECOMMENDED that clients … use the loopback IP literal rather than localhost", since the name '
      + 'may resolve to another interface or be intercepted by a firewall rule. Cognito accepts http://127.0.0.1 and http://[::1] as '
      + 'loopback callbacks on any port, like localhost.',
    policy: { requireLoopbackIpLiteral: true },
    failing: { properties: oauth({ CallbackURLs: ['http://localhost:8080/callback'] }) },
    passing: { properties: oauth({ CallbackURLs: ['http://127.0.0.1:8080/callback'] }) },
  },
  'policy-native-scheme-reverse-domain': {
    why: 'RFC 8252 section 7.1: a native app\'s private-use URI scheme should be a domain name the app\'s publisher controls, reversed '
      + '(`com.example.app:/callback`): a short scheme such as `myapp://` may be registered by any other app, which then receives the '
      + 'authorization code.',
    policy: { requireReverseDomainSchemes: true },
    failing: { properties: oauth({ CallbackURLs: ['myapp://callback'] }) },
    passing: { properties: oauth({ CallbackURLs: ['com.example.app:/callback'] }) },
  },
  'policy-identity-providers-allowed': {
    why: 'Each identity provider of a client is a way to sign in; an organisation may allow only its own directory (COGNITO or its SAML '
      + 'provider) and not social sign-in.',
    policy: { allowedIdentityProviders: ['COGNITO', 'CorporateSAML'] },
    failing: { properties: props({ SupportedIdentityProviders: ['COGNITO', 'Facebook'] }) },
    passing: { properties: props({ SupportedIdentityProviders: ['COGNITO'] }) },
  },
  'policy-client-name-pattern': {
    why: 'A naming convention makes app clients traceable to their application and owner in the console, in CloudTrail and in '
      + 'cost reports. A client without ClientName gets a generated name, which cannot follow the convention.',
    policy: { clientNamePattern: '^[a-z][a-z0-9-]*$' },
    failing: { properties: props({ ClientName: 'Orders Web' }) },
    passing: { properties: props({ ClientName: 'orders-web' }) },
  },
  'policy-branding-required': {
    why: 'With a domain on managed login (`ManagedLoginVersion: 2`), a hosted sign-in client without a style has no sign-in pages '
      + '("Login pages unavailable"): the documented rule `branding-missing` warns, since a style made in the console is invisible to a '
      + 'template. An organisation that creates every style as code makes it an error with this setting; the policy\'s finding '
      + 'replaces the warning.',
    policy: { requireManagedLoginStyle: true },
    failing: { template: attached(DOMAIN_V2, oauth()) },
    passing: { template: attached({ ...DOMAIN_V2, Style: style() }, oauth()) },
  },
  'policy-terms-required': {
    why: 'Cognito shows terms of use and a privacy policy on the managed login sign-up page once both kinds of '
      + '`AWS::Cognito::Terms` exist for the client. An organisation whose sign-up must show them requires both documents, as '
      + 'code, for every hosted sign-in client (OAuth with the code or implicit grant).',
    policy: { requireTerms: true },
    failing: { template: attached({ TermsOfUse: terms('terms-of-use') }, oauth()) },
    passing: { template: attached(BOTH_TERMS, oauth()) },
  },
  'policy-max-sso-session-validity': {
    why: 'A client\'s SSO session validity (SSOSession.MaxValidityMinutes) is how long managed login signs the user in again without '
      + 'asking, up to 90 days. An organisation may cap it, like token lifetimes.',
    policy: { maxSsoSessionValidity: 'PT8H' },
    failing: { template: attached({ ...TRACKING, SsoSession: ssoSession(1440) }) },
    passing: { template: attached({ ...TRACKING, SsoSession: ssoSession(480) }) },
  },
  'policy-client-secret': {
    why: 'Whether clients have a secret is an architecture decision: confidential (server-side) clients need one, and public clients '
      + '(browser and mobile apps) cannot keep one. GenerateSecret cannot be changed without replacing the client, so the policy '
      + 'catches it before the first deployment.',
    policy: { clientSecret: 'REQUIRED' },
    failing: { properties: props() },
    passing: { properties: props({ GenerateSecret: true }) },
  },
};

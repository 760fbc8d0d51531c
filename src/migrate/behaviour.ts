/**
 * What the codemod does for each row of the README's migration table (between `<!-- migration:start -->`
 * and `<!-- migration:end -->`), keyed by the row's first cell. test/migrate/behaviour.test.ts checks
 * that the keys and the README's rows are the same, so a new row needs a decision here.
 */

/** The props of one client as written, as far as the codemod can read them. */
export interface WrittenProps {
  /** `disableOAuth` as written: true, false (not given or `false`), undefined (not a literal). */
  readonly disableOAuth: boolean | undefined;
  /** The grants of `oAuth.flows` set to `true` (undefined when not a literal, or not given). */
  readonly flows: string[] | undefined;
  /** The `OAuthScope` members of `oAuth.scopes` (`'?'` for others; undefined when not an array literal or not given). */
  readonly scopes: string[] | undefined;
  /** Whether a prop is given: true, false, or undefined when it cannot be told (a spread, a call). */
  given(path: KeepPath): boolean | undefined;
}

/** The props the codemod may write. */
export type KeepPath = 'oAuth' | 'oAuth.flows' | 'oAuth.callbackUrls' | 'oAuth.scopes' | 'authFlows' | 'preventUserExistenceErrors';

/** One prop to write so that a client keeps the L2's behaviour. */
export interface Keep {
  /** Where: a prop, or `oAuth.scopes[]` to add one element to the scopes. */
  readonly path: KeepPath | 'oAuth.scopes[]';
  /** The value, with `$OAuthScope` for the file's spelling of `OAuthScope`. */
  readonly value: string;
  /** What the client keeps, for the message (`Web keeps ...`). */
  readonly keeps: string;
  /** Whether it is one of AppClient's secure defaults that the client does not adopt. */
  readonly secureDefault: boolean;
}

/** What a row needs, for one client: props to write, or undefined when the props cannot be read. */
type KeepRule = (props: WrittenProps) => Keep[] | undefined;

/** How the codemod handles a row of the table. */
export type RowHandling =
  /** Writes the "To keep the L2's behaviour" props that apply to each client. */
  | { readonly kind: 'keep'; readonly rule: KeepRule }
  /** Rewrites code (the row's recipe). */
  | { readonly kind: 'rewrite'; readonly how: string }
  /** Reports where the code needs a person. */
  | { readonly kind: 'report'; readonly how: string }
  /** Nothing to write: what is deployed does not change, or the app could not have deployed. */
  | { readonly kind: 'none'; readonly why: string };


/** The L2's grants when `oAuth.flows` is not given. */
const L2_FLOWS = '{ authorizationCodeGrant: true, implicitCodeGrant: true }';
const L2_SCOPES = '[$OAuthScope.PROFILE, $OAuthScope.PHONE, $OAuthScope.EMAIL, $OAuthScope.OPENID, $OAuthScope.COGNITO_ADMIN]';

export const MIGRATION_ROWS: { readonly [row: string]: RowHandling } = {
  '`oAuth.flows`': {
    kind: 'keep',
    rule: (p) => {
      if (p.disableOAuth !== false) return p.disableOAuth ? [] : undefined;
      const given = p.given('oAuth.flows');
      if (given === undefined) return undefined;
      return given ? [] : [{ path: 'oAuth.flows', value: L2_FLOWS, keeps: "the L2's implicit grant (oAuth.flows.implicitCodeGrant)", secureDefault: true }];
    },
  },
  '`oAuth.callbackUrls`': {
    kind: 'keep',
    rule: (p) => {
      if (p.disableOAuth !== false) return p.disableOAuth ? [] : undefined;
      const given = p.given('oAuth.callbackUrls');
      if (given === undefined) return undefined;
      if (given) return [];
      const flowsGiven = p.given('oAuth.flows');
      if (flowsGiven && p.flows === undefined) return undefined;
      const browser = !flowsGiven || p.flows!.includes('authorizationCodeGrant') || p.flows!.includes('implicitCodeGrant');
      return browser ? [{ path: 'oAuth.callbackUrls', value: "['https://example.com']", keeps: "the L2's placeholder callback URL https://example.com (oAuth.callbackUrls); give the real URLs", secureDefault: true }] : [];
    },
  },
  '`AllowedOAuthFlowsUserPoolClient`': {
    kind: 'keep',
    // `true` with the L2 unless disableOAuth; with AppClient whenever flows are given, which the
    // `oAuth.flows` row writes when they are not.
    rule: () => [],
  },
  '`oAuth.scopes`': {
    kind: 'keep',
    rule: (p) => {
      if (p.disableOAuth !== false) return p.disableOAuth ? [] : undefined;
      const given = p.given('oAuth.scopes');
      if (given === undefined) return undefined;
      return given ? [] : [{ path: 'oAuth.scopes', value: L2_SCOPES, keeps: "the L2's scopes with aws.cognito.signin.user.admin (oAuth.scopes)", secureDefault: true }];
    },
  },
  '`openid` with email, phone or profile': {
    kind: 'keep',
    rule: (p) => {
      if (p.disableOAuth !== false) return p.disableOAuth ? [] : undefined;
      const given = p.given('oAuth.scopes');
      if (given === undefined || (given && p.scopes === undefined)) return undefined;
      if (!given) return [];
      const companion = ['EMAIL', 'PHONE', 'PROFILE'].some((s) => p.scopes!.includes(s));
      return companion && !p.scopes!.includes('OPENID')
        ? [{ path: 'oAuth.scopes[]', value: '$OAuthScope.OPENID', keeps: 'the openid scope the L2 added (oAuth.scopes)', secureDefault: false }]
        : [];
    },
  },
  '`authFlows`': {
    kind: 'keep',
    rule: (p) => {
      const given = p.given('authFlows');
      if (given === undefined) return undefined;
      return given ? [] : [{ path: 'authFlows', value: '{}', keeps: "the service's default auth flows, custom authentication included (authFlows: {})", secureDefault: true }];
    },
  },
  '`preventUserExistenceErrors`': {
    kind: 'keep',
    rule: (p) => {
      const given = p.given('preventUserExistenceErrors');
      if (given === undefined) return undefined;
      return given ? [] : [{ path: 'preventUserExistenceErrors', value: 'false', keeps: 'user existence errors (preventUserExistenceErrors: false)', secureDefault: true }];
    },
  },
  '`enableTokenRevocation`': { kind: 'none', why: 'AppClient emits the service\'s own default (true)' },
  '`accessTokenValidity`, `idTokenValidity`, `refreshTokenValidity`': { kind: 'none', why: 'the same durations, in another unit' },
  '`refreshTokenRotation`': { kind: 'none', why: 'a new prop; the grace period means the same' },
  '`supportedIdentityProviders`': { kind: 'none', why: 'the same providers, unless some are registered after the client' },
  'Identity providers and resource servers named literally': { kind: 'none', why: 'a DependsOn; the client is not replaced' },
  '`userPoolClientSecret`': { kind: 'none', why: 'the same secret, read without a custom resource' },
  '`userPoolClientName`': { kind: 'none', why: 'a value where the L2 threw' },
  'Values Cognito rejects at deploy': { kind: 'none', why: 'such a client could not have been deployed' },
  'Errors': { kind: 'none', why: 'nothing deployed changes' },
  'Warnings': { kind: 'none', why: 'warnings change nothing deployed; acknowledge their ids after migrating' },
  '`domain.signInUrl(client, options)`': { kind: 'rewrite', how: '`domain.signInUrl(client, options)` becomes `client.signInUrl(domain, options)`' },
  '`PROPERTY_INJECTION_ID`': { kind: 'report', how: 'each injector registered for UserPoolClient is reported: register it for AppClient.PROPERTY_INJECTION_ID too' },
  '`userPool`, `analytics`, `userPoolClientRef` types': { kind: 'rewrite', how: 'option objects typed UserPoolClientOptions or UserPoolClientProps become AppClientOptions or AppClientProps (the classic line takes IUserPool and an IRole analytics role)' },
  '`managedLogin`, `terms`, `ssoSessionValidity`': { kind: 'none', why: 'props the L2 does not have: a migrated client gives none, so nothing is created; L1s written by hand stay as they are' },
};

/** Every prop to write for a client, in the table's order; undefined when its props cannot be read. */
export function keepsFor(props: WrittenProps): Keep[] | undefined {
  const keeps: Keep[] = [];
  for (const handling of Object.values(MIGRATION_ROWS)) {
    if (handling.kind !== 'keep') continue;
    const more = handling.rule(props);
    if (more === undefined) return undefined;
    keeps.push(...more);
  }
  return keeps;
}

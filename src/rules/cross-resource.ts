import { STANDARD_ATTRIBUTES } from './attributes';
import { builtinSpelling, idpsDecided } from './identity-providers';
import { STANDARD_SCOPES } from './oauth';
import { Client, eachLiteralAt, itemPath } from './private/client';
import { ClientProperty, Emit } from './private/rule';
import { SOURCES } from './private/sources';
import { ClientContext, ServerInfo } from './private/template-index';
import { isList, isUnknown, listHas, show } from './private/values';
import { Severity } from './types';

/** A rule that needs the client's surroundings in the template (its pool, resource servers, identity providers). */
export interface ContextRule {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly source: string;
  readonly fix: string;
  /** As for per-client rules (`Rule.needs`): the properties without which the rule cannot report. */
  readonly needs?: ReadonlyArray<ClientProperty>;
  /** Pure: reads the client and its context; decides only what the template shows. */
  readonly check: (c: Client, ctx: ClientContext, emit: Emit) => void;
}

const QUOTA = 1000;
/**
 * The system-managed scope of dynamic client registration: Cognito defines it, no resource server
 * does ("You don't create a resource server for it"). Other `aws.cognito/…` scopes are not documented
 * and stay under oauth-scope-exists.
 */
export const DCR_REGISTER_SCOPE = 'aws.cognito/dcr/register';
/** Mapped attributes that WriteAttributes cannot (or need not) hold: attr-write-immutable forbids the first three. */
const UNWRITABLE = ['email_verified', 'phone_number_verified', 'sub', 'username'];

function poolName(ctx: ClientContext): string {
  return ctx.pool ? `user pool ${ctx.pool.logicalId}` : 'the user pool';
}

/** The pool is visible, and so is every resource server that could be on it, each with a literal identifier and scopes. */
function serversDecided(ctx: ClientContext): boolean {
  return ctx.pool !== undefined && ctx.complete && ctx.servers.every(serverDecided);
}

function serverDecided(s: ServerInfo): boolean {
  return typeof s.identifier === 'string' && !isUnknown(s.scopes);
}


/** Whether the app says a server outside the template defines `<identifier>/<scope name>` (see `Registered`). */
function registeredDefines(ctx: ClientContext, scope: string): boolean {
  return ctx.registered.resourceServers.some((s) => scope.startsWith(`${s.identifier}/`)
    && (s.scopes === undefined || s.scopes.includes(scope.slice(s.identifier.length + 1))));
}

/** The visible resource server that defines `<identifier>/<scope name>`. */
function serverDefining(ctx: ClientContext, scope: string): ServerInfo | undefined {
  return ctx.servers.find((s) => {
    const id = s.identifier;
    // `${id}/${n}` === scope, without writing the string
    return typeof id === 'string' && !isUnknown(s.scopes) && scope.length > id.length && scope.charCodeAt(id.length) === 0x2f && scope.startsWith(id)
      && s.scopes.some((n) => scope.length === id.length + 1 + n.length && scope.endsWith(n));
  });
}

/**
 * A creation-order warning: an entry of `list` is defined by a resource of the template (or of a
 * given nested stack) that the client is not surely created after.
 */
function creationOrderRule(spec: {
  id: string;
  title: string;
  source: string;
  fix: string;
  list: 'AllowedOAuthScopes' | 'SupportedIdentityProviders';
  what: string;
  definer: (entry: string, ctx: ClientContext) => { logicalId: string; anchor: string } | undefined;
  answer: (entry: string) => string;
}): ContextRule {
  return {
    id: spec.id,
    severity: Severity.WARNING,
    title: spec.title,
    source: spec.source,
    fix: spec.fix,
    needs: [spec.list],
    check(c, ctx, emit) {
      const l = c[spec.list];
      if (!isList(l)) return;
      for (let i = 0; i < l.items.length; i++) {
        const entry = l.items[i];
        if (typeof entry !== 'string') continue;
        const match = spec.definer(entry, ctx);
        if (match && !ctx.createdAfter(match.anchor)) {
          emit(itemPath(spec.list, l.indexes[i]), show(entry), `${definedBy(spec.what, match)} defines it, but the client neither references nor DependsOn ${match.anchor}, so CloudFormation may create the client first, and then Cognito answers "${spec.answer(entry)}" (updates are not affected).`,
            `Add DependsOn: ${match.anchor} to the client.`);
        }
      }
    },
  };
}

/** "resource server Orders", or "resource server Api/Orders (in nested stack Api)". */
function definedBy(what: string, r: { logicalId: string; anchor: string }): string {
  return r.logicalId === r.anchor ? `${what} ${r.logicalId}` : `${what} ${r.logicalId} (in nested stack ${r.anchor})`;
}

export const CONTEXT_RULES: ContextRule[] = [
  {
    id: 'oauth-scope-exists',
    severity: Severity.ERROR,
    title: 'Custom scopes name a resource-server scope (<identifier>/<scope>)',
    source: SOURCES.DG_OAUTH,
    fix: 'Define the scope on a resource server of the pool, or remove it from AllowedOAuthScopes.',
    needs: ['AllowedOAuthScopes'],
    check(c, ctx, emit) {
      const l = c.AllowedOAuthScopes;
      if (!isList(l) || !serversDecided(ctx)) return;
      for (let i = 0; i < l.items.length; i++) {
        const scope = l.items[i];
        // The no-"/" case is a per-client rule.
        if (typeof scope !== 'string' || STANDARD_SCOPES.includes(scope) || !scope.includes('/')) continue;
        if (scope === DCR_REGISTER_SCOPE) continue;
        if (!serverDefining(ctx, scope) && !registeredDefines(ctx, scope)) {
          emit(itemPath('AllowedOAuthScopes', l.indexes[i]), show(scope), `no resource server of ${poolName(ctx)} defines it: Cognito answers "Invalid scope requested: ${scope}".`);
        }
      }
    },
  },
  creationOrderRule({
    id: 'oauth-scope-creation-order',
    title: 'The client is created after the resource servers whose scopes it uses',
    source: SOURCES.CDK_10676,
    fix: 'Make the client depend on the resource server (DependsOn, or a Ref to it in the scope); AppClient and OAuthScope.resourceServer() do this for you.',
    list: 'AllowedOAuthScopes',
    what: 'resource server',
    definer: (scope, ctx) => (STANDARD_SCOPES.includes(scope) || !scope.includes('/') ? undefined : serverDefining(ctx, scope)),
    answer: () => 'Invalid scope requested',
  }),
  {
    id: 'idp-exists',
    severity: Severity.ERROR,
    title: 'Supported identity providers exist on the pool',
    source: SOURCES.API,
    fix: 'Create the identity provider on the pool (names are case-sensitive: Google, Facebook, SignInWithApple, LoginWithAmazon), or remove it from SupportedIdentityProviders.',
    needs: ['SupportedIdentityProviders'],
    check(c, ctx, emit) {
      const l = c.SupportedIdentityProviders;
      if (!isList(l) || !idpsDecided(ctx)) return;
      for (let i = 0; i < l.items.length; i++) {
        const name = l.items[i];
        if (typeof name !== 'string' || name === 'COGNITO' || ctx.idps.some((p) => p.name === name) || ctx.registered.identityProviders.includes(name)) continue;
        const builtin = builtinSpelling(name);
        emit(itemPath('SupportedIdentityProviders', l.indexes[i]), show(name), `${poolName(ctx)} has no identity provider named ${name}${builtin ? ` (built-in names are case-sensitive: ${builtin})` : ''}: Cognito answers "The provider ${name} does not exist for User Pool".`,
          builtin ? `Write ${builtin}, and create that identity provider on the pool.` : undefined);
      }
    },
  },
  creationOrderRule({
    id: 'idp-creation-order',
    title: 'The client is created after the identity providers it names',
    source: SOURCES.CDK_15850,
    fix: 'Make the client depend on the identity provider (DependsOn, or a Ref to its ProviderName).',
    list: 'SupportedIdentityProviders',
    what: 'identity provider',
    definer: (name, ctx) => (name === 'COGNITO' ? undefined : ctx.idps.find((p) => p.name === name)),
    answer: (name) => `The provider ${name} does not exist for User Pool`,
  }),
  {
    id: 'attr-exists',
    severity: Severity.ERROR,
    title: 'Attribute permissions name standard attributes or custom:<name> attributes',
    source: SOURCES.DG_ATTRS,
    fix: 'Declare the custom attribute in the pool\'s Schema, or remove it from the client\'s attribute permissions.',
    needs: ['ReadAttributes', 'WriteAttributes'],
    check(c, ctx, emit) {
      const schema = ctx.pool?.schema;
      if (!schema || isUnknown(schema)) return;
      for (const list of ['ReadAttributes', 'WriteAttributes'] as const) {
        eachLiteralAt(c, list, (attr, at) => {
          const m = /^(dev:)?custom:(.{1,20})$/su.exec(attr);
          if (!m) return; // standard attributes always exist; other names are a per-client finding
          const declared = schema.find((a) => a.name === m[2] && !STANDARD_ATTRIBUTES.includes(a.name));
          if (!declared) emit(itemPath(list, at), show(attr), `${poolName(ctx)} declares no custom attribute ${m[2]} in its Schema.`);
          else if (m[1] && declared.developerOnly === false) emit(itemPath(list, at), show(attr), `${m[2]} is not a developer-only attribute, so it is custom:${m[2]}, not dev:custom:${m[2]}.`);
        });
      }
    },
  },
  {
    id: 'attr-write-required',
    severity: Severity.ERROR,
    title: 'WriteAttributes includes every required attribute of the pool',
    source: SOURCES.DG_ATTRS,
    fix: 'Add the required attributes to WriteAttributes (or leave WriteAttributes out).',
    needs: ['WriteAttributes'],
    check(c, ctx, emit) {
      const schema = ctx.pool?.schema;
      const w = c.WriteAttributes;
      if (!schema || isUnknown(schema) || !isList(w) || !w.complete || w.items.length === 0) return;
      const missing = schema.filter((a) => a.required && !w.items.includes(a.name)).map((a) => a.name);
      if (missing.length) {
        emit('WriteAttributes', show(w.items), `${poolName(ctx)} requires ${missing.join(', ')}, and required attributes are always writable: Cognito answers "Invalid write attributes specified".`);
      }
    },
  },
  {
    id: 'attr-write-idp-mapped',
    severity: Severity.WARNING,
    title: 'WriteAttributes includes every attribute mapped from the client\'s identity providers',
    source: SOURCES.API,
    fix: 'Add the mapped attributes to WriteAttributes: Cognito updates them at every federated sign-in.',
    needs: ['WriteAttributes'],
    check(c, ctx, emit) {
      const w = c.WriteAttributes;
      if (!isList(w) || !w.complete || w.items.length === 0) return;
      eachLiteralAt(c, 'SupportedIdentityProviders', (name) => {
        const idp = ctx.idps.find((p) => p.name === name);
        if (!idp || isUnknown(idp.mapped)) return;
        // Attributes no client can write (email_verified, sub, ...) and the username mapping are not asked for.
        const missing = idp.mapped.filter((a) => !w.items.includes(a) && !UNWRITABLE.includes(a));
        if (missing.length) {
          emit('WriteAttributes', show(w.items), `identity provider ${name} maps ${missing.join(', ')}, which the client cannot write, so sign-in through ${name} fails when Cognito updates them.`);
        }
      });
    },
  },
  {
    id: 'auth-flows-user-auth-tier',
    severity: Severity.ERROR,
    title: 'ALLOW_USER_AUTH needs a pool on the Essentials tier or higher',
    source: SOURCES.API,
    fix: 'Set the pool\'s UserPoolTier to ESSENTIALS or PLUS, or remove ALLOW_USER_AUTH.',
    needs: ['ExplicitAuthFlows'],
    check(c, ctx, emit) {
      if (ctx.pool?.tier === 'LITE' && listHas(c.ExplicitAuthFlows, 'ALLOW_USER_AUTH')) {
        emit('ExplicitAuthFlows', show('ALLOW_USER_AUTH'), `${poolName(ctx)} is on the LITE tier; choice-based sign-in needs Essentials or higher (FeatureUnavailableInTierException).`);
      }
    },
  },
  {
    id: 'refresh-rotation-tier',
    severity: Severity.ERROR,
    title: 'Refresh-token rotation needs a pool on the Essentials tier or higher',
    source: SOURCES.DG_REFRESH,
    fix: 'Set the pool\'s UserPoolTier to ESSENTIALS or PLUS, or turn rotation off.',
    needs: ['RefreshTokenRotation'],
    check(c, ctx, emit) {
      if (ctx.pool?.tier === 'LITE' && c.Feature === 'ENABLED') {
        emit('RefreshTokenRotation.Feature', show('ENABLED'), `${poolName(ctx)} is on the LITE tier; refresh-token rotation needs Essentials or higher (FeatureUnavailableInTierException).`);
      }
    },
  },
  {
    id: 'quota-clients-per-pool',
    severity: Severity.WARNING,
    title: 'At most 1000 app clients per user pool (the default quota)',
    source: SOURCES.DG_LIMITS,
    fix: 'Request a quota increase (up to 10,000) before deploying, or spread the clients over several pools.',
    check(_c, ctx, emit) {
      if (ctx.indexOnPool === QUOTA) {
        emit('UserPoolId', `(client ${QUOTA + 1} of ${ctx.clientsOnPool} on ${poolName(ctx)})`, `the template defines ${ctx.clientsOnPool} clients on one pool; the default quota is ${QUOTA} (LimitExceededException).`);
      }
    },
  },
];

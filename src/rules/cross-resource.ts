import { STANDARD_ATTRIBUTES } from './attributes';
import { STANDARD_SCOPES } from './oauth';
import { Client, eachLiteral } from './private/client';
import { Emit } from './private/rule';
import { SOURCES } from './private/sources';
import { ClientContext } from './private/template-index';
import { isList, isUnknown, listHas, show } from './private/values';
import { Severity } from './types';

/** A rule that needs the client's surroundings in the template (its pool, resource servers, identity providers). */
export interface ContextRule {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly source: string;
  readonly fix: string;
  /** Pure: reads the client and its context; decides only what the template shows. */
  readonly check: (c: Client, ctx: ClientContext, emit: Emit) => void;
}

const QUOTA = 1000;
/** Mapped attributes that WriteAttributes cannot (or need not) hold: attr-write-immutable forbids the first three. */
const UNWRITABLE = ['email_verified', 'phone_number_verified', 'sub', 'username'];

function poolName(ctx: ClientContext): string {
  return ctx.pool ? `user pool ${ctx.pool.logicalId}` : 'the user pool';
}

export const CONTEXT_RULES: ContextRule[] = [
  {
    id: 'oauth-scope-exists',
    severity: Severity.ERROR,
    title: 'Custom scopes name a resource-server scope (<identifier>/<scope>)',
    source: SOURCES.DG_OAUTH,
    fix: 'Define the scope on a resource server of the pool, and make the client depend on that resource server (Ref it, or DependsOn).',
    check(c, ctx, emit) {
      eachLiteral(c, 'AllowedOAuthScopes', (scope, path) => {
        if (STANDARD_SCOPES.includes(scope) || !scope.includes('/')) return; // the no-"/" case is a per-client rule
        const match = ctx.servers.find((s) => {
          const id = s.identifier;
          return typeof id === 'string' && !isUnknown(s.scopes) && s.scopes.some((n) => `${id}/${n}` === scope);
        });
        if (match) {
          if (!ctx.dependsOn.has(match.logicalId)) {
            emit(path, show(scope), `resource server ${match.logicalId} defines it, but the client neither references nor DependsOn it, so CloudFormation may create the client first ("Invalid scope requested").`,
              `Add DependsOn: ${match.logicalId} to the client (AppClient and OAuthScope.resourceServer() do this for you).`);
          }
        } else if (ctx.pool && ctx.servers.every((s) => typeof s.identifier === 'string' && !isUnknown(s.scopes))) {
          emit(path, show(scope), `no resource server of ${poolName(ctx)} defines it: Cognito answers "Invalid scope requested: ${scope}".`);
        }
      });
    },
  },
  {
    id: 'idp-exists',
    severity: Severity.ERROR,
    title: 'Supported identity providers exist on the pool, and the client depends on them',
    source: SOURCES.API,
    fix: 'Create the identity provider on the pool (names are case-sensitive: Google, Facebook, SignInWithApple, LoginWithAmazon) and make the client depend on it.',
    check(c, ctx, emit) {
      eachLiteral(c, 'SupportedIdentityProviders', (name, path) => {
        if (name === 'COGNITO') return;
        const match = ctx.idps.find((p) => p.name === name);
        if (match) {
          if (!ctx.dependsOn.has(match.logicalId)) {
            emit(path, show(name), `identity provider ${match.logicalId} defines it, but the client neither references nor DependsOn it, so CloudFormation may create the client first ("The provider ${name} does not exist for User Pool").`,
              `Add DependsOn: ${match.logicalId} to the client.`);
          }
        } else if (ctx.pool && ctx.idps.every((p) => typeof p.name === 'string')) {
          emit(path, show(name), `${poolName(ctx)} has no identity provider named ${name}: Cognito answers "The provider ${name} does not exist for User Pool".`);
        }
      });
    },
  },
  {
    id: 'attr-exists',
    severity: Severity.ERROR,
    title: 'Attribute permissions name standard attributes or custom:<name> attributes',
    source: SOURCES.DG_ATTRS,
    fix: 'Declare the custom attribute in the pool\'s Schema, or remove it from the client\'s attribute permissions.',
    check(c, ctx, emit) {
      const schema = ctx.pool?.schema;
      if (!schema || isUnknown(schema)) return;
      for (const list of ['ReadAttributes', 'WriteAttributes'] as const) {
        eachLiteral(c, list, (attr, path) => {
          const m = /^(dev:)?custom:(.{1,20})$/su.exec(attr);
          if (!m) return; // standard attributes always exist; other names are a per-client finding
          const declared = schema.find((a) => a.name === m[2] && !STANDARD_ATTRIBUTES.includes(a.name));
          if (!declared) emit(path, show(attr), `${poolName(ctx)} declares no custom attribute ${m[2]} in its Schema.`);
          else if (m[1] && !declared.developerOnly) emit(path, show(attr), `${m[2]} is not a developer-only attribute, so it is custom:${m[2]}, not dev:custom:${m[2]}.`);
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
    check(c, ctx, emit) {
      const w = c.WriteAttributes;
      if (!isList(w) || !w.complete || w.items.length === 0) return;
      eachLiteral(c, 'SupportedIdentityProviders', (name) => {
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

import { Client, eachLiteralAt, itemPath } from './private/client';
import { Rule } from './private/rule';
import { SOURCES } from './private/sources';
import { PartialString, isList, lengthOutside, listEmpty, listHas, listLacks, listPresent, present, show } from './private/values';
import { Severity } from './types';

const OAUTH_FLOWS = ['code', 'implicit', 'client_credentials'];
/** The standard scopes (STD in the catalog). */
export const STANDARD_SCOPES = ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'];
const OPENID_COMPANIONS = ['email', 'phone', 'profile'];
/** A character outside `[\x21\x23-\x5B\x5D-\x7E]`: printable ASCII without space, `"` or `\`. */
const SCOPE_BAD_CHAR = /[^\x21\x23-\x5B\x5D-\x7E]/;
const CC = 'client_credentials';

function hasCodeOrImplicit(c: Client): boolean {
  return listHas(c.AllowedOAuthFlows, 'code') || listHas(c.AllowedOAuthFlows, 'implicit');
}

export const OAUTH_RULES: Rule[] = [
  {
    id: 'oauth-flows-enum',
    severity: Severity.ERROR,
    title: 'AllowedOAuthFlows holds at most three of code, implicit and client_credentials',
    source: SOURCES.API,
    fix: 'Use only code, implicit or client_credentials (lower case), each at most once.',
    needs: ['AllowedOAuthFlows'],
    check(c, emit) {
      const l = c.AllowedOAuthFlows;
      if (!isList(l)) return;
      for (let i = 0; i < l.items.length; i++) {
        const v = l.items[i];
        if (typeof v === 'string' && !OAUTH_FLOWS.includes(v)) {
          emit(itemPath('AllowedOAuthFlows', l.indexes[i]), show(v), 'the allowed OAuth flows are code, implicit and client_credentials.');
        }
      }
      if (l.certain > 3) emit('AllowedOAuthFlows', `${l.certain} entries`, 'the list holds at most 3 flows.');
    },
  },
  {
    id: 'oauth-client-credentials-exclusive',
    severity: Severity.ERROR,
    title: 'client_credentials is the only OAuth flow when it is used',
    source: SOURCES.API,
    fix: 'Use a separate app client for client_credentials (machine-to-machine) and for code/implicit (users).',
    needs: ['AllowedOAuthFlows'],
    check(c, emit) {
      if (listHas(c.AllowedOAuthFlows, CC) && hasCodeOrImplicit(c)) {
        const l = c.AllowedOAuthFlows;
        emit('AllowedOAuthFlows', show(isList(l) ? l.items : l), 'client_credentials flow can not be selected along with code flow or implicit flow.');
      }
    },
  },
  {
    id: 'oauth-client-credentials-secret',
    severity: Severity.ERROR,
    title: 'A client_credentials client has a client secret',
    source: SOURCES.DG_CLIENTS,
    fix: 'Set GenerateSecret: true (it replaces an existing client, so do it before the first deployment).',
    needs: ['AllowedOAuthFlows'],
    check(c, emit) {
      if (listHas(c.AllowedOAuthFlows, CC) && c.hasSecret === false) {
        emit('GenerateSecret', show(c.GenerateSecret), 'client_credentials flow can not be selected if client does not have a client secret.');
      }
    },
  },
  {
    id: 'oauth-client-credentials-custom-scopes',
    severity: Severity.ERROR,
    title: 'A client_credentials client has only custom (resource-server) scopes',
    source: SOURCES.DG_OAUTH,
    fix: 'Remove the standard scopes; use resource-server scopes such as "orders-api/read".',
    needs: ['AllowedOAuthScopes'],
    check(c, emit) {
      if (!listHas(c.AllowedOAuthFlows, CC)) return;
      eachLiteralAt(c, 'AllowedOAuthScopes', (scope, at) => {
        if (STANDARD_SCOPES.includes(scope)) emit(itemPath('AllowedOAuthScopes', at), show(scope), `${scope} is not supported with client_credentials flow, which only allows custom scopes.`);
      });
    },
  },
  {
    id: 'oauth-callback-required',
    severity: Severity.ERROR,
    title: 'The code and implicit flows have at least one callback URL',
    source: SOURCES.DG_OAUTH,
    fix: 'Add the URL users return to after sign-in to CallbackURLs.',
    needs: ['AllowedOAuthFlows'],
    check(c, emit) {
      if (hasCodeOrImplicit(c) && listEmpty(c.CallbackURLs)) {
        emit('CallbackURLs', show(c.CallbackURLs), 'CallbackUrls can not be empty when code flow or implicit flow is selected.');
      }
    },
  },
  {
    id: 'oauth-flows-scopes-required',
    severity: Severity.ERROR,
    title: 'An OAuth-enabled client lists its flows and scopes',
    source: SOURCES.API,
    fix: 'Set AllowedOAuthFlows and AllowedOAuthScopes, or set AllowedOAuthFlowsUserPoolClient to false.',
    needs: ['AllowedOAuthFlowsUserPoolClient'],
    check(c, emit) {
      if (c.AllowedOAuthFlowsUserPoolClient !== true) return;
      const why = 'AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.';
      if (listEmpty(c.AllowedOAuthFlows)) emit('AllowedOAuthFlows', show(c.AllowedOAuthFlows), why);
      if (listEmpty(c.AllowedOAuthScopes)) emit('AllowedOAuthScopes', show(c.AllowedOAuthScopes), why);
    },
  },
  {
    id: 'oauth-settings-need-flag',
    severity: Severity.WARNING,
    title: 'OAuth settings come with AllowedOAuthFlowsUserPoolClient: true',
    source: SOURCES.API,
    fix: 'Set AllowedOAuthFlowsUserPoolClient: true, or remove the OAuth settings.',
    needs: ['AllowedOAuthFlows', 'AllowedOAuthScopes', 'CallbackURLs', 'LogoutURLs', 'DefaultRedirectURI'],
    check(c, emit) {
      const flag = c.AllowedOAuthFlowsUserPoolClient;
      if (flag !== undefined && flag !== false) return;
      const set = (['AllowedOAuthFlows', 'AllowedOAuthScopes', 'CallbackURLs', 'LogoutURLs'] as const).filter((p) => listPresent(c[p]));
      if (present(c.DefaultRedirectURI)) set.push('DefaultRedirectURI' as never);
      if (set.length) {
        emit('AllowedOAuthFlowsUserPoolClient', show(flag), `${set.join(', ')} ${set.length > 1 ? 'are' : 'is'} set, but OAuth stays inactive until the flag is true.`);
      }
    },
  },
  {
    id: 'oauth-scope-format',
    severity: Severity.ERROR,
    title: 'Scopes are 1 to 256 printable ASCII characters without space, " or \\; at most 50',
    source: SOURCES.API,
    fix: 'Use scope names of printable ASCII characters without spaces, quotes or backslashes, and at most 50 scopes per client.',
    needs: ['AllowedOAuthScopes'],
    check(c, emit) {
      const l = c.AllowedOAuthScopes;
      if (!isList(l)) return;
      for (let i = 0; i < l.items.length; i++) {
        const v = l.items[i];
        if (typeof v === 'string') {
          const n = lengthOutside(v, 1, 256);
          if (n !== undefined) emit(itemPath('AllowedOAuthScopes', l.indexes[i]), show(v), `a scope is 1 to 256 characters long; this one is ${n}.`);
          const bad = SCOPE_BAD_CHAR.exec(v);
          if (bad) emit(itemPath('AllowedOAuthScopes', l.indexes[i]), show(v), `it contains ${show(bad[0])}; scopes use printable ASCII without space, " or \\.`);
        } else if (v instanceof PartialString) {
          const path = itemPath('AllowedOAuthScopes', l.indexes[i]);
          const bad = v.literals().map((p) => SCOPE_BAD_CHAR.exec(p)).find((m) => m);
          if (bad) emit(path, show(v), `it contains ${show(bad[0])}; scopes use printable ASCII without space, " or \\.`);
          else if (v.literalLength() > 256) emit(path, show(v), 'its literal parts alone are longer than 256 characters.');
        }
      }
      if (l.certain > 50) emit('AllowedOAuthScopes', `${l.certain} scopes`, 'an app client can have at most 50 scopes (not adjustable).');
    },
  },
  {
    id: 'oauth-scope-exists',
    severity: Severity.ERROR,
    title: 'Custom scopes name a resource-server scope (<identifier>/<scope>)',
    source: SOURCES.DG_OAUTH,
    fix: 'Use a standard scope (openid, email, phone, profile, aws.cognito.signin.user.admin) or a resource-server scope written <resource-server identifier>/<scope name>.',
    needs: ['AllowedOAuthScopes'],
    check(c, emit) {
      const l = c.AllowedOAuthScopes;
      if (!isList(l)) return;
      for (let i = 0; i < l.items.length; i++) {
        const scope = l.items[i];
        if (typeof scope === 'string' && !STANDARD_SCOPES.includes(scope) && !scope.includes('/')) {
          emit(itemPath('AllowedOAuthScopes', l.indexes[i]), show(scope), 'it is not a standard scope, and without a "/" it cannot name a resource-server scope: Cognito answers "Invalid scope requested".');
        }
      }
    },
  },
  {
    id: 'oauth-scope-openid-companion',
    severity: Severity.WARNING,
    title: 'email, phone and profile come with openid',
    source: SOURCES.DG_OAUTH,
    fix: 'Add openid to AllowedOAuthScopes.',
    needs: ['AllowedOAuthScopes'],
    check(c, emit) {
      const l = c.AllowedOAuthScopes;
      if (!isList(l)) return;
      if (!listLacks(l, 'openid')) return; // the common case: openid is there, and no list is built
      const companions = l.items.filter((s): s is string => typeof s === 'string' && OPENID_COMPANIONS.includes(s));
      if (companions.length) {
        emit('AllowedOAuthScopes', show(l.items), `${companions.join(', ')} can only be requested with the openid scope, which is missing.`);
      }
    },
  },
];

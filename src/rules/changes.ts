import { Emit } from './private/rule';
import { SOURCES } from './private/sources';
import { intrinsicName, isNoValue, show } from './private/values';
import { Severity } from './types';

type Props = { readonly [key: string]: unknown };

/** A rule comparing a client with its previous deployment (same logical id). */
export interface ChangeRule {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly source: string;
  readonly fix: string;
  /** Pure: compares the properties now with the properties deployed before. */
  readonly check: (now: Props, before: Props, emit: Emit) => void;
}

/** The properties of AWS::Cognito::UserPoolClient (ClientSecret is API only). */
const CLIENT_PROPERTIES = [
  'AccessTokenValidity', 'AllowedOAuthFlows', 'AllowedOAuthFlowsUserPoolClient', 'AllowedOAuthScopes', 'AnalyticsConfiguration',
  'AuthSessionValidity', 'CallbackURLs', 'ClientName', 'DefaultRedirectURI', 'EnablePropagateAdditionalUserContextData',
  'EnableTokenRevocation', 'ExplicitAuthFlows', 'GenerateSecret', 'IdTokenValidity', 'LogoutURLs', 'PreventUserExistenceErrors',
  'ReadAttributes', 'RefreshTokenRotation', 'RefreshTokenValidity', 'SupportedIdentityProviders', 'TokenValidityUnits',
  'UserPoolId', 'WriteAttributes',
];
const DEFAULT_UNITS: { [token: string]: string } = { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' };

/** `{ "Ref": "AWS::NoValue" }` is an absent property, as everywhere else. */
function absent(v: unknown): boolean {
  return v === undefined || isNoValue(v);
}

/** GenerateSecret as deployed: true, false (absent counts as false), or undefined when unresolved. */
function secretFlag(v: unknown): boolean | undefined {
  if (v === true || v === 'true') return true;
  if (absent(v) || v === false || v === 'false') return false;
  return undefined;
}

/** A nested field: its value, undefined when absent, or UNRESOLVED when the object itself is an intrinsic. */
const UNRESOLVED = Symbol('unresolved');
function field(o: unknown, key: string): unknown {
  if (absent(o)) return undefined;
  if (typeof o !== 'object' || o === null || Array.isArray(o) || intrinsicName(o) !== undefined) return UNRESOLVED;
  const v = (o as Props)[key];
  return absent(v) ? undefined : v;
}

/** Which pool a UserPoolId designates: `Ref X` and `Fn::GetAtt X.UserPoolId` are the same pool. */
function poolIdentity(v: unknown): string {
  const name = intrinsicName(v);
  const arg = name ? (v as Props)[name] : undefined;
  if (name === 'Ref' && typeof arg === 'string') return `pool:${arg}`;
  if (name === 'Fn::GetAtt') {
    if (Array.isArray(arg) && arg[1] === 'UserPoolId' && typeof arg[0] === 'string') return `pool:${arg[0]}`;
    if (typeof arg === 'string' && arg.endsWith('.UserPoolId')) return `pool:${arg.slice(0, -'.UserPoolId'.length)}`;
  }
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

/** Properties whose change replaces the client: the replacement rules speak for them, not update-resets-omitted. */
const REPLACING = ['GenerateSecret', 'UserPoolId'];

export const CHANGE_RULES: ChangeRule[] = [
  {
    id: 'generate-secret-replacement',
    severity: Severity.WARNING,
    title: 'GenerateSecret does not change between deployments (the client would be replaced)',
    source: SOURCES.CFN,
    fix: 'Keep GenerateSecret as deployed, or plan for a new client id and secret (update every app that uses the client).',
    check(now, before, emit) {
      const a = secretFlag(before.GenerateSecret);
      const b = secretFlag(now.GenerateSecret);
      if (a !== undefined && b !== undefined && a !== b) {
        emit('GenerateSecret', `${show(before.GenerateSecret)} → ${show(now.GenerateSecret)}`, 'GenerateSecret cannot be updated: CloudFormation replaces the client, so its ClientId and secret change.');
      }
    },
  },
  {
    id: 'user-pool-id-replacement',
    severity: Severity.WARNING,
    title: 'UserPoolId does not change between deployments (the client would be replaced)',
    source: SOURCES.CFN,
    fix: 'Keep the client on its pool, or plan for a new client id (update every app that uses the client).',
    check(now, before, emit) {
      // A conditional pool is compared branch by branch (the engine checks each branch of a condition).
      if (intrinsicName(now.UserPoolId) === 'Fn::If' || intrinsicName(before.UserPoolId) === 'Fn::If') return;
      if (!absent(before.UserPoolId) && !absent(now.UserPoolId) && poolIdentity(before.UserPoolId) !== poolIdentity(now.UserPoolId)) {
        emit('UserPoolId', `${show(before.UserPoolId)} → ${show(now.UserPoolId)}`, 'UserPoolId cannot be updated: CloudFormation replaces the client, so its ClientId (and secret) change.');
      }
    },
  },
  {
    id: 'update-resets-omitted',
    severity: Severity.WARNING,
    title: 'No property set in the previous deployment is silently reset by leaving it out',
    source: `${SOURCES.API.replace('CreateUserPoolClient', 'UpdateUserPoolClient')}`,
    fix: 'Keep the property with the value you want: leaving it out resets it to the service default.',
    check(now, before, emit) {
      for (const p of CLIENT_PROPERTIES) {
        if (!REPLACING.includes(p) && !absent(before[p]) && absent(now[p])) {
          emit(p, `${show(before[p])} → (absent)`, 'UpdateUserPoolClient resets every omitted field to its default, so the client changes behaviour (e.g. PreventUserExistenceErrors returns to LEGACY).');
        }
      }
    },
  },
  {
    id: 'update-units-removed',
    severity: Severity.WARNING,
    title: 'No TokenValidityUnits entry is removed while its validity value stays',
    source: SOURCES.TF_32504,
    fix: 'Keep the TokenValidityUnits entry, or convert the value to the default unit.',
    check(now, before, emit) {
      for (const t of Object.keys(DEFAULT_UNITS)) {
        const was = field(before.TokenValidityUnits, t);
        const value = now[`${t}Validity`];
        // Only a unit other than the default changes how the number is read.
        if (typeof was === 'string' && was !== DEFAULT_UNITS[t] && field(now.TokenValidityUnits, t) === undefined && !absent(value)) {
          emit(`TokenValidityUnits.${t}`, `${show(was)} → (absent)`,
            `${t}Validity ${show(value)} is now read in ${DEFAULT_UNITS[t]}, the default unit (12 minutes become 12 hours), or is rejected as out of range.`);
        }
      }
    },
  },
];

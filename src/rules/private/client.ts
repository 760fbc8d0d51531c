import { ResourceLookup } from './shapes';
import { Bool, Int, List, MAYBE, Reader, Str, TypeProblem, UNKNOWN, Unchecked, Unknown, isList, isUnknown } from './values';

type Obj = { [key: string]: unknown } | Unknown | undefined;

/**
 * The properties of one `AWS::Cognito::UserPoolClient`, each read once into the value model
 * of `values.ts`. Rules read this, never the raw JSON.
 */
export interface Client {
  readonly ClientName?: Str;
  readonly UserPoolId?: Str;
  readonly GenerateSecret?: Bool;
  /** API only (CreateUserPoolClient request JSON); CloudFormation has no such input. */
  readonly ClientSecret?: Str;
  readonly AccessTokenValidity?: Int;
  readonly IdTokenValidity?: Int;
  readonly RefreshTokenValidity?: Int;
  readonly AuthSessionValidity?: Int;
  /** The TokenValidityUnits object itself: its fields are below. */
  readonly TokenValidityUnits?: Obj;
  readonly Units: { readonly AccessToken?: Str; readonly IdToken?: Str; readonly RefreshToken?: Str };
  readonly RefreshTokenRotation?: Obj;
  readonly Feature?: Str;
  readonly RetryGracePeriodSeconds?: Int;
  readonly ExplicitAuthFlows?: List | Unknown;
  readonly AllowedOAuthFlows?: List | Unknown;
  readonly AllowedOAuthScopes?: List | Unknown;
  readonly AllowedOAuthFlowsUserPoolClient?: Bool;
  readonly CallbackURLs?: List | Unknown;
  readonly LogoutURLs?: List | Unknown;
  readonly DefaultRedirectURI?: Str;
  readonly SupportedIdentityProviders?: List | Unknown;
  readonly ReadAttributes?: List | Unknown;
  readonly WriteAttributes?: List | Unknown;
  readonly PreventUserExistenceErrors?: Str;
  readonly EnableTokenRevocation?: Bool;
  readonly EnablePropagateAdditionalUserContextData?: Bool;
  readonly AnalyticsConfiguration?: Obj;
  readonly Analytics: {
    readonly ApplicationArn?: Str;
    readonly ApplicationId?: Str;
    readonly ExternalId?: Str;
    readonly RoleArn?: Str;
    readonly UserDataShared?: Bool;
  };
  /** hasSecret of the catalog: GenerateSecret is true, or a ClientSecret is given. */
  readonly hasSecret: Bool;
  /** Values whose JSON type CloudFormation would not accept (the `property-type` findings). */
  readonly problems: ReadonlyArray<TypeProblem>;
  /** Values whose intrinsics were not read to the end because a bound was reached (the `client-not-checkable` findings). */
  readonly unchecked: ReadonlyArray<Unchecked>;
}

/** A nested string field (`path` names it for a problem). When the parent object is unresolved, the field may or may not be there: MAYBE. */
function nestedStr(r: Reader, parent: Obj, name: string, path: string): Str | undefined {
  if (parent === undefined) return undefined;
  if (isUnknown(parent)) return MAYBE;
  return r.str(parent[name], path);
}

/** A nested integer field, as `nestedStr`. */
function nestedInt(r: Reader, parent: Obj, name: string, path: string): Int | undefined {
  if (parent === undefined) return undefined;
  if (isUnknown(parent)) return MAYBE;
  return r.int(parent[name], path);
}

/** A nested boolean field, as `nestedStr`. */
function nestedBool(r: Reader, parent: Obj, name: string, path: string): Bool | undefined {
  if (parent === undefined) return undefined;
  if (isUnknown(parent)) return MAYBE;
  return r.bool(parent[name], path);
}

const NO_PROBLEMS: ReadonlyArray<TypeProblem> = [];
const NO_UNCHECKED: ReadonlyArray<Unchecked> = [];
const NO_UNITS: Client['Units'] = {};
const NO_ANALYTICS: Client['Analytics'] = {};

/**
 * Reads the raw CloudFormation properties of one client; `lookup` gives the template's resources,
 * whose documented attributes (a bucket's WebsiteURL, …) are then read as their shape. It runs
 * once per client, cold on a large template: no closure, and nested objects are read only when
 * they are there.
 */
export function readClient(p: { [key: string]: unknown }, lookup?: ResourceLookup): Client {
  const r = new Reader(lookup);
  const tvu = r.object(p.TokenValidityUnits, 'TokenValidityUnits');
  const rtr = r.object(p.RefreshTokenRotation, 'RefreshTokenRotation');
  const ac = r.object(p.AnalyticsConfiguration, 'AnalyticsConfiguration');

  const GenerateSecret = r.bool(p.GenerateSecret, 'GenerateSecret');
  const ClientSecret = r.str(p.ClientSecret, 'ClientSecret');
  let hasSecret: Bool;
  if (GenerateSecret === true || (ClientSecret !== undefined && ClientSecret !== MAYBE)) hasSecret = true;
  else if (isUnknown(GenerateSecret) || ClientSecret === MAYBE) hasSecret = UNKNOWN;
  else hasSecret = false;

  return {
    ClientName: r.str(p.ClientName, 'ClientName'),
    UserPoolId: r.str(p.UserPoolId, 'UserPoolId'),
    GenerateSecret,
    ClientSecret,
    AccessTokenValidity: r.int(p.AccessTokenValidity, 'AccessTokenValidity'),
    IdTokenValidity: r.int(p.IdTokenValidity, 'IdTokenValidity'),
    RefreshTokenValidity: r.int(p.RefreshTokenValidity, 'RefreshTokenValidity'),
    AuthSessionValidity: r.int(p.AuthSessionValidity, 'AuthSessionValidity'),
    TokenValidityUnits: tvu,
    Units: tvu === undefined ? NO_UNITS : {
      AccessToken: nestedStr(r, tvu, 'AccessToken', 'TokenValidityUnits.AccessToken'),
      IdToken: nestedStr(r, tvu, 'IdToken', 'TokenValidityUnits.IdToken'),
      RefreshToken: nestedStr(r, tvu, 'RefreshToken', 'TokenValidityUnits.RefreshToken'),
    },
    RefreshTokenRotation: rtr,
    Feature: nestedStr(r, rtr, 'Feature', 'RefreshTokenRotation.Feature'),
    RetryGracePeriodSeconds: nestedInt(r, rtr, 'RetryGracePeriodSeconds', 'RefreshTokenRotation.RetryGracePeriodSeconds'),
    ExplicitAuthFlows: r.list(p.ExplicitAuthFlows, 'ExplicitAuthFlows'),
    AllowedOAuthFlows: r.list(p.AllowedOAuthFlows, 'AllowedOAuthFlows'),
    AllowedOAuthScopes: r.list(p.AllowedOAuthScopes, 'AllowedOAuthScopes'),
    AllowedOAuthFlowsUserPoolClient: r.bool(p.AllowedOAuthFlowsUserPoolClient, 'AllowedOAuthFlowsUserPoolClient'),
    CallbackURLs: r.list(p.CallbackURLs, 'CallbackURLs'),
    LogoutURLs: r.list(p.LogoutURLs, 'LogoutURLs'),
    DefaultRedirectURI: r.str(p.DefaultRedirectURI, 'DefaultRedirectURI'),
    SupportedIdentityProviders: r.list(p.SupportedIdentityProviders, 'SupportedIdentityProviders'),
    ReadAttributes: r.list(p.ReadAttributes, 'ReadAttributes'),
    WriteAttributes: r.list(p.WriteAttributes, 'WriteAttributes'),
    PreventUserExistenceErrors: r.str(p.PreventUserExistenceErrors, 'PreventUserExistenceErrors'),
    EnableTokenRevocation: r.bool(p.EnableTokenRevocation, 'EnableTokenRevocation'),
    EnablePropagateAdditionalUserContextData: r.bool(p.EnablePropagateAdditionalUserContextData, 'EnablePropagateAdditionalUserContextData'),
    AnalyticsConfiguration: ac,
    Analytics: ac === undefined ? NO_ANALYTICS : {
      ApplicationArn: nestedStr(r, ac, 'ApplicationArn', 'AnalyticsConfiguration.ApplicationArn'),
      ApplicationId: nestedStr(r, ac, 'ApplicationId', 'AnalyticsConfiguration.ApplicationId'),
      ExternalId: nestedStr(r, ac, 'ExternalId', 'AnalyticsConfiguration.ExternalId'),
      RoleArn: nestedStr(r, ac, 'RoleArn', 'AnalyticsConfiguration.RoleArn'),
      UserDataShared: nestedBool(r, ac, 'UserDataShared', 'AnalyticsConfiguration.UserDataShared'),
    },
    hasSecret,
    problems: r.problems ?? NO_PROBLEMS,
    unchecked: r.unchecked ?? NO_UNCHECKED,
  };
}

/** The client's list properties. */
export type ListName = 'ExplicitAuthFlows' | 'AllowedOAuthFlows' | 'AllowedOAuthScopes' | 'CallbackURLs' | 'LogoutURLs'
| 'SupportedIdentityProviders' | 'ReadAttributes' | 'WriteAttributes';

/** Each literal item of one of the client's lists, with its path (e.g. `AllowedOAuthScopes[2]`). */
export function eachLiteral(c: Client, name: ListName, visit: (item: string, path: string) => void): void {
  eachLiteralAt(c, name, (item, at) => visit(item, itemPath(name, at)));
}

/**
 * Each literal item of one of the client's lists, with its position in the raw list: the hot rules
 * build the path (`itemPath`) only for a finding.
 */
export function eachLiteralAt(c: Client, name: ListName, visit: (item: string, at: number) => void): void {
  const l = c[name];
  if (!isList(l)) return;
  for (let i = 0; i < l.items.length; i++) {
    const v = l.items[i];
    if (typeof v === 'string') visit(v, l.indexes[i]);
  }
}

/** The path of the item at position `at` of a list property, e.g. `AllowedOAuthScopes[2]`. */
export function itemPath(name: string, at: number): string {
  return `${name}[${at}]`;
}

import { CfnResource, Resource, Stack, Token } from 'aws-cdk-lib';
import { CfnUserPoolClient, CfnUserPoolIdentityProvider, CfnUserPoolResourceServer, IUserPoolIdentityProvider } from 'aws-cdk-lib/aws-cognito';
import { IConstruct } from 'constructs';
import { REGISTERED_KEY, Registered, RegisteredServer } from '../rules/private/template-index';

export { REGISTERED_KEY };

/**
 * What the app holds that a client's own template may not show: pools (with the providers registered
 * on them), identity providers and resource servers of every stack, and imported resource servers.
 */
interface AppScan {
  readonly pools: ReadonlyArray<{ readonly userPoolId: string; readonly identityProviders: ReadonlyArray<IUserPoolIdentityProvider> }>;
  readonly idps: ReadonlyArray<CfnUserPoolIdentityProvider>;
  readonly servers: ReadonlyArray<CfnUserPoolResourceServer>;
  /** The identifiers of resource servers imported with `UserPoolResourceServer.fromUserPoolResourceServerId`. */
  readonly imported: ReadonlyArray<string>;
}

function scan(root: IConstruct): AppScan {
  const pools: Array<AppScan['pools'][number]> = [];
  const idps: CfnUserPoolIdentityProvider[] = [];
  const servers: CfnUserPoolResourceServer[] = [];
  const imported: string[] = [];
  for (const c of root.node.findAll()) {
    if (c instanceof CfnUserPoolIdentityProvider) {
      idps.push(c);
    } else if (c instanceof CfnUserPoolResourceServer) {
      servers.push(c);
    } else if (Resource.isResource(c)) {
      const any = c as unknown as { userPoolId?: unknown; identityProviders?: unknown; userPoolResourceServerId?: unknown };
      // a user pool (made or imported): its id and the providers registered on it
      if (typeof any.userPoolId === 'string' && Array.isArray(any.identityProviders)) {
        pools.push({ userPoolId: any.userPoolId, identityProviders: any.identityProviders });
      }
      // an imported resource server: a server with no resource of its own
      const id = any.userPoolResourceServerId;
      const own = c.node.defaultChild;
      if (typeof id === 'string' && !Token.isUnresolved(id) && !(own && CfnResource.isCfnResource(own))) imported.push(id);
    }
  }
  return { pools, idps, servers, imported };
}

/** A literal string list, resolved in `stack`; undefined when it is not one. */
function literalList(stack: Stack, v: unknown): string[] | undefined {
  const r = stack.resolve(v);
  return Array.isArray(r) && r.every((x) => typeof x === 'string') ? r : undefined;
}

function literal(scope: IConstruct, v: unknown): string | undefined {
  const r = Stack.of(scope).resolve(v);
  return typeof r === 'string' ? r : undefined;
}

/**
 * What the app says exists for a client though the client's own template does not define it: the
 * identity providers registered on its pool without a resource (imported with
 * `UserPoolIdentityProvider.fromProviderName`), the identity providers and resource servers of its pool
 * defined in another stack of the app, and the resource servers imported with
 * `UserPoolResourceServer.fromUserPoolResourceServerId` (which say no pool: they count for every client).
 * Only the names the client uses are given; undefined when there are none.
 */
function registeredFor(client: CfnResource, app: AppScan): Registered | undefined {
  if (!(client instanceof CfnUserPoolClient)) return undefined;
  const stack = Stack.of(client);
  const poolId = client.userPoolId;
  const elsewhere = (r: IConstruct) => Stack.of(r) !== stack;
  const names = new Set<string>();
  for (const pool of app.pools.filter((p) => p.userPoolId === poolId)) {
    for (const p of pool.identityProviders) {
      const own = p.node.defaultChild;
      if (own instanceof CfnUserPoolIdentityProvider) continue; // a provider with its resource: below
      const name = literal(p, p.providerName);
      if (name !== undefined) names.add(name);
    }
  }
  for (const r of app.idps) {
    if (r.userPoolId !== poolId || !elsewhere(r)) continue;
    const name = literal(r, r.providerName);
    if (name !== undefined) names.add(name);
  }
  const servers: RegisteredServer[] = [];
  for (const r of app.servers) {
    if (r.userPoolId !== poolId || !elsewhere(r)) continue;
    const identifier = literal(r, r.identifier);
    if (identifier === undefined) continue;
    const scopes = Stack.of(r).resolve(r.scopes);
    const scopeNames = Array.isArray(scopes) && scopes.every((s) => typeof s?.scopeName === 'string') ? scopes.map((s) => s.scopeName as string) : undefined;
    servers.push(scopeNames === undefined && scopes !== undefined ? { identifier } : { identifier, scopes: scopeNames ?? [] });
  }
  for (const identifier of app.imported) servers.push({ identifier });
  // only what the client names
  const providers = literalList(stack, client.supportedIdentityProviders);
  const scopes = literalList(stack, client.allowedOAuthScopes);
  const identityProviders = [...names].filter((n) => providers === undefined || providers.includes(n));
  const resourceServers = servers.filter((s) => scopes === undefined || scopes.some((x) => x.startsWith(`${s.identifier}/`)));
  if (identityProviders.length === 0 && resourceServers.length === 0) return undefined;
  return { identityProviders, resourceServers };
}

/**
 * The app scanned once per synthesis: a client asking again means a new synthesis (the app may have
 * grown), so the app is scanned afresh.
 */
const SCANS = new WeakMap<IConstruct, { scan: AppScan; asked: Set<CfnResource> }>();

/**
 * `registeredFor` for an `AppClient`'s own resource, for its metadata (see `Registered`): what makes
 * `idp-exists` and `oauth-scope-exists` accept a provider or server that the app says exists, in the
 * construct, the pack and the checker alike.
 */
export function registeredOf(client: CfnResource): Registered | undefined {
  const root = client.node.root;
  let memo = SCANS.get(root);
  if (!memo || memo.asked.has(client)) {
    memo = { scan: scan(root), asked: new Set() };
    SCANS.set(root, memo);
  }
  memo.asked.add(client);
  return registeredFor(client, memo.scan);
}

/** The app scanned on first use, for one check of a template. */
export interface AppScanOnce {
  scan?: AppScan;
}

/**
 * Adds the client's `Registered` to its rendered resource when the resource does not carry it (a
 * client other than an `AppClient`, as the pack sees it). `body` is a rendered resource, changed in place.
 */
export function addRegistered(body: any, client: CfnResource | undefined, app: AppScanOnce): void {
  if (!client || typeof body !== 'object' || body === null || body.Metadata?.[REGISTERED_KEY] !== undefined) return;
  app.scan ??= scan(client.node.root);
  const registered = registeredFor(client, app.scan);
  if (registered) body.Metadata = { ...body.Metadata, [REGISTERED_KEY]: registered };
}

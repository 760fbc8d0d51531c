import { MAYBE, UNKNOWN, Unknown, intrinsicName, isPlainObject } from './values';

const POOL = 'AWS::Cognito::UserPool';
const CLIENT = 'AWS::Cognito::UserPoolClient';
const SERVER = 'AWS::Cognito::UserPoolResourceServer';
const IDP = 'AWS::Cognito::UserPoolIdentityProvider';

/** One attribute of a pool's Schema; `mutable` is true when Mutable is absent (the API default), unknown when unresolved. */
export interface SchemaAttribute {
  readonly name: string;
  readonly required: boolean;
  /** Unknown when unresolved. */
  readonly developerOnly: boolean | Unknown;
  readonly mutable: boolean | Unknown;
}

/** A user pool defined in the template. */
export interface PoolInfo {
  readonly logicalId: string;
  /** UserPoolTier: a literal, undefined when absent (new pools default to ESSENTIALS), or unknown. */
  readonly tier: string | Unknown | undefined;
  /** The Schema attributes, or UNKNOWN when the Schema is not a literal list. */
  readonly schema: ReadonlyArray<SchemaAttribute> | Unknown;
  /** Whether users can sign themselves up (AdminCreateUserConfig.AllowAdminCreateUserOnly not true; absent: they can), or unknown. */
  readonly selfSignUp: boolean | Unknown;
}

/** A resource server: its identifier and scope names, literal or UNKNOWN. */
export interface ServerInfo {
  /** Its logical id; in a nested stack, the path of nested-stack logical ids down to it (`Api/OrdersServer`). */
  readonly logicalId: string;
  /** The resource a client of the checked template depends on to be created after it: itself, or the top nested stack holding it. */
  readonly anchor: string;
  readonly identifier: string | Unknown;
  readonly scopes: ReadonlyArray<string> | Unknown;
}

/** An identity provider: its name and the pool attributes it maps. */
export interface IdpInfo {
  /** Its logical id; in a nested stack, the path of nested-stack logical ids down to it. */
  readonly logicalId: string;
  /** The resource a client of the checked template depends on to be created after it: itself, or the top nested stack holding it. */
  readonly anchor: string;
  readonly name: string | Unknown;
  readonly mapped: ReadonlyArray<string> | Unknown;
}

/**
 * The CloudFormation metadata key of a client resource under which the identity providers and resource
 * servers that exist outside its template are written (see `Registered`).
 */
export const REGISTERED_KEY = 'cdk-cognito-app-client:registered';

/** A resource server outside the template: its identifier, and its scope names when they are known. */
export interface RegisteredServer {
  readonly identifier: string;
  /** Undefined: any scope of the server (an imported server, whose scopes the app does not say). */
  readonly scopes?: ReadonlyArray<string>;
}

/**
 * What the app says exists on a client's pool though its template does not define it, read from the
 * client resource's `Metadata['cdk-cognito-app-client:registered']`: identity providers registered on
 * the pool (`pool.registerIdentityProvider(UserPoolIdentityProvider.fromProviderName(...))`) or defined in
 * another stack of the app, and resource servers imported (`UserPoolResourceServer.fromUserPoolResourceServerId`)
 * or defined in another stack. `AppClient` writes it; `AppClientChecks` gives it to the clients of the app.
 */
export interface Registered {
  readonly identityProviders: ReadonlyArray<string>;
  readonly resourceServers: ReadonlyArray<RegisteredServer>;
}

const NOTHING_REGISTERED: Registered = { identityProviders: [], resourceServers: [] };

/**
 * The `Registered` of a client resource's metadata: only well-formed entries count (literal strings),
 * anything else is ignored, so a hand-written or damaged entry never makes a provider appear.
 */
export function registeredOf(resource: unknown): Registered {
  const m = isPlainObject(resource) && isPlainObject(resource.Metadata) ? resource.Metadata[REGISTERED_KEY] : undefined;
  if (!isPlainObject(m)) return NOTHING_REGISTERED;
  const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v as string[] : undefined);
  const identityProviders = strings(m.identityProviders) ?? [];
  const servers: RegisteredServer[] = [];
  if (Array.isArray(m.resourceServers)) {
    for (const r of m.resourceServers) {
      if (!isPlainObject(r) || typeof r.identifier !== 'string' || r.identifier === '') continue;
      if (r.scopes === undefined) servers.push({ identifier: r.identifier });
      else if (strings(r.scopes)) servers.push({ identifier: r.identifier, scopes: strings(r.scopes) });
    }
  }
  return identityProviders.length || servers.length ? { identityProviders, resourceServers: servers } : NOTHING_REGISTERED;
}

/** What the template tells about one client's surroundings. */
export interface ClientContext {
  readonly logicalId: string;
  /** The client's pool, when the template defines it. */
  readonly pool?: PoolInfo;
  /**
   * Resource servers and identity providers on the same pool (by Ref or the same literal id), in the
   * template and in the nested stacks whose templates were given.
   */
  readonly servers: ReadonlyArray<ServerInfo>;
  readonly idps: ReadonlyArray<IdpInfo>;
  /** The providers and servers the app says exist outside the template (the client's metadata, see `Registered`). */
  readonly registered: Registered;
  /**
   * Whether `servers` and `idps` are all there could be: false when a nested stack's template was not
   * given, or resources are generated at deploy time (`Fn::ForEach`, a macro), so a missing one may exist.
   */
  readonly complete: boolean;
  /** How many clients the template defines on the same pool, and this client's position among them (0-based). */
  readonly clientsOnPool: number;
  readonly indexOnPool: number;
  /**
   * Whether the client is surely created after the resource with this logical id: the client's
   * DependsOn or a Ref / Fn::GetAtt / Fn::Sub reference in its properties names it, directly or
   * through other resources of the template in turn.
   *
   * @param logicalId a resource of the checked template
   */
  createdAfter(logicalId: string): boolean;
}

type Resources = { [id: string]: any };


/**
 * One template of the app: the checked template (path '') or a nested stack's, with the values its
 * parameters receive from the stack resource that holds it.
 */
interface Scope {
  /** '' for the checked template; 'Outer/' for the template of the nested stack Outer, and so on. */
  readonly path: string;
  readonly resources: Resources;
  /** The nested stack resource's Parameters, read in the enclosing scope. */
  readonly parameters?: { readonly values: { [name: string]: unknown }; readonly scope: Scope };
}

/** The key of the pool a `UserPoolId` value designates: the pool's logical id (path) when it is in a visible template. */
function poolKey(v: unknown, scope: Scope, depth = 0): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return `id:${v}`;
  const name = intrinsicName(v);
  const arg = name ? (v as any)[name] : undefined;
  let target: unknown;
  if (name === 'Ref') target = arg;
  else if (name === 'Fn::GetAtt') target = Array.isArray(arg) ? (arg[1] === 'UserPoolId' ? arg[0] : undefined) : (typeof arg === 'string' && arg.endsWith('.UserPoolId') ? arg.slice(0, -'.UserPoolId'.length) : undefined);
  if (typeof target === 'string' && scope.resources[target]?.Type === POOL) return `pool:${scope.path}${target}`;
  // A parameter of a nested stack: the value the enclosing template passes in.
  const params = scope.parameters;
  if (name === 'Ref' && typeof target === 'string' && params && depth < 8 && Object.prototype.hasOwnProperty.call(params.values, target)) {
    return poolKey(params.values[target], params.scope, depth + 1);
  }
  try {
    return `expr:${scope.path}${JSON.stringify(v)}`;
  } catch {
    return undefined;
  }
}

/**
 * Every logical id referenced in a value (Ref, Fn::GetAtt, Fn::Sub variables). Each object is
 * walked once (`seen`): a value that shares or holds itself (a JavaScript object, never JSON) costs
 * its size, not one walk per path to each part.
 */
function collectReferences(v: unknown, into: Set<string>, depth = 0, seen = new Set<object>()): void {
  if (depth > 32 || typeof v !== 'object' || v === null || seen.has(v)) return;
  seen.add(v);
  if (Array.isArray(v)) {
    for (const x of v) collectReferences(x, into, depth + 1, seen);
    return;
  }
  const name = intrinsicName(v);
  const arg = name ? (v as any)[name] : undefined;
  if (name === 'Ref' && typeof arg === 'string') {into.add(arg);} else if (name === 'Fn::GetAtt') {
    if (Array.isArray(arg) && typeof arg[0] === 'string') into.add(arg[0]);
    else if (typeof arg === 'string') into.add(arg.split('.')[0]);
  } else if (name === 'Fn::Sub') {
    const text = Array.isArray(arg) ? arg[0] : arg;
    if (typeof text === 'string') for (const m of text.matchAll(/\$\{([^!}][^}.]*)(?:\.[^}]*)?\}/g)) into.add(m[1]);
  }
  for (const key of Object.keys(v)) collectReferences((v as any)[key], into, depth + 1, seen);
}

function literalString(v: unknown): string | Unknown {
  return typeof v === 'string' ? v : UNKNOWN;
}

function poolInfo(logicalId: string, props: any): PoolInfo {
  const tier = props?.UserPoolTier;
  let schema: PoolInfo['schema'] = UNKNOWN;
  const raw = props?.Schema;
  if (raw === undefined) {schema = [];} else if (Array.isArray(raw) && raw.every((a) => isPlainObject(a) && typeof a.Name === 'string')) {
    schema = raw.map((a) => ({
      name: a.Name as string,
      required: a.Required === true || a.Required === 'true',
      developerOnly: flag(a.DeveloperOnlyAttribute, false),
      mutable: flag(a.Mutable, true),
    }));
  }
  const admin = props?.AdminCreateUserConfig;
  const adminOnly = admin === undefined ? false
    : isPlainObject(admin) && intrinsicName(admin) === undefined ? flag(admin.AllowAdminCreateUserOnly, false) : UNKNOWN;
  const selfSignUp = adminOnly === UNKNOWN ? UNKNOWN : !adminOnly;
  return { logicalId, tier: tier === undefined ? undefined : typeof tier === 'string' ? tier : MAYBE, schema, selfSignUp };
}

/** A Boolean property as CloudFormation reads it ("true"/"false" too), its default when absent, or unknown. */
function flag(v: unknown, absent: boolean): boolean | Unknown {
  if (v === undefined) return absent;
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  return UNKNOWN;
}

/** Resource types whose template is another template: their resources are unseen unless that template is given. */
const NESTED_STACK = 'AWS::CloudFormation::Stack';
const NESTED_TYPES = [NESTED_STACK, 'AWS::Serverless::Application'];
/** Template-level transforms that generate no Cognito resource servers or identity providers. */
const KNOWN_TRANSFORMS = ['AWS::Serverless-2016-10-31', 'AWS::LanguageExtensions'];

/** The templates of nested stacks, by the path of nested-stack logical ids from the checked template (`Outer`, `Outer/Inner`). */
export type NestedTemplates = { readonly [path: string]: unknown };

/**
 * Indexes a template's Cognito resources once, and gives each client its context. Resources of the
 * nested stacks whose templates are given count as resources of the same app.
 */
export class TemplateIndex {
  /** What the template holds on each pool, by pool key (see `poolKey`). */
  private readonly onPool = new Map<string, OnPool>();
  /** The records of `onPool`, by number. */
  private readonly records: OnPool[] = [];
  /**
   * Each client of the checked template: its pool's record number and its position among that
   * pool's clients, as one number (`record + position * RECORDS`), or -1 when its pool is unknown.
   * One map entry per client: this runs for every client of a large template.
   */
  private readonly clientAt = new Map<string, number>();
  /** The pool key of a client's `{ "Ref": X }`, by X: clients on one pool share one key string. */
  private readonly refKeys = new Map<string, string | undefined>();
  /** False when resources may exist that no given template shows. */
  private complete = true;

  constructor(private readonly resources: Resources, template?: { [key: string]: unknown }, nested?: NestedTemplates) {
    if (template !== undefined && !knownTransforms(template.Transform)) this.complete = false;
    this.index({ path: '', resources }, '', nested);
  }

  private index(scope: Scope, anchor: string, nested: NestedTemplates | undefined, depth = 0): void {
    const resources = scope.resources;
    const top = scope.path === '';
    for (const id in resources) {
      const r = resources[id];
      if (id.startsWith('Fn::ForEach::')) this.complete = false; // resources generated by AWS::LanguageExtensions
      if (!isPlainObject(r)) continue;
      const props = isPlainObject(r.Properties) ? r.Properties : undefined;
      const logicalId = scope.path + id;
      const at = top ? id : anchor;
      if (r.Type === POOL) {
        this.slot(`pool:${logicalId}`).pool = poolInfo(logicalId, props);
      } else if (r.Type === SERVER) {
        const key = poolKey(props?.UserPoolId, scope);
        if (key === undefined) continue;
        const scopes = Array.isArray(props?.Scopes) && props!.Scopes.every((x: any) => isPlainObject(x) && typeof x.ScopeName === 'string')
          ? props!.Scopes.map((x: any) => x.ScopeName as string) : (props?.Scopes === undefined ? [] : UNKNOWN);
        this.slot(key).servers.push({ logicalId, anchor: at, identifier: literalString(props?.Identifier), scopes });
      } else if (r.Type === IDP) {
        const key = poolKey(props?.UserPoolId, scope);
        if (key === undefined) continue;
        const mapping = props?.AttributeMapping;
        const mapped = mapping === undefined ? [] : isPlainObject(mapping) && intrinsicName(mapping) === undefined ? Object.keys(mapping) : UNKNOWN;
        this.slot(key).idps.push({ logicalId, anchor: at, name: literalString(props?.ProviderName), mapped });
      } else if (r.Type === CLIENT && top) {
        const key = this.clientKey(clientPoolId(r.Properties), scope);
        if (key === undefined) {
          this.clientAt.set(id, -1);
        } else {
          const slot = this.slot(key);
          this.clientAt.set(id, slot.record + slot.clients++ * RECORDS);
        }
      } else if (NESTED_TYPES.includes(r.Type)) {
        const given = nested?.[logicalId];
        const inner = isPlainObject(given) ? given.Resources : undefined;
        if (r.Type !== NESTED_STACK || !isPlainObject(inner) || depth >= 8 || !knownTransforms((given as Resources).Transform)) {
          this.complete = false; // its resources are not visible
          continue;
        }
        const values = isPlainObject(props?.Parameters) ? props!.Parameters : {};
        this.index({ path: `${logicalId}/`, resources: inner, parameters: { values, scope } }, at, nested, depth + 1);
      }
    }
  }

  /** What is on the pool with this key, made on first use. */
  private slot(key: string): OnPool {
    let slot = this.onPool.get(key);
    if (slot === undefined) {
      slot = { record: this.records.length, pool: undefined, servers: [], idps: [], clients: 0 };
      this.records.push(slot);
      this.onPool.set(key, slot);
    }
    return slot;
  }

  /** `poolKey` of a client's UserPoolId in the checked template, computed once per `Ref` target. */
  private clientKey(v: unknown, scope: Scope): string | undefined {
    const target = isPlainObject(v) && typeof v.Ref === 'string' && intrinsicName(v) === 'Ref' ? v.Ref as string : undefined;
    if (target === undefined) return poolKey(v, scope);
    if (this.refKeys.has(target)) return this.refKeys.get(target);
    const key = poolKey(v, scope);
    this.refKeys.set(target, key);
    return key;
  }

  /** The context of one client of the template. */
  public contextOf(logicalId: string): ClientContext {
    const at = this.clientAt.get(logicalId) ?? -1;
    const slot = at < 0 ? undefined : this.records[at % RECORDS];
    return new Context(
      logicalId,
      this.resources,
      registeredOf(this.resources[logicalId]),
      slot?.pool,
      slot !== undefined ? slot.servers : NONE,
      slot !== undefined ? slot.idps : NONE,
      this.complete,
      slot !== undefined ? slot.clients : 0,
      at < 0 ? -1 : Math.floor(at / RECORDS),
    );
  }
}

/** What the template holds on one pool: the pool itself when it is visible, its resource servers and identity providers, and how many clients. */
interface OnPool {
  /** Its number in `records`. */
  readonly record: number;
  pool: PoolInfo | undefined;
  readonly servers: ServerInfo[];
  readonly idps: IdpInfo[];
  clients: number;
}

/**
 * A client's UserPoolId; for Properties written as a whole `Fn::If`, the one UserPoolId its object
 * branches agree on (undefined when they differ).
 */
function clientPoolId(p: unknown, depth = 0): unknown {
  if (!isPlainObject(p)) return undefined;
  // Without an `Fn::If` key, the properties are no `Fn::If` (the common case, without a key walk).
  if (p['Fn::If'] === undefined || intrinsicName(p) !== 'Fn::If') return p.UserPoolId;
  const args = p['Fn::If'];
  if (!Array.isArray(args) || args.length !== 3 || depth > 8) return undefined;
  const ids = [args[1], args[2]].filter(isPlainObject).map((b) => clientPoolId(b, depth + 1));
  if (ids.length === 0 || ids.some((x) => x === undefined)) return undefined;
  const first = JSON.stringify(ids[0]);
  return ids.every((x) => JSON.stringify(x) === first) ? ids[0] : undefined;
}

/** Whether a template's Transform (absent, a name or a list of names) generates no Cognito resources. */
function knownTransforms(t: unknown): boolean {
  if (t === undefined) return true;
  const names = Array.isArray(t) ? t : [t];
  return names.every((n) => typeof n === 'string' && KNOWN_TRANSFORMS.includes(n));
}

const NONE: never[] = [];

/**
 * More pool records than a template can have (a resource takes far more than a byte), so that a
 * record number and a position fit one safe integer: `record + position * RECORDS` < 2^52.
 */
const RECORDS = 2 ** 26;

/**
 * One client's context. One is made per client: its fields are declared only (`declare`), so that
 * the compiled class does not define each field before the constructor sets it (ES2022 class-field
 * semantics, which doubles the cost of a small object made in a hot loop).
 */
class Context implements ClientContext {
  declare public readonly logicalId: string;
  declare private readonly resources: Resources;
  declare public readonly pool: PoolInfo | undefined;
  declare public readonly servers: ReadonlyArray<ServerInfo>;
  declare public readonly idps: ReadonlyArray<IdpInfo>;
  declare public readonly registered: Registered;
  declare public readonly complete: boolean;
  declare public readonly clientsOnPool: number;
  declare public readonly indexOnPool: number;
  /** The answers of `createdAfter` so far (a client asks about the same resource for each of its scopes). */
  declare private after: Map<string, boolean> | undefined;

  constructor(logicalId: string, resources: Resources, registered: Registered, pool: PoolInfo | undefined, servers: ReadonlyArray<ServerInfo>,
    idps: ReadonlyArray<IdpInfo>, complete: boolean, clientsOnPool: number, indexOnPool: number) {
    this.logicalId = logicalId;
    this.resources = resources;
    this.registered = registered;
    this.pool = pool;
    this.servers = servers;
    this.idps = idps;
    this.complete = complete;
    this.clientsOnPool = clientsOnPool;
    this.indexOnPool = indexOnPool;
    this.after = undefined;
  }

  /** Only the rules that found a matching server or provider ask: searched on demand. */
  public createdAfter(logicalId: string): boolean {
    let answer = this.after?.get(logicalId);
    if (answer === undefined) {
      answer = reaches(this.logicalId, logicalId, this.resources);
      (this.after ??= new Map()).set(logicalId, answer);
    }
    return answer;
  }
}

/**
 * Whether `target` is among the resources `from` is surely created after: its DependsOn and the
 * resources its properties reference, and theirs in turn. Each resource's DependsOn is looked at
 * before its properties are walked, and the search stops once `target` is found, so a client that
 * says DependsOn costs no walk of its properties.
 */
function reaches(from: string, target: string, resources: Resources): boolean {
  const seen = new Set<string>([from]);
  const todo = [from];
  while (todo.length) {
    const id = todo.pop()!;
    const r = resources[id];
    if (id !== from && !isPlainObject(r)) continue;
    const next = new Set<string>();
    const d = r?.DependsOn;
    if (typeof d === 'string') next.add(d);
    else if (Array.isArray(d)) for (const x of d) if (typeof x === 'string') next.add(x);
    if (next.has(target)) return true;
    collectReferences(r?.Properties, next);
    if (next.has(target)) return true;
    for (const x of next) {
      if (!seen.has(x)) {
        seen.add(x);
        todo.push(x);
      }
    }
  }
  return false;
}

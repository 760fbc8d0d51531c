import { MAYBE, UNKNOWN, Unknown, intrinsicName, isPlainObject } from './values';

const POOL = 'AWS::Cognito::UserPool';
const CLIENT = 'AWS::Cognito::UserPoolClient';
const SERVER = 'AWS::Cognito::UserPoolResourceServer';
const IDP = 'AWS::Cognito::UserPoolIdentityProvider';

/** A user pool defined in the template. */
export interface PoolInfo {
  readonly logicalId: string;
  /** UserPoolTier: a literal, undefined when absent (new pools default to ESSENTIALS), or unknown. */
  readonly tier: string | Unknown | undefined;
  /** The Schema attributes, or UNKNOWN when the Schema is not a literal list. */
  readonly schema: ReadonlyArray<{ readonly name: string; readonly required: boolean; readonly developerOnly: boolean }> | Unknown;
}

/** A resource server: its identifier and scope names, literal or UNKNOWN. */
export interface ServerInfo {
  readonly logicalId: string;
  readonly identifier: string | Unknown;
  readonly scopes: ReadonlyArray<string> | Unknown;
}

/** An identity provider: its name and the pool attributes it maps. */
export interface IdpInfo {
  readonly logicalId: string;
  readonly name: string | Unknown;
  readonly mapped: ReadonlyArray<string> | Unknown;
}

/** What the template tells about one client's surroundings. */
export interface ClientContext {
  readonly logicalId: string;
  /** The client's pool, when the template defines it. */
  readonly pool?: PoolInfo;
  /** Resource servers and identity providers on the same pool (by Ref or the same literal id). */
  readonly servers: ReadonlyArray<ServerInfo>;
  readonly idps: ReadonlyArray<IdpInfo>;
  /** Logical ids the client depends on: DependsOn, and every Ref / Fn::GetAtt / Fn::Sub reference in its properties. */
  readonly dependsOn: ReadonlySet<string>;
  /** How many clients the template defines on the same pool, and this client's position among them (0-based). */
  readonly clientsOnPool: number;
  readonly indexOnPool: number;
}

type Resources = { [id: string]: any };


/** The key of the pool a `UserPoolId` value designates: the pool's logical id when it is in the template. */
function poolKey(v: unknown, resources: Resources): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return `id:${v}`;
  const name = intrinsicName(v);
  const arg = name ? (v as any)[name] : undefined;
  let target: unknown;
  if (name === 'Ref') target = arg;
  else if (name === 'Fn::GetAtt') target = Array.isArray(arg) ? (arg[1] === 'UserPoolId' ? arg[0] : undefined) : (typeof arg === 'string' && arg.endsWith('.UserPoolId') ? arg.slice(0, -'.UserPoolId'.length) : undefined);
  if (typeof target === 'string' && resources[target]?.Type === POOL) return `pool:${target}`;
  try {
    return `expr:${JSON.stringify(v)}`;
  } catch {
    return undefined;
  }
}

/** Every logical id referenced in a value (Ref, Fn::GetAtt, Fn::Sub variables). */
function collectReferences(v: unknown, into: Set<string>, depth = 0): void {
  if (depth > 32 || typeof v !== 'object' || v === null) return;
  if (Array.isArray(v)) {
    for (const x of v) collectReferences(x, into, depth + 1);
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
  for (const key of Object.keys(v)) collectReferences((v as any)[key], into, depth + 1);
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
      developerOnly: a.DeveloperOnlyAttribute === true || a.DeveloperOnlyAttribute === 'true',
    }));
  }
  return { logicalId, tier: tier === undefined ? undefined : typeof tier === 'string' ? tier : MAYBE, schema };
}

/**
 * Indexes a template's Cognito resources once, and gives each client its context.
 */
export class TemplateIndex {
  private readonly pools = new Map<string, PoolInfo>();
  private readonly servers = new Map<string, ServerInfo[]>();
  private readonly idps = new Map<string, IdpInfo[]>();
  private readonly clients = new Map<string, string[]>();
  private readonly clientPool = new Map<string, string | undefined>();
  private readonly clientIndex = new Map<string, number>();

  constructor(private readonly resources: Resources) {
    for (const id in resources) {
      const r = resources[id];
      if (!isPlainObject(r)) continue;
      const props = isPlainObject(r.Properties) ? r.Properties : undefined;
      if (r.Type === POOL) {
        this.pools.set(`pool:${id}`, poolInfo(id, props));
      } else if (r.Type === SERVER) {
        const key = poolKey(props?.UserPoolId, resources);
        if (key === undefined) continue;
        const scopes = Array.isArray(props?.Scopes) && props!.Scopes.every((s: any) => isPlainObject(s) && typeof s.ScopeName === 'string')
          ? props!.Scopes.map((s: any) => s.ScopeName as string) : (props?.Scopes === undefined ? [] : UNKNOWN);
        push(this.servers, key, { logicalId: id, identifier: literalString(props?.Identifier), scopes });
      } else if (r.Type === IDP) {
        const key = poolKey(props?.UserPoolId, resources);
        if (key === undefined) continue;
        const mapping = props?.AttributeMapping;
        const mapped = mapping === undefined ? [] : isPlainObject(mapping) && intrinsicName(mapping) === undefined ? Object.keys(mapping) : UNKNOWN;
        push(this.idps, key, { logicalId: id, name: literalString(props?.ProviderName), mapped });
      } else if (r.Type === CLIENT) {
        const key = poolKey(props?.UserPoolId, resources);
        this.clientPool.set(id, key);
        if (key !== undefined) this.clientIndex.set(id, push(this.clients, key, id));
      }
    }
  }

  /** The context of one client of the template. */
  public contextOf(logicalId: string): ClientContext {
    const key = this.clientPool.get(logicalId);
    return new Context(
      logicalId,
      this.resources[logicalId],
      key !== undefined ? this.pools.get(key) : undefined,
      key !== undefined ? this.servers.get(key) ?? NONE : NONE,
      key !== undefined ? this.idps.get(key) ?? NONE : NONE,
      key !== undefined ? this.clients.get(key)?.length ?? 0 : 0,
      this.clientIndex.get(logicalId) ?? -1,
    );
  }
}

const NONE: never[] = [];

class Context implements ClientContext {
  private deps?: Set<string>;

  constructor(
    public readonly logicalId: string,
    private readonly resource: any,
    public readonly pool: PoolInfo | undefined,
    public readonly servers: ReadonlyArray<ServerInfo>,
    public readonly idps: ReadonlyArray<IdpInfo>,
    public readonly clientsOnPool: number,
    public readonly indexOnPool: number,
  ) {}

  /** Only the rules that found a matching server or provider need this: computed on demand. */
  public get dependsOn(): ReadonlySet<string> {
    return this.deps ??= dependenciesOf(this.resource);
  }
}

/** DependsOn, and every logical id the resource's properties reference. */
function dependenciesOf(r: any): Set<string> {
  const out = new Set<string>();
  const d = r?.DependsOn;
  if (typeof d === 'string') out.add(d);
  else if (Array.isArray(d)) for (const x of d) if (typeof x === 'string') out.add(x);
  collectReferences(r?.Properties, out);
  return out;
}

/** Appends to the list under `key`; returns the value's position in it. */
function push<T>(map: Map<string, T[]>, key: string, value: T): number {
  const list = map.get(key);
  if (list) return list.push(value) - 1;
  map.set(key, [value]);
  return 0;
}

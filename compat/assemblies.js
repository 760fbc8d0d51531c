#!/usr/bin/env node
// The assembly check: do the classes of our jsii assembly still implement the aws-cdk-lib (and
// constructs) interfaces they claim to, as a given published aws-cdk-lib release declares them?
//
//   node compat/assemblies.js --lib <dir with our .jsii> --cdk <aws-cdk-lib version> [--expect-plugin]
//                             [--constructs <version or range>]
//
// Java, C# and Go bind to aws-cdk-lib's interfaces as the user's aws-cdk-lib declares them, not as
// the one we compiled against: an interface that grew a member (or whose member changed type) since
// then breaks there (Java AbstractMethodError, .NET TypeLoadException, Go "duplicate method"). With
// no JDK, .NET SDK or Go toolchain needed, this compares the assemblies (the .jsii JSON files):
// ours, and the published aws-cdk-lib and constructs ones, fetched with `npm pack` and cached in
// os.tmpdir()/cdk-cognito-app-client-assemblies (ASSEMBLIES_CACHE overrides), one folder per version.
//
// For every class of our assembly and every aws-cdk-lib or constructs interface it implements
// (directly, through its base classes, through the interfaces' bases, transitively; each resolved
// in the GIVEN release), every member of the interface (with those of its bases) must be declared
// on the class or one of its base classes (aws-cdk-lib base classes resolved in the given release,
// and a library class implementing an interface counts as implementing its members), with exactly
// the same jsii type references. Also: every aws-cdk-lib/constructs type our assembly refers to
// exists in the given release, our assembly does not depend on cdk-nag, and (--expect-plugin)
// AppClientChecks implements the type Validations.addPlugins takes in the given release.
//
// module.exports = { checkAssemblies, readAssembly, loadPublishedAssembly } for tests and scripts.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');

const CACHE = process.env.ASSEMBLIES_CACHE || path.join(os.tmpdir(), 'cdk-cognito-app-client-assemblies');
/** Bump when the cached slim format changes. */
const SLIM_FORMAT = 1;

// ---------------------------------------------------------------------------------------------
// Reading assemblies

/**
 * Reads a jsii assembly: `file` is a `.jsii` file or a folder holding one. Follows the jsii
 * file redirect (`{"schema":"jsii/file-redirect","compression":"gzip","filename":".jsii.gz"}`).
 */
function readAssembly(file) {
  if (fs.statSync(file).isDirectory()) file = path.join(file, '.jsii');
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (json.schema !== 'jsii/file-redirect') return json;
  const target = path.resolve(path.dirname(file), json.filename);
  let data = fs.readFileSync(target);
  if (json.compression === 'gzip') data = zlib.gunzipSync(data);
  else if (json.compression !== undefined) throw new Error(`${file}: unknown compression ${json.compression}`);
  const inner = JSON.parse(data.toString('utf8'));
  if (inner.schema === 'jsii/file-redirect') throw new Error(`${file}: a redirect to a redirect`);
  return inner;
}

/** The parts of an assembly the check reads (a 90 MB aws-cdk-lib assembly becomes about 22 MB). */
const SLIM_DROP = new Set(['docs', 'locationInModule', 'symbolId', 'initializer', 'targets', 'readme', 'metadata',
  'submodules', 'repository', 'author', 'contributors', 'homepage', 'license', 'keywords', 'bundled',
  'description', 'fingerprint', 'jsiiVersion', 'dependencyClosure', 'usedFeatures', 'members']);
function slim(assembly) {
  return JSON.stringify({ slimFormat: SLIM_FORMAT, ...assembly }, (k, v) => (SLIM_DROP.has(k) ? undefined : v));
}

/**
 * Extracts the entries of a .tgz whose path `want` accepts into `dest` (flat: the base names),
 * streaming, without a tar program. Handles ustar prefixes, pax `path` records and GNU long names.
 */
function extractFromTgz(tgz, want, dest) {
  return new Promise((resolve, reject) => {
    const found = [];
    let buf = Buffer.alloc(0);
    let entry = null; // { name, size, read, total, chunks }
    let nextName = null;
    let ended = false;
    const octal = (b) => {
      if (b[0] & 0x80) { // base-256
        let n = 0;
        for (let i = 1; i < b.length; i++) n = n * 256 + b[i];
        return n;
      }
      const s = b.toString('ascii').replace(/\0.*$/s, '').trim();
      return s ? parseInt(s, 8) : 0;
    };
    const str = (b) => b.toString('utf8').replace(/\0.*$/s, '');
    const finish = (e) => {
      const data = Buffer.concat(e.chunks);
      if (e.type === 'x') {
        const m = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'));
        if (m) nextName = m[1];
      } else if (e.type === 'L') {
        nextName = str(data);
      } else if (e.type === '0' || e.type === '\0' || e.type === '') {
        fs.writeFileSync(path.join(dest, path.basename(e.name)), data);
        found.push(e.name);
      }
    };
    const stream = fs.createReadStream(tgz).pipe(zlib.createGunzip());
    stream.on('data', (chunk) => {
      if (ended) return;
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      let off = 0;
      for (;;) {
        if (entry) {
          const n = Math.min(entry.total - entry.read, buf.length - off);
          if (entry.chunks && entry.read < entry.size) {
            const keep = Math.min(n, entry.size - entry.read);
            entry.chunks.push(buf.subarray(off, off + keep));
          }
          entry.read += n;
          off += n;
          if (entry.read < entry.total) break;
          if (entry.chunks) finish(entry);
          entry = null;
        }
        if (buf.length - off < 512) break;
        const h = buf.subarray(off, off + 512);
        off += 512;
        if (h.every((x) => x === 0)) { ended = true; break; }
        const type = String.fromCharCode(h[156] || 0);
        const size = octal(h.subarray(124, 136));
        let name = str(h.subarray(0, 100));
        const prefix = h.subarray(257, 262).toString('ascii') === 'ustar' ? str(h.subarray(345, 500)) : '';
        if (prefix) name = `${prefix}/${name}`;
        if (nextName !== null && type !== 'x' && type !== 'L') { name = nextName; nextName = null; }
        const meta = type === 'x' || type === 'L';
        const keep = meta || ((type === '0' || type === '\0') && want(name));
        entry = { name, type, size, read: 0, total: size + ((512 - (size % 512)) % 512), chunks: keep ? [] : null };
      }
      buf = buf.subarray(off);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(found));
    stream.on('close', () => resolve(found));
  });
}

function npm(args, cwd) {
  const win = process.platform === 'win32';
  return execFileSync(win ? 'npm.cmd' : 'npm', args, {
    cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], shell: win, maxBuffer: 64 * 1024 * 1024,
  });
}

const EXACT = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/**
 * The assembly of a published package (`name`, `spec` a version or range), from the cache or
 * fetched with `npm pack` (only `package/.jsii*` is extracted, without the tablet). A range is
 * resolved once and the resolution cached too, so reruns need no network.
 * Returns the slim assembly (see `slim`), with `version` the resolved version.
 */
async function loadPublishedAssembly(name, spec, log = () => undefined) {
  fs.mkdirSync(CACHE, { recursive: true });
  const resolvedFile = path.join(CACHE, 'resolved.json');
  let resolved = {};
  try { resolved = JSON.parse(fs.readFileSync(resolvedFile, 'utf8')); } catch { /* none yet */ }
  let version = EXACT.test(spec) ? spec : resolved[`${name}@${spec}`];
  if (version) {
    const cached = readSlim(path.join(CACHE, `${name.replace('/', '+')}@${version}`));
    if (cached) return cached;
  }

  const work = fs.mkdtempSync(path.join(CACHE, '.pack-'));
  try {
    const started = Date.now();
    const out = npm(['pack', `${name}@${spec}`, '--json', '--ignore-scripts', '--pack-destination', work], work);
    const info = JSON.parse(out.slice(out.indexOf('[')))[0];
    version = info.version;
    const dir = path.join(CACHE, `${name.replace('/', '+')}@${version}`);
    const cached = readSlim(dir);
    if (!cached) {
      const tmp = path.join(work, 'extract');
      fs.mkdirSync(tmp);
      const got = await extractFromTgz(path.join(work, info.filename),
        (p) => /^package\/\.jsii[^/]*$/.test(p) && !p.startsWith('package/.jsii.tabl'), tmp);
      if (!got.includes('package/.jsii')) throw new Error(`${name}@${version} ships no .jsii assembly`);
      const assembly = readAssembly(path.join(tmp, '.jsii'));
      fs.writeFileSync(path.join(tmp, 'slim.json'), slim(assembly));
      fs.rmSync(dir, { recursive: true, force: true });
      try {
        fs.renameSync(tmp, dir); // atomic: a folder is complete or absent
      } catch (e) {
        if (!readSlim(dir)) throw e; // another run put it there first
      }
    }
    if (!EXACT.test(spec)) {
      try { resolved = JSON.parse(fs.readFileSync(resolvedFile, 'utf8')); } catch { resolved = {}; }
      resolved[`${name}@${spec}`] = version;
      const t = path.join(work, 'resolved.json');
      fs.writeFileSync(t, `${JSON.stringify(resolved, null, 2)}\n`);
      fs.renameSync(t, resolvedFile);
    }
    log(`fetched ${name}@${version} (${spec}) in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    return readSlim(dir);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function readSlim(dir) {
  try {
    const a = JSON.parse(fs.readFileSync(path.join(dir, 'slim.json'), 'utf8'));
    return a.slimFormat === SLIM_FORMAT ? a : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Type references

/** A jsii type reference, printed as in TypeScript. */
function typeString(t) {
  if (!t) return 'void';
  if (t.primitive) return t.primitive;
  if (t.fqn) return t.fqn;
  if (t.collection) {
    const e = typeString(t.collection.elementtype);
    return t.collection.kind === 'array' ? `Array<${e}>` : `Map<string, ${e}>`;
  }
  if (t.union) return `(${t.union.types.map(typeString).join(' | ')})`;
  if (t.intersection) return `(${t.intersection.types.map(typeString).join(' & ')})`;
  return JSON.stringify(t);
}

/** Structural equality of jsii type references (unions and intersections in any order). */
function typeEquals(a, b) {
  if (!a || !b) return !a && !b;
  if (a.primitive || b.primitive) return a.primitive === b.primitive;
  if (a.fqn || b.fqn) return a.fqn === b.fqn;
  if (a.collection || b.collection) {
    return !!a.collection && !!b.collection && a.collection.kind === b.collection.kind
      && typeEquals(a.collection.elementtype, b.collection.elementtype);
  }
  for (const k of ['union', 'intersection']) {
    if (a[k] || b[k]) {
      if (!a[k] || !b[k] || a[k].types.length !== b[k].types.length) return false;
      const rest = [...b[k].types];
      for (const x of a[k].types) {
        const i = rest.findIndex((y) => typeEquals(x, y));
        if (i < 0) return false;
        rest.splice(i, 1);
      }
      return true;
    }
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

function fqnsOf(t, out = []) {
  if (!t) return out;
  if (t.fqn) out.push(t.fqn);
  if (t.collection) fqnsOf(t.collection.elementtype, out);
  for (const k of ['union', 'intersection']) if (t[k]) for (const x of t[k].types) fqnsOf(x, out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The check

/**
 * Checks our assembly against aws-cdk-lib's and constructs' (already loaded, full or slim).
 *
 * @param {{ ours: object, cdk: object, constructs: object, expectPlugin?: boolean }} options
 * @returns {{ results: { status: 'ok'|'FAIL'|'info', text: string }[], passed: number, failed: number }}
 */
function checkAssemblies({ ours, cdk, constructs, expectPlugin = false }) {
  const results = [];
  const on = `on ${cdk.name} ${cdk.version}`;
  const library = [cdk, constructs].filter(Boolean);
  const isLib = (fqn) => library.some((a) => fqn.startsWith(`${a.name}.`));
  const isOurs = (fqn) => fqn.startsWith(`${ours.name}.`);
  /** The type of an fqn: in the given release for library types, in ours for ours; else undefined. */
  const lookup = (fqn) => {
    if (!fqn) return undefined;
    for (const a of [...library, ours]) if (fqn.startsWith(`${a.name}.`)) return a.types[fqn];
    return undefined;
  };
  const where = (fqn) => (isOurs(fqn) ? ours.name : library.find((a) => fqn.startsWith(`${a.name}.`)).name
    + (fqn.startsWith(`${cdk.name}.`) ? ` ${cdk.version}` : ` ${constructs.version}`));
  /** An fqn whose assembly we have but which is not in it (a removed or moved type). */
  const missing = (fqn) => (isLib(fqn) || isOurs(fqn)) && !lookup(fqn);
  const short = (fqn) => (isOurs(fqn) ? fqn.slice(ours.name.length + 1) : fqn);

  /**
   * The interfaces a class implements, in discovery order: through its own `interfaces`, its base
   * classes (ours as recorded in ours, library ones in the given release) and the interfaces'
   * bases. Returns the library interfaces, and the problems met (unresolved bases and interfaces).
   */
  function interfacesOf(cls) {
    const found = new Map(); // library interface fqn -> true
    const problems = [];
    const seen = new Set();
    const visit = (fqn) => {
      if (seen.has(fqn)) return;
      seen.add(fqn);
      if (isLib(fqn)) found.set(fqn, true);
      const t = lookup(fqn);
      if (!t) return; // reported by the pair (library) or the reference check (ours)
      for (const b of t.interfaces || []) visit(b);
    };
    for (let t = cls, fqn = cls.fqn; t; fqn = t.base, t = lookup(t.base)) {
      for (const i of t.interfaces || []) visit(i);
      if (t.base && !lookup(t.base)) {
        if (missing(t.base)) problems.push(`base class ${t.base} (of ${short(fqn)}) does not exist in ${where(t.base)}`);
        break;
      }
    }
    return { interfaces: [...found.keys()], problems };
  }

  /** Every member of an interface and its bases: name -> [{ member, kind, from }]; and problems. */
  function membersOfInterface(fqn) {
    const members = new Map();
    const problems = [];
    const seen = new Set();
    const visit = (f) => {
      if (seen.has(f)) return;
      seen.add(f);
      const t = lookup(f);
      if (!t) {
        if (missing(f)) problems.push(`interface ${f} does not exist in ${where(f)}`);
        return;
      }
      if (t.kind !== 'interface') {
        problems.push(`${f} is a ${t.kind} in ${where(f)}, not an interface`);
        return;
      }
      for (const [kind, list] of [['property', t.properties], ['method', t.methods]]) {
        for (const m of list || []) {
          if (m.static) continue;
          if (!members.has(m.name)) members.set(m.name, []);
          const decls = members.get(m.name);
          // the same declaration reached twice (diamond): keep one
          if (!decls.some((d) => d.from === f)) decls.push({ member: m, kind, from: f });
        }
      }
      for (const b of t.interfaces || []) visit(b);
    };
    visit(fqn);
    return { members, problems };
  }

  /**
   * The instance members of a class: declared on it or a base class (most derived first), then,
   * for library classes in the chain, those of the interfaces they implement (in the given release).
   */
  function membersOfClass(cls) {
    const members = new Map();
    const libClasses = [];
    for (let t = cls; t; t = lookup(t.base)) {
      for (const [kind, list] of [['property', t.properties], ['method', t.methods]]) {
        for (const m of list || []) {
          if (!m.static && !members.has(m.name)) members.set(m.name, { member: m, kind, owner: t.fqn });
        }
      }
      if (isLib(t.fqn)) libClasses.push(t);
    }
    for (const t of libClasses) {
      const seen = new Set();
      const visit = (f) => {
        if (seen.has(f)) return;
        seen.add(f);
        const i = lookup(f);
        if (!i) return;
        for (const [kind, list] of [['property', i.properties], ['method', i.methods]]) {
          for (const m of list || []) {
            if (!m.static && !members.has(m.name)) members.set(m.name, { member: m, kind, owner: t.fqn, via: f });
          }
        }
        for (const b of i.interfaces || []) visit(b);
      };
      for (const f of t.interfaces || []) visit(f);
    }
    return members;
  }

  /** The problems of one member of the class against one declaration in the interface. */
  function compareMember(name, have, want) {
    const from = want.from;
    const at = have.owner && !isOurs(have.owner) ? ` (declared on ${have.via ? `${have.owner} through ${have.via}` : have.owner})` : '';
    const inIface = ` (from ${from})`;
    const problems = [];
    const unresolved = (t, whose) => {
      for (const f of fqnsOf(t)) if (missing(f)) problems.push(`member ${name}: ${whose} type ${f} does not exist in ${where(f)}`);
    };
    if (have.kind !== want.kind) {
      return [`member ${name} is a ${have.kind}${at}, the interface wants a ${want.kind}${inIface}`];
    }
    if (have.member.protected) problems.push(`member ${name} is protected${at}, the interface's is public${inIface}`);
    if (want.kind === 'property') {
      const h = have.member;
      const w = want.member;
      if (!typeEquals(h.type, w.type)) {
        problems.push(`member ${name} has type ${typeString(h.type)}${at}, the interface wants ${typeString(w.type)}${inIface}`);
      }
      if (h.optional && !w.optional) problems.push(`member ${name} is optional${at}, the interface's is not${inIface}`);
      if (h.immutable && !w.immutable) problems.push(`member ${name} is read-only${at}, the interface's is writable${inIface}`);
      unresolved(h.type, 'its');
      unresolved(w.type, "the interface's");
      return problems;
    }
    const h = have.member;
    const w = want.member;
    const hr = h.returns;
    const wr = w.returns;
    if (!typeEquals(hr && hr.type, wr && wr.type)) {
      problems.push(`member ${name} returns ${typeString(hr && hr.type)}${at}, the interface wants ${typeString(wr && wr.type)}${inIface}`);
    }
    if (hr && hr.optional && !(wr && wr.optional)) problems.push(`member ${name} may return undefined${at}, the interface's may not${inIface}`);
    const hp = h.parameters || [];
    const wp = w.parameters || [];
    const sig = (ps) => `(${ps.map((p) => `${p.variadic ? '...' : ''}${p.name}${p.optional ? '?' : ''}: ${typeString(p.type)}`).join(', ')})`;
    const same = hp.length === wp.length && hp.every((p, i) => typeEquals(p.type, wp[i].type)
      && !!p.optional === !!wp[i].optional && !!p.variadic === !!wp[i].variadic);
    if (!same) problems.push(`member ${name} takes ${sig(hp)}${at}, the interface wants ${sig(wp)}${inIface}`);
    unresolved(hr && hr.type, 'its');
    unresolved(wr && wr.type, "the interface's");
    for (const p of hp) unresolved(p.type, 'its');
    for (const p of wp) unresolved(p.type, "the interface's");
    return problems;
  }

  const add = (ok, text) => results.push({ status: ok ? 'ok' : 'FAIL', text });

  // 1. Every class of ours against every library interface it implements.
  const classes = Object.values(ours.types).filter((t) => t.kind === 'class').sort((a, b) => a.fqn.localeCompare(b.fqn));
  const implemented = new Map();
  for (const cls of classes) {
    const { interfaces, problems: classProblems } = interfacesOf(cls);
    implemented.set(cls.fqn, interfaces);
    if (classProblems.length) add(false, `${short(cls.fqn)} ${on}: ${classProblems.join('; ')}`);
    const have = membersOfClass(cls);
    for (const iface of interfaces) {
      const { members, problems } = membersOfInterface(iface);
      for (const [name, decls] of members) {
        const h = have.get(name);
        if (!h) {
          problems.push(`member ${name} is missing (${decls[0].kind} from ${decls[0].from})`);
          continue;
        }
        for (const d of decls) problems.push(...compareMember(name, h, d));
      }
      const text = `${short(cls.fqn)} implements ${iface} (${members.size} member${members.size === 1 ? '' : 's'}) ${on}`;
      add(problems.length === 0, problems.length ? `${text}: ${problems.join('; ')}` : text);
    }
  }

  // 2. Every library type our assembly refers to exists in the given release (a type that moved
  // or was removed cannot be loaded in Java, C# or Go), with the kind our use of it needs.
  const refs = new Map(); // fqn -> { users: Set, need?: 'class'|'interface' }
  const ref = (fqn, user, need) => {
    if (!isLib(fqn)) return;
    if (!refs.has(fqn)) refs.set(fqn, { users: new Set(), need: undefined });
    const r = refs.get(fqn);
    r.users.add(short(user));
    if (need) r.need = need;
  };
  const refType = (t, user) => { for (const f of fqnsOf(t)) ref(f, user); };
  for (const t of Object.values(ours.types)) {
    if (t.base) ref(t.base, t.fqn, 'class');
    for (const i of t.interfaces || []) ref(i, t.fqn, 'interface');
    for (const p of t.properties || []) refType(p.type, `${t.fqn}.${p.name}`);
    for (const m of [...(t.methods || []), ...(t.initializer ? [{ ...t.initializer, name: 'constructor' }] : [])]) {
      refType(m.returns && m.returns.type, `${t.fqn}.${m.name}`);
      for (const p of m.parameters || []) refType(p.type, `${t.fqn}.${m.name}`);
    }
  }
  const bad = [];
  for (const [fqn, r] of [...refs].sort(([a], [b]) => a.localeCompare(b))) {
    const t = lookup(fqn);
    const users = [...r.users];
    const by = `${users.slice(0, 3).join(', ')}${users.length > 3 ? `, +${users.length - 3} more` : ''}`;
    if (!t) bad.push(`${fqn} (used by ${by}) does not exist in ${where(fqn)}`);
    else if (r.need && t.kind !== r.need) bad.push(`${fqn} (used by ${by}) is a ${t.kind} in ${where(fqn)}, ${short(users[0])} needs a ${r.need}`);
  }
  const refText = `references: the ${refs.size} ${library.map((a) => a.name).join('/')} types ${ours.name} refers to exist ${on}`;
  add(bad.length === 0, bad.length ? `${refText}: ${bad.join('; ')}` : refText);

  // 3. cdk-nag is loaded at run time only: never a dependency of the assembly.
  const deps = [['dependencies', ours.dependencies], ['dependencyClosure', ours.dependencyClosure]]
    .filter(([, d]) => d && Object.prototype.hasOwnProperty.call(d, 'cdk-nag'))
    .map(([k, d]) => `${k} has cdk-nag${typeof d['cdk-nag'] === 'string' ? ` ${d['cdk-nag']}` : ''}`);
  add(deps.length === 0, deps.length
    ? `dependencies: ${ours.name}'s assembly depends on cdk-nag (${deps.join('; ')}); cdk-nag must be loaded at run time only`
    : `dependencies: ${ours.name}'s assembly does not depend on cdk-nag (${Object.keys(ours.dependencies || {}).join(', ') || 'no dependencies'})`);

  // 4. The plugin: AppClientChecks must be of the type Validations.addPlugins takes in the given
  // release (before Validations existed, StageProps.policyValidationBeta1's element type).
  const checksFqn = `${ours.name}.AppClientChecks`;
  let pluginType;
  let takes;
  const addPlugins = ((lookup(`${cdk.name}.Validations`) || {}).methods || []).find((m) => m.name === 'addPlugins' && !m.static);
  if (addPlugins && addPlugins.parameters && addPlugins.parameters[0]) {
    const p = addPlugins.parameters[0].type;
    pluginType = p.fqn || (p.collection && p.collection.elementtype.fqn);
    takes = `Validations.addPlugins ${on} takes ${pluginType || typeString(p)}`;
  } else {
    const prop = ((lookup(`${cdk.name}.StageProps`) || {}).properties || []).find((p) => p.name === 'policyValidationBeta1');
    pluginType = prop && prop.type.collection && prop.type.collection.elementtype.fqn;
    takes = pluginType
      ? `${cdk.name} ${cdk.version} has no Validations.addPlugins; StageProps.policyValidationBeta1 takes ${pluginType}`
      : `${cdk.name} ${cdk.version} has neither Validations.addPlugins nor StageProps.policyValidationBeta1`;
  }
  const checks = ours.types[checksFqn];
  if (!checks) {
    const text = `plugin: ${ours.name} has no class AppClientChecks; ${takes}`;
    results.push({ status: expectPlugin ? 'FAIL' : 'info', text });
  } else {
    const ifaces = implemented.get(checksFqn) || [];
    const plugins = ifaces.filter((f) => /PolicyValidationPlugin/.test(f) || f === pluginType);
    const is = `AppClientChecks implements ${plugins.length ? plugins.join(', ') : 'no plugin interface'}`;
    if (!expectPlugin) {
      results.push({ status: 'info', text: `plugin: ${is}; ${takes}` });
    } else {
      add(!!pluginType && ifaces.includes(pluginType), `plugin: ${is}; ${takes}`);
    }
  }

  const failed = results.filter((r) => r.status === 'FAIL').length;
  const passed = results.filter((r) => r.status === 'ok').length;
  return { results, passed, failed };
}

function formatResults({ results, passed, failed }) {
  const lines = results.map((r) => `${r.status.padEnd(4)} ${r.text}`);
  lines.push(`assemblies: ${passed} passed, ${failed} failed`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Command line

function parseArgs(argv) {
  const opts = { lib: '.', cdk: undefined, constructs: undefined, expectPlugin: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--lib') opts.lib = value();
    else if (a === '--cdk') opts.cdk = value();
    else if (a === '--constructs') opts.constructs = value();
    else if (a === '--expect-plugin') opts.expectPlugin = true;
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  if (!opts.cdk) usage('--cdk <aws-cdk-lib version> is required');
  return opts;
}

function usage(message) {
  if (message) console.error(`assemblies: ${message}`);
  console.error('usage: node compat/assemblies.js --lib <dir with .jsii> --cdk <aws-cdk-lib version> [--constructs <version or range>] [--expect-plugin]');
  process.exit(2);
}

/** A published version from the registry (cached), or a local folder or .jsii file. */
async function load(name, spec, log) {
  if (fs.existsSync(spec)) return readAssembly(spec);
  return loadPublishedAssembly(name, spec, log);
}

async function main() {
  const started = Date.now();
  const opts = parseArgs(process.argv.slice(2));
  const log = (m) => console.error(`assemblies: ${m}`);
  const ours = readAssembly(path.resolve(opts.lib));
  const cdk = await load('aws-cdk-lib', opts.cdk, log);
  // constructs as aws-cdk-lib's peer range asks (the newest matching release, unless given)
  const constructsSpec = opts.constructs || (cdk.dependencies && cdk.dependencies.constructs) || '^10.0.0';
  const constructs = await load('constructs', constructsSpec, log);
  const outcome = checkAssemblies({ ours, cdk, constructs, expectPlugin: opts.expectPlugin });
  console.log(formatResults(outcome));
  log(`${ours.name} against aws-cdk-lib ${cdk.version} and constructs ${constructs.version} (${constructsSpec}) in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  process.exitCode = outcome.failed ? 1 : 0;
}

module.exports = { checkAssemblies, formatResults, readAssembly, loadPublishedAssembly, typeEquals, typeString };

if (require.main === module) {
  main().catch((e) => {
    console.error(`assemblies: ${e.stack || e}`);
    process.exit(2);
  });
}

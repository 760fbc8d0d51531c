// The assembly check (compat/assemblies.js) on small in-memory assemblies: no network, no build.
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { gzipSync } from 'zlib';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkAssemblies, readAssembly, typeEquals } = require('../compat/assemblies');

type Json = any;
const S = { primitive: 'string' };
const N = { primitive: 'number' };
const ref = (fqn: string) => ({ fqn });
const prop = (name: string, type: Json, extra: Json = {}) => ({ name, type, immutable: true, ...extra });
const method = (name: string, parameters: Json[], returns?: Json, extra: Json = {}) =>
  ({ name, parameters, ...(returns ? { returns: { type: returns } } : {}), ...extra });
const iface = (fqn: string, members: { properties?: Json[]; methods?: Json[]; interfaces?: string[] } = {}) =>
  ({ fqn, kind: 'interface', ...members });
const cls = (fqn: string, members: { properties?: Json[]; methods?: Json[]; interfaces?: string[]; base?: string } = {}) =>
  ({ fqn, kind: 'class', ...members });
const asm = (name: string, version: string, types: Json[], extra: Json = {}) =>
  ({ name, version, types: Object.fromEntries(types.map((t) => [t.fqn, t])), ...extra });

const constructs = asm('constructs', '10.9.9', [
  iface('constructs.IDependable'),
  iface('constructs.IConstruct', { interfaces: ['constructs.IDependable'], properties: [prop('node', ref('constructs.Node'))] }),
  cls('constructs.Construct', { interfaces: ['constructs.IConstruct'], properties: [prop('node', ref('constructs.Node'))] }),
  cls('constructs.Node'),
]);

/** aws-cdk-lib "2.999.0": IThing extends IResource; Resource implements IResource. */
function cdk(change: (types: Record<string, Json>) => void = () => undefined) {
  const a = asm('aws-cdk-lib', '2.999.0', [
    cls('aws-cdk-lib.Stack'),
    { fqn: 'aws-cdk-lib.RemovalPolicy', kind: 'enum' },
    iface('aws-cdk-lib.IResource', {
      interfaces: ['constructs.IConstruct'],
      properties: [prop('stack', ref('aws-cdk-lib.Stack'))],
      methods: [method('applyRemovalPolicy', [{ name: 'policy', type: ref('aws-cdk-lib.RemovalPolicy') }], undefined, { abstract: true })],
    }),
    cls('aws-cdk-lib.Resource', {
      base: 'constructs.Construct',
      interfaces: ['aws-cdk-lib.IResource'],
      properties: [prop('stack', ref('aws-cdk-lib.Stack'))],
      methods: [method('applyRemovalPolicy', [{ name: 'policy', type: ref('aws-cdk-lib.RemovalPolicy') }])],
    }),
    iface('aws-cdk-lib.IThing', {
      interfaces: ['aws-cdk-lib.IResource'],
      properties: [prop('thingId', S)],
      methods: [method('grant', [{ name: 'who', type: S }, { name: 'actions', type: S, variadic: true }], N, { variadic: true })],
    }),
    iface('aws-cdk-lib.IPolicyValidationPluginBeta1', { properties: [prop('name', S)] }),
    iface('aws-cdk-lib.IPolicyValidationPlugin', { properties: [prop('name', S)] }),
    cls('aws-cdk-lib.Validations', {
      methods: [method('addPlugins', [{ name: 'plugins', type: ref('aws-cdk-lib.IPolicyValidationPlugin'), variadic: true }], undefined, { variadic: true })],
    }),
  ]);
  change(a.types);
  return a;
}

/** Our assembly: Thing extends Resource implements IThing, compiled against an older release. */
function ours(change: (types: Record<string, Json>) => void = () => undefined, extra: Json = {}) {
  const a = asm('my-lib', '0.0.0', [
    cls('my-lib.Thing', {
      base: 'aws-cdk-lib.Resource',
      interfaces: ['aws-cdk-lib.IThing'],
      properties: [prop('thingId', S)],
      methods: [method('grant', [{ name: 'who', type: S }, { name: 'actions', type: S, variadic: true }], N, { variadic: true })],
    }),
    iface('my-lib.ThingReference', { properties: [prop('thingId', S)] }),
    cls('my-lib.AppClientChecks', { interfaces: ['aws-cdk-lib.IPolicyValidationPluginBeta1'], properties: [prop('name', S)] }),
  ], { dependencies: { 'aws-cdk-lib': '^2.100.0', 'constructs': '^10.0.5' }, ...extra });
  change(a.types);
  return a;
}

function run(o: Json, c: Json, expectPlugin = false): { lines: string[]; passed: number; failed: number } {
  const out = checkAssemblies({ ours: o, cdk: c, constructs, expectPlugin });
  return { passed: out.passed, failed: out.failed, lines: out.results.map((r: Json) => `${r.status.padEnd(4)} ${r.text}`) };
}
const line = (lines: string[], start: string) => lines.find((l) => l.startsWith(start)) ?? `(no line starting ${start})`;

test('pass: every member declared on the class or inherited from an aws-cdk-lib base class', () => {
  const { lines, failed, passed } = run(ours(), cdk());
  expect(lines).toEqual([
    'ok   AppClientChecks implements aws-cdk-lib.IPolicyValidationPluginBeta1 (1 member) on aws-cdk-lib 2.999.0',
    // thingId, grant (ours); stack, applyRemovalPolicy (aws-cdk-lib.Resource); node (constructs.Construct)
    'ok   Thing implements aws-cdk-lib.IThing (5 members) on aws-cdk-lib 2.999.0',
    'ok   Thing implements aws-cdk-lib.IResource (3 members) on aws-cdk-lib 2.999.0',
    'ok   Thing implements constructs.IConstruct (1 member) on aws-cdk-lib 2.999.0',
    'ok   Thing implements constructs.IDependable (0 members) on aws-cdk-lib 2.999.0',
    'ok   references: the 3 aws-cdk-lib/constructs types my-lib refers to exist on aws-cdk-lib 2.999.0',
    "ok   dependencies: my-lib's assembly does not depend on cdk-nag (aws-cdk-lib, constructs)",
    'info plugin: AppClientChecks implements aws-cdk-lib.IPolicyValidationPluginBeta1; Validations.addPlugins on aws-cdk-lib 2.999.0 takes aws-cdk-lib.IPolicyValidationPlugin',
  ]);
  expect([passed, failed]).toEqual([7, 0]);
});

test('member missing: the interface grew a member in the given release', () => {
  const { lines, failed } = run(ours(), cdk((t) => t['aws-cdk-lib.IThing'].properties.push(prop('thingArn', S))));
  expect(line(lines, 'FAIL Thing implements aws-cdk-lib.IThing')).toBe(
    'FAIL Thing implements aws-cdk-lib.IThing (6 members) on aws-cdk-lib 2.999.0: member thingArn is missing (property from aws-cdk-lib.IThing)');
  expect(failed).toBe(1);
});

test('member missing through a new base interface, and a member the aws-cdk-lib base class lacks', () => {
  const { lines } = run(ours(), cdk((t) => {
    t['aws-cdk-lib.IEnvironmentAware'] = iface('aws-cdk-lib.IEnvironmentAware', { properties: [prop('env', S)] });
    t['aws-cdk-lib.IResource'].interfaces.push('aws-cdk-lib.IEnvironmentAware');
  }));
  // Resource claims IResource in the given release: it counts as implementing env (aws-cdk-lib is compiled as a whole)
  expect(line(lines, 'ok   Thing implements aws-cdk-lib.IEnvironmentAware')).toBe('ok   Thing implements aws-cdk-lib.IEnvironmentAware (1 member) on aws-cdk-lib 2.999.0');
  // ...but a member that no class of the chain declares, nor claims through an interface, is missing
  const { lines: l2 } = run(ours(), cdk((t) => {
    t['aws-cdk-lib.IThing'].interfaces.push('aws-cdk-lib.IThingRef');
    t['aws-cdk-lib.IThingRef'] = iface('aws-cdk-lib.IThingRef', { properties: [prop('thingRef', ref('aws-cdk-lib.ThingReference'))] });
    t['aws-cdk-lib.ThingReference'] = iface('aws-cdk-lib.ThingReference', { properties: [prop('thingId', S)] });
  }));
  expect(line(l2, 'FAIL Thing implements aws-cdk-lib.IThingRef')).toBe(
    'FAIL Thing implements aws-cdk-lib.IThingRef (1 member) on aws-cdk-lib 2.999.0: member thingRef is missing (property from aws-cdk-lib.IThingRef)');
});

test('member with a different type (the Go duplicate method / Java AbstractMethodError case)', () => {
  const o = ours((t) => t['my-lib.Thing'].properties.push(prop('thingRef', ref('my-lib.ThingReference'))));
  const c = cdk((t) => {
    t['aws-cdk-lib.IThing'].interfaces.push('aws-cdk-lib.IThingRef');
    t['aws-cdk-lib.IThingRef'] = iface('aws-cdk-lib.IThingRef', { properties: [prop('thingRef', ref('aws-cdk-lib.ThingReference'))] });
    t['aws-cdk-lib.ThingReference'] = iface('aws-cdk-lib.ThingReference', { properties: [prop('thingId', S)] });
  });
  const { lines, failed } = run(o, c);
  expect(line(lines, 'FAIL Thing implements aws-cdk-lib.IThing ')).toBe(
    'FAIL Thing implements aws-cdk-lib.IThing (6 members) on aws-cdk-lib 2.999.0: member thingRef has type my-lib.ThingReference, '
    + 'the interface wants aws-cdk-lib.ThingReference (from aws-cdk-lib.IThingRef)');
  expect(line(lines, 'FAIL Thing implements aws-cdk-lib.IThingRef ')).toContain('member thingRef has type my-lib.ThingReference');
  expect(failed).toBe(2);
  // the release before the interface grew: passes
  expect(run(o, cdk()).failed).toBe(0);
});

test('method signatures: parameter type, variadic flag and return type', () => {
  const grant = (t: Json) => t['my-lib.Thing'].methods[0];
  expect(line(run(ours((t) => { grant(t).parameters[0].type = N; }), cdk()).lines, 'FAIL Thing implements aws-cdk-lib.IThing')).toContain(
    'member grant takes (who: number, ...actions: string), the interface wants (who: string, ...actions: string) (from aws-cdk-lib.IThing)');
  expect(line(run(ours((t) => { delete grant(t).parameters[1].variadic; }), cdk()).lines, 'FAIL Thing implements aws-cdk-lib.IThing')).toContain(
    'member grant takes (who: string, actions: string)');
  expect(line(run(ours((t) => { grant(t).returns.type = { collection: { kind: 'array', elementtype: N } }; }), cdk()).lines, 'FAIL Thing')).toContain(
    'member grant returns Array<number>, the interface wants number');
  expect(line(run(ours((t) => { t['my-lib.Thing'].properties.push(prop('grant', S)); t['my-lib.Thing'].methods = []; }), cdk()).lines, 'FAIL Thing')).toContain(
    'member grant is a property, the interface wants a method');
});

test('member inherited from an aws-cdk-lib base class, resolved in the given release', () => {
  // The given release's Resource declares stack with another type: the class inherits that one.
  const { lines } = run(ours(), cdk((t) => { t['aws-cdk-lib.Resource'].properties[0].type = S; }));
  expect(line(lines, 'FAIL Thing implements aws-cdk-lib.IThing')).toContain(
    'member stack has type string (declared on aws-cdk-lib.Resource), the interface wants aws-cdk-lib.Stack (from aws-cdk-lib.IResource)');
  // A base class of ours in between, and the aws-cdk-lib base class above it.
  const o = ours((t) => {
    t['my-lib.Base'] = cls('my-lib.Base', { base: 'aws-cdk-lib.Resource', properties: [prop('thingId', S)] });
    t['my-lib.Thing'] = cls('my-lib.Thing', { base: 'my-lib.Base', interfaces: ['aws-cdk-lib.IThing'], methods: t['my-lib.Thing'].methods });
  });
  expect(run(o, cdk()).failed).toBe(0);
  // The aws-cdk-lib base class is gone in the given release.
  const { lines: l2 } = run(o, cdk((t) => { delete t['aws-cdk-lib.Resource']; }));
  expect(line(l2, 'FAIL Thing on')).toBe('FAIL Thing on aws-cdk-lib 2.999.0: base class aws-cdk-lib.Resource (of Base) does not exist in aws-cdk-lib 2.999.0');
  expect(line(l2, 'FAIL Thing implements aws-cdk-lib.IThing')).toContain('member stack is missing');
});

test('optional mismatch: optional on the class, required by the interface; read-only vs writable', () => {
  const { lines } = run(ours((t) => { t['my-lib.Thing'].properties[0].optional = true; }), cdk());
  expect(line(lines, 'FAIL Thing implements aws-cdk-lib.IThing')).toBe(
    'FAIL Thing implements aws-cdk-lib.IThing (5 members) on aws-cdk-lib 2.999.0: member thingId is optional, the interface\'s is not (from aws-cdk-lib.IThing)');
  // the other way round is fine: a class may promise more than the interface
  expect(run(ours(), cdk((t) => { t['aws-cdk-lib.IThing'].properties[0].optional = true; })).failed).toBe(0);
  const { lines: l2 } = run(ours(), cdk((t) => { delete t['aws-cdk-lib.IThing'].properties[0].immutable; }));
  expect(line(l2, 'FAIL Thing')).toContain("member thingId is read-only, the interface's is writable");
  const { lines: l3 } = run(ours((t) => { t['my-lib.Thing'].methods[0].parameters[0].optional = true; }), cdk());
  expect(line(l3, 'FAIL Thing')).toContain('member grant takes (who?: string, ...actions: string), the interface wants (who: string, ...actions: string)');
});

test('unresolved fqns: a moved interface, a moved member type', () => {
  const { lines } = run(ours(), cdk((t) => {
    t['aws-cdk-lib.interfaces.IThing'] = { ...t['aws-cdk-lib.IThing'], fqn: 'aws-cdk-lib.interfaces.IThing' };
    delete t['aws-cdk-lib.IThing'];
  }));
  expect(line(lines, 'FAIL Thing implements aws-cdk-lib.IThing')).toBe(
    'FAIL Thing implements aws-cdk-lib.IThing (0 members) on aws-cdk-lib 2.999.0: interface aws-cdk-lib.IThing does not exist in aws-cdk-lib 2.999.0');
  expect(line(lines, 'FAIL references')).toBe(
    'FAIL references: the 3 aws-cdk-lib/constructs types my-lib refers to exist on aws-cdk-lib 2.999.0: aws-cdk-lib.IThing (used by Thing) does not exist in aws-cdk-lib 2.999.0');
  const { lines: l2 } = run(ours(), cdk((t) => { delete t['aws-cdk-lib.Stack']; }));
  expect(line(l2, 'FAIL Thing implements aws-cdk-lib.IThing')).toContain(
    "member stack: its type aws-cdk-lib.Stack does not exist in aws-cdk-lib 2.999.0; member stack: the interface's type aws-cdk-lib.Stack does not exist");
});

test('only the assembly\'s types are checked (private classes are not in it); classes without library interfaces give no pair', () => {
  const o = ours((t) => { t['my-lib.Helper'] = cls('my-lib.Helper', { properties: [prop('x', S)] }); });
  expect(run(o, cdk()).lines.filter((l) => l.includes('Helper'))).toEqual([]);
});

test('cdk-nag in the dependencies fails', () => {
  const o = ours(undefined, { dependencies: { 'aws-cdk-lib': '^2.100.0', 'cdk-nag': '>=2.27.0 <4.0.0' } });
  const { lines, failed } = run(o, cdk());
  expect(line(lines, 'FAIL dependencies')).toBe(
    "FAIL dependencies: my-lib's assembly depends on cdk-nag (dependencies has cdk-nag >=2.27.0 <4.0.0); cdk-nag must be loaded at run time only");
  expect(failed).toBe(1);
});

test('--expect-plugin: the parameter type of Validations.addPlugins in the given release', () => {
  expect(line(run(ours(), cdk(), true).lines, 'FAIL plugin')).toBe(
    'FAIL plugin: AppClientChecks implements aws-cdk-lib.IPolicyValidationPluginBeta1; Validations.addPlugins on aws-cdk-lib 2.999.0 takes aws-cdk-lib.IPolicyValidationPlugin');
  const o = ours((t) => { t['my-lib.AppClientChecks'].interfaces = ['aws-cdk-lib.IPolicyValidationPlugin']; });
  expect(line(run(o, cdk(), true).lines, 'ok   plugin')).toBe(
    'ok   plugin: AppClientChecks implements aws-cdk-lib.IPolicyValidationPlugin; Validations.addPlugins on aws-cdk-lib 2.999.0 takes aws-cdk-lib.IPolicyValidationPlugin');
  // follows aws-cdk-lib: another parameter type in another release
  const c = cdk((t) => { t['aws-cdk-lib.Validations'].methods[0].parameters[0].type = ref('aws-cdk-lib.IPolicyValidationPluginBeta1'); });
  expect(line(run(ours(), c, true).lines, 'ok   plugin')).toContain('takes aws-cdk-lib.IPolicyValidationPluginBeta1');
  // the assembly name is read, not assumed
  const renamed = JSON.parse(JSON.stringify(ours()).replace(/my-lib/g, 'my-lib-classic'));
  renamed.types['my-lib-classic.AppClientChecks'].interfaces = ['aws-cdk-lib.IPolicyValidationPlugin'];
  expect(run(renamed, cdk(), true).failed).toBe(0);
});

test('union types compare in any order; collections by kind and element', () => {
  const u = (...types: Json[]) => ({ union: { types } });
  expect(typeEquals(u(S, N), u(N, S))).toBe(true);
  expect(typeEquals(u(S, N), u(S, S))).toBe(false);
  expect(typeEquals({ collection: { kind: 'map', elementtype: S } }, { collection: { kind: 'array', elementtype: S } })).toBe(false);
});

test('readAssembly follows the gzip redirect', () => {
  const dir = mkdtempSync(join(tmpdir(), 'assemblies-test-'));
  try {
    writeFileSync(join(dir, '.jsii'), JSON.stringify({ schema: 'jsii/file-redirect', compression: 'gzip', filename: '.jsii.gz' }));
    writeFileSync(join(dir, '.jsii.gz'), gzipSync(JSON.stringify(ours())));
    expect(readAssembly(dir).name).toBe('my-lib');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

import { Lazy, Token } from 'aws-cdk-lib';
import { ClientRules, Severity } from '../../src';

const BASE = { UserPoolId: 'us-east-1_AbCdEf123', ClientName: 'web-client' };
const ids = (p: any) => ClientRules.check(p).map(f => f.ruleId);
const find = (p: any, ruleId: string) => ClientRules.check(p).filter(f => f.ruleId === ruleId);

const STANDARD = [
  'address', 'birthdate', 'email', 'email_verified', 'family_name', 'gender', 'given_name', 'locale',
  'middle_name', 'name', 'nickname', 'phone_number', 'phone_number_verified', 'picture',
  'preferred_username', 'profile', 'sub', 'updated_at', 'website', 'zoneinfo',
];
const WRITABLE = STANDARD.filter(a => !['email_verified', 'phone_number_verified', 'sub'].includes(a));

describe('clean clients', () => {
  test('all standard attributes readable and all mutable ones writable', () => {
    expect(ClientRules.check({
      ...BASE,
      ReadAttributes: [...STANDARD, 'custom:tenant', 'dev:custom:flag'],
      WriteAttributes: [...WRITABLE, 'custom:tenant'],
    })).toEqual([]);
  });
});

describe('attr-name-length', () => {
  test.each([
    ['ReadAttributes', 1, 'x'],
    ['ReadAttributes', 5, 'email'],
    ['WriteAttributes', 2048, 'custom:' + 'a'.repeat(2041)],
  ])('accepts a %s entry of %d chars', (prop, _n, a) => {
    expect(ids({ ...BASE, [prop]: [a] })).not.toContain('attr-name-length');
  });

  test.each([
    ['ReadAttributes', 0, ''],
    ['WriteAttributes', 0, ''],
    ['ReadAttributes', 2049, 'custom:' + 'a'.repeat(2042)],
    ['WriteAttributes', 2049, 'x'.repeat(2049)],
  ])('fails when a %s entry is %d chars long', (prop, _n, a) => {
    expect(ClientRules.check({ ...BASE, [prop]: ['email', a] })).toContainEqual(expect.objectContaining({
      ruleId: 'attr-name-length', property: `${prop}[1]`, severity: Severity.ERROR,
    }));
  });

  test('has a fix', () => {
    const [f] = find({ ...BASE, ReadAttributes: [''] }, 'attr-name-length');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['a Ref entry', [{ Ref: 'A' }]],
    ['a CDK token entry', [Token.asString({ Ref: 'A' })]],
    ['a lazy entry', [Lazy.string({ produce: () => '' })]],
    ['a Ref list', { Ref: 'Attrs' }],
  ])('skips %s', (_d, list) => {
    expect(ids({ ...BASE, ReadAttributes: list, WriteAttributes: list })).not.toContain('attr-name-length');
  });
});

describe('attr-write-immutable', () => {
  test.each(['email_verified', 'phone_number_verified', 'sub'])('fails when WriteAttributes has %s', (a) => {
    expect(ClientRules.check({ ...BASE, WriteAttributes: ['email', a] })).toContainEqual(expect.objectContaining({
      ruleId: 'attr-write-immutable', property: 'WriteAttributes[1]', severity: Severity.ERROR,
    }));
  });

  test('the message names the attribute and the fix is non-empty', () => {
    const [f] = find({ ...BASE, WriteAttributes: ['email_verified'] }, 'attr-write-immutable');
    expect(f.message).toContain('email_verified');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['the same attributes in ReadAttributes', { ReadAttributes: ['email_verified', 'phone_number_verified', 'sub'] }],
    ['mutable standard attributes', { WriteAttributes: WRITABLE }],
    ['a custom attribute', { WriteAttributes: ['custom:email_verified'] }],
    ['an unresolved entry', { WriteAttributes: [{ Ref: 'A' }] }],
    ['a CDK token entry', { WriteAttributes: [Token.asString({ Ref: 'A' })] }],
    ['a Ref list', { WriteAttributes: { Ref: 'Attrs' } }],
    ['a CDK list token', { WriteAttributes: Token.asList({ Ref: 'Attrs' }) }],
  ])('accepts %s', (_d, extra) => {
    expect(ids({ ...BASE, ...extra })).not.toContain('attr-write-immutable');
  });
});

describe('attr-exists (per client)', () => {
  test.each([
    ...STANDARD,
    'custom:tenant',
    'custom:a',
    'custom:' + 'a'.repeat(20),
    'dev:custom:x',
    'dev:custom:' + 'a'.repeat(20),
  ])('accepts %s in ReadAttributes', (a) => {
    expect(ids({ ...BASE, ReadAttributes: [a] })).not.toContain('attr-exists');
  });

  test.each([
    'custom:',
    'custom:' + 'a'.repeat(21),
    'dev:custom:',
    'dev:custom:' + 'a'.repeat(21),
    'Email',
    'EMAIL',
    'email ',
    'tenant',
    'phone',
    'custom_tenant',
    'dev:tenant',
    'Custom:tenant',
  ])('fails when an entry is %j', (a) => {
    for (const prop of ['ReadAttributes', 'WriteAttributes']) {
      expect(ClientRules.check({ ...BASE, [prop]: ['email', a] })).toContainEqual(expect.objectContaining({
        ruleId: 'attr-exists', property: `${prop}[1]`, severity: Severity.ERROR,
      }));
    }
  });

  test('the message quotes the attribute', () => {
    const [f] = find({ ...BASE, ReadAttributes: ['tenant'] }, 'attr-exists');
    expect(f.message).toContain('tenant');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['a Ref entry', [{ Ref: 'A' }]],
    ['an Fn::Sub entry', [{ 'Fn::Sub': 'custom:${Name}' }]],
    ['a CDK token entry', [Token.asString({ Ref: 'A' })]],
    ['a CDK token inside custom:', [`custom:${Token.asString({ Ref: 'Name' })}`]],
    ['a lazy entry', [Lazy.string({ produce: () => 'nope' })]],
    ['a Ref list', { Ref: 'Attrs' }],
    ['a CDK list token', Token.asList({ Ref: 'Attrs' })],
  ])('skips %s', (_d, list) => {
    expect(ids({ ...BASE, ReadAttributes: list })).not.toContain('attr-exists');
  });
});

import { Lazy, Token } from 'aws-cdk-lib';
import { ClientRules, Severity } from '../../src';

const BASE = { UserPoolId: 'us-east-1_AbCdEf123', ClientName: 'web-client' };
const ids = (p: any) => ClientRules.check(p).map(f => f.ruleId);
const find = (p: any, ruleId: string) => ClientRules.check(p).filter(f => f.ruleId === ruleId);
const rot = (r: any, extra: any = {}) => ({ ...BASE, ...extra, RefreshTokenRotation: r });

describe('clean clients', () => {
  test('rotation enabled with a grace period and no refresh-token flow is clean', () => {
    expect(ClientRules.check(rot(
      { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
      { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] },
    ))).toEqual([]);
  });

  test('rotation disabled is clean', () => {
    expect(ClientRules.check(rot({ Feature: 'DISABLED' }))).toEqual([]);
  });
});

describe('refresh-rotation-feature-enum', () => {
  test.each(['ENABLED', 'DISABLED'])('accepts %s', (feature) => {
    expect(ids(rot({ Feature: feature }))).not.toContain('refresh-rotation-feature-enum');
  });

  test.each(['enabled', 'Enabled', 'disabled', 'ON', 'true', '', 'ENABLED '])('fails when Feature is %j', (feature) => {
    expect(ClientRules.check(rot({ Feature: feature }))).toContainEqual(expect.objectContaining({
      ruleId: 'refresh-rotation-feature-enum', property: 'RefreshTokenRotation.Feature', severity: Severity.ERROR,
    }));
  });

  test('the message quotes the value and the fix is non-empty', () => {
    const [f] = find(rot({ Feature: 'Enabled' }), 'refresh-rotation-feature-enum');
    expect(f.message).toContain('Enabled');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test('does not apply without RefreshTokenRotation', () => {
    expect(ids(BASE)).not.toContain('refresh-rotation-feature-enum');
  });

  test.each([
    ['Ref', { Ref: 'Feature' }],
    ['Fn::If with an unresolved branch', { 'Fn::If': ['C', 'ENABLED', { Ref: 'Other' }] }],
    ['Token.asString', Token.asString({ Ref: 'F' })],
    ['Lazy.string', Lazy.string({ produce: () => 'bogus' })],
  ])('skips an unresolved Feature (%s)', (_d, feature) => {
    expect(ids(rot({ Feature: feature }))).not.toContain('refresh-rotation-feature-enum');
  });
});

describe('refresh-rotation-feature-required', () => {
  test.each([
    ['an empty object', {}],
    ['only a grace period', { RetryGracePeriodSeconds: 10 }],
  ])('fails when RefreshTokenRotation is %s', (_d, r) => {
    expect(ClientRules.check(rot(r))).toContainEqual(expect.objectContaining({
      ruleId: 'refresh-rotation-feature-required', severity: Severity.ERROR,
    }));
  });

  test('has a fix', () => {
    const [f] = find(rot({ RetryGracePeriodSeconds: 10 }), 'refresh-rotation-feature-required');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['ENABLED', { Feature: 'ENABLED' }],
    ['DISABLED', { Feature: 'DISABLED' }],
    ['an unresolved Feature', { Feature: { Ref: 'F' } }],
    ['a CDK token Feature', { Feature: Token.asString({ Ref: 'F' }) }],
  ])('accepts Feature %s', (_d, r) => {
    expect(ids(rot(r))).not.toContain('refresh-rotation-feature-required');
  });

  test('does not apply without RefreshTokenRotation', () => {
    expect(ids(BASE)).not.toContain('refresh-rotation-feature-required');
    expect(ids(rot({ Ref: 'AWS::NoValue' }))).not.toContain('refresh-rotation-feature-required');
  });

  test.each([
    ['Ref', { Ref: 'Rotation' }],
    ['Fn::If with AWS::NoValue', { 'Fn::If': ['C', { Feature: 'ENABLED' }, { Ref: 'AWS::NoValue' }] }],
    ['Fn::GetAtt', { 'Fn::GetAtt': ['X', 'Y'] }],
  ])('skips an unresolved RefreshTokenRotation (%s)', (_d, r) => {
    expect(ids(rot(r))).not.toContain('refresh-rotation-feature-required');
  });
});

describe('refresh-rotation-grace-range', () => {
  test.each([0, 1, 59, 60, '0', '60'])('accepts RetryGracePeriodSeconds %j', (g) => {
    expect(ids(rot({ Feature: 'ENABLED', RetryGracePeriodSeconds: g }))).not.toContain('refresh-rotation-grace-range');
  });

  test.each([-1, 61, 3600, '61'])('fails when RetryGracePeriodSeconds is %j', (g) => {
    expect(ClientRules.check(rot({ Feature: 'ENABLED', RetryGracePeriodSeconds: g }))).toContainEqual(
      expect.objectContaining({
        ruleId: 'refresh-rotation-grace-range',
        property: 'RefreshTokenRotation.RetryGracePeriodSeconds',
        severity: Severity.ERROR,
      }));
  });

  test('the message quotes the value', () => {
    const [f] = find(rot({ Feature: 'ENABLED', RetryGracePeriodSeconds: 61 }), 'refresh-rotation-grace-range');
    expect(f.message).toContain('61');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test('applies whatever the Feature is', () => {
    expect(ids(rot({ Feature: 'DISABLED', RetryGracePeriodSeconds: 61 }))).toContain('refresh-rotation-grace-range');
    expect(ids(rot({ RetryGracePeriodSeconds: 61 }))).toContain('refresh-rotation-grace-range');
  });

  test.each([
    ['Ref', { Ref: 'G' }],
    ['Fn::If with an unresolved branch', { 'Fn::If': ['C', { Ref: 'Other' }, 10] }],
    ['Token.asNumber', Token.asNumber({ Ref: 'G' })],
  ])('skips an unresolved value (%s)', (_d, g) => {
    expect(ids(rot({ Feature: 'ENABLED', RetryGracePeriodSeconds: g }))).not.toContain('refresh-rotation-grace-range');
  });
});

describe('refresh-rotation-grace-ignored', () => {
  test.each([1, 60, '5'])('fails (warning) when DISABLED with a grace period of %j', (g) => {
    expect(ClientRules.check(rot({ Feature: 'DISABLED', RetryGracePeriodSeconds: g }))).toContainEqual(
      expect.objectContaining({ ruleId: 'refresh-rotation-grace-ignored', severity: Severity.WARNING }));
  });

  test('has a fix', () => {
    const [f] = find(rot({ Feature: 'DISABLED', RetryGracePeriodSeconds: 30 }), 'refresh-rotation-grace-ignored');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['DISABLED with 0', { Feature: 'DISABLED', RetryGracePeriodSeconds: 0 }],
    ['DISABLED without a grace period', { Feature: 'DISABLED' }],
    ['ENABLED with 60', { Feature: 'ENABLED', RetryGracePeriodSeconds: 60 }],
    ['ENABLED with 1', { Feature: 'ENABLED', RetryGracePeriodSeconds: 1 }],
  ])('accepts %s', (_d, r) => {
    expect(ids(rot(r, { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] }))).not.toContain('refresh-rotation-grace-ignored');
  });

  test.each([
    ['Feature unresolved', { Feature: { Ref: 'F' }, RetryGracePeriodSeconds: 10 }],
    ['Feature a CDK token', { Feature: Token.asString({ Ref: 'F' }), RetryGracePeriodSeconds: 10 }],
    ['grace unresolved', { Feature: 'DISABLED', RetryGracePeriodSeconds: { Ref: 'G' } }],
    ['grace a CDK token', { Feature: 'DISABLED', RetryGracePeriodSeconds: Token.asNumber({ Ref: 'G' }) }],
  ])('skips when %s', (_d, r) => {
    expect(ids(rot(r))).not.toContain('refresh-rotation-grace-ignored');
  });
});

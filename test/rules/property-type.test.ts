import { Token } from 'aws-cdk-lib';
import { ClientRules, Severity } from '../../src';

const BASE = { UserPoolId: 'us-east-1_AbCdEf123', ClientName: 'web-client' };
const ids = (p: any) => ClientRules.check(p).map(f => f.ruleId);
const find = (p: any, ruleId: string) => ClientRules.check(p).filter(f => f.ruleId === ruleId);
const expectTypeError = (p: any, property: string) => {
  expect(ClientRules.check(p)).toContainEqual(expect.objectContaining({
    ruleId: 'property-type', property, severity: Severity.ERROR,
  }));
};

const LIST_PROPS = [
  'CallbackURLs', 'LogoutURLs', 'AllowedOAuthFlows', 'AllowedOAuthScopes', 'ExplicitAuthFlows',
  'ReadAttributes', 'WriteAttributes', 'SupportedIdentityProviders',
];
const STRING_PROPS = ['UserPoolId', 'ClientName', 'DefaultRedirectURI', 'PreventUserExistenceErrors'];
const INTEGER_PROPS = ['AccessTokenValidity', 'IdTokenValidity', 'RefreshTokenValidity', 'AuthSessionValidity'];
const BOOLEAN_PROPS = [
  'GenerateSecret', 'AllowedOAuthFlowsUserPoolClient', 'EnableTokenRevocation', 'EnablePropagateAdditionalUserContextData',
];
const OBJECT_PROPS = ['TokenValidityUnits', 'RefreshTokenRotation', 'AnalyticsConfiguration'];

describe('property-type', () => {
  describe('list properties', () => {
    const wrong: Array<[string, any]> = [
      ['a string', 'https://app.example.org/cb'],
      ['a number', 5],
      ['null', null],
      ['a boolean', true],
      ['a plain object', { a: 1 }],
    ];
    for (const prop of LIST_PROPS) {
      test.each(wrong)(`fails when ${prop} is %s`, (_d, v) => {
        expectTypeError({ ...BASE, [prop]: v }, prop);
      });
    }

    test.each([
      ['a number', 1],
      ['null', null],
      ['a nested list', ['https://app.example.org/cb']],
      ['an object', { url: 'https://app.example.org/cb' }],
      ['a boolean', false],
    ])('fails when a list element is %s, at its index', (_d, v) => {
      const p = { ...BASE, CallbackURLs: ['https://app.example.org/cb', v] };
      expectTypeError(p, 'CallbackURLs[1]');
      expect(find(p, 'property-type').map(f => f.property)).not.toContain('CallbackURLs[0]');
    });

    test('an ill-typed element does not hide checks on the other elements', () => {
      const p = { ...BASE, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: ['http://app.example.org/cb', 5] };
      expectTypeError(p, 'CallbackURLs[1]');
      expect(ClientRules.check(p)).toContainEqual(expect.objectContaining({ ruleId: 'redirect-uri-https', property: 'CallbackURLs[0]' }));
    });

    test('numeric-looking strings are valid list elements', () => {
      expect(ids({ ...BASE, ReadAttributes: ['email'], SupportedIdentityProviders: ['COGNITO', '123'] })).not.toContain('property-type');
    });
  });

  describe('string properties', () => {
    const wrong: Array<[string, any]> = [
      ['a number', 123],
      ['null', null],
      ['a boolean', true],
      ['a list', ['x']],
      ['a plain object', { a: 'b' }],
    ];
    for (const prop of STRING_PROPS) {
      test.each(wrong)(`fails when ${prop} is %s`, (_d, v) => {
        expectTypeError({ ...BASE, [prop]: v }, prop);
      });
    }

    test('a numeric-looking string is still a string', () => {
      expect(ids({ ...BASE, ClientName: '123' })).not.toContain('property-type');
    });
  });

  describe('integer properties', () => {
    const wrong: Array<[string, any]> = [
      ['"1h"', '1h'],
      ['an empty string', ''],
      ['null', null],
      ['a boolean', true],
      ['a list', [60]],
      ['a plain object', { value: 60 }],
      ['an empty object', {}],
      ['a non-integer number', 1.5],
      ['"60 minutes"', '60 minutes'],
    ];
    for (const prop of INTEGER_PROPS) {
      test.each(wrong)(`fails when ${prop} is %s`, (_d, v) => {
        expectTypeError({ ...BASE, [prop]: v }, prop);
      });
    }

    test.each(INTEGER_PROPS)('a numeric string such as "5" is an integer for %s', (prop) => {
      expect(ids({ ...BASE, [prop]: '5' })).not.toContain('property-type');
    });
  });

  describe('boolean properties', () => {
    const wrong: Array<[string, any]> = [
      ['"True" (case-sensitive)', 'True'],
      ['"TRUE"', 'TRUE'],
      ['"yes"', 'yes'],
      ['1', 1],
      ['0', 0],
      ['null', null],
      ['a list', [true]],
      ['a plain object', { value: true }],
    ];
    for (const prop of BOOLEAN_PROPS) {
      test.each(wrong)(`fails when ${prop} is %s`, (_d, v) => {
        expectTypeError({ ...BASE, [prop]: v }, prop);
      });
    }

    test.each(BOOLEAN_PROPS)('"true" and "false" are booleans for %s', (prop) => {
      expect(ids({ ...BASE, [prop]: 'true' })).not.toContain('property-type');
      expect(ids({ ...BASE, [prop]: 'false' })).not.toContain('property-type');
    });
  });

  describe('object properties', () => {
    const wrong: Array<[string, any]> = [
      ['a list', []],
      ['a list of objects', [{}]],
      ['a string', 'hours'],
      ['a number', 1],
      ['null', null],
      ['a boolean', true],
    ];
    for (const prop of OBJECT_PROPS) {
      test.each(wrong)(`fails when ${prop} is %s`, (_d, v) => {
        expectTypeError({ ...BASE, [prop]: v }, prop);
      });
    }
  });

  describe('nested fields', () => {
    test.each([
      ['TokenValidityUnits.AccessToken', { TokenValidityUnits: { AccessToken: null } }],
      ['TokenValidityUnits.IdToken', { TokenValidityUnits: { IdToken: 5 } }],
      ['TokenValidityUnits.RefreshToken', { TokenValidityUnits: { RefreshToken: ['days'] } }],
      ['RefreshTokenRotation.Feature', { RefreshTokenRotation: { Feature: null } }],
      ['RefreshTokenRotation.Feature', { RefreshTokenRotation: { Feature: true } }],
      ['RefreshTokenRotation.RetryGracePeriodSeconds', { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 'ten' } }],
      ['RefreshTokenRotation.RetryGracePeriodSeconds', { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: null } }],
      ['RefreshTokenRotation.RetryGracePeriodSeconds', { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 2.5 } }],
      ['AnalyticsConfiguration.ApplicationArn', { AnalyticsConfiguration: { ApplicationArn: null } }],
      ['AnalyticsConfiguration.ApplicationId', { AnalyticsConfiguration: { ApplicationId: 123 } }],
      ['AnalyticsConfiguration.RoleArn', { AnalyticsConfiguration: { ApplicationId: 'abc', RoleArn: ['arn'], ExternalId: 'x' } }],
      ['AnalyticsConfiguration.UserDataShared', { AnalyticsConfiguration: { ApplicationArn: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc', UserDataShared: 'yes' } }],
    ])('fails on %s', (property, extra) => {
      expectTypeError({ ...BASE, ...extra }, property);
    });

    test('nested numeric strings and boolean strings are converted', () => {
      expect(ids({
        ...BASE,
        RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: '10' },
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
        AnalyticsConfiguration: { ApplicationArn: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc', UserDataShared: 'false' },
      })).not.toContain('property-type');
    });
  });

  test('the message names the property and the fix is non-empty', () => {
    const [f] = find({ ...BASE, AccessTokenValidity: '1h' }, 'property-type');
    expect(f.message).toContain('AccessTokenValidity');
    expect(f.message).toContain('1h');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  describe('valid JSON types are not findings', () => {
    test('a fully typed client with string conversions is clean', () => {
      expect(ClientRules.check({
        ...BASE,
        GenerateSecret: 'true',
        AllowedOAuthFlowsUserPoolClient: 'true',
        EnableTokenRevocation: 'false',
        AccessTokenValidity: '60',
        IdTokenValidity: '60',
        RefreshTokenValidity: '30',
        AuthSessionValidity: '5',
        TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid'],
        CallbackURLs: ['https://app.example.org/cb'],
      })).toEqual([]);
    });

    test.each([
      ['Ref list', 'CallbackURLs', { Ref: 'Urls' }],
      ['Fn::Split list', 'CallbackURLs', { 'Fn::Split': [',', { Ref: 'Urls' }] }],
      ['CDK list token', 'CallbackURLs', Token.asList({ Ref: 'Urls' })],
      ['Ref number', 'AccessTokenValidity', { Ref: 'N' }],
      ['CDK number token', 'AccessTokenValidity', Token.asNumber({ Ref: 'N' })],
      ['Ref boolean', 'GenerateSecret', { Ref: 'Gen' }],
      ['CDK any token', 'GenerateSecret', Token.asAny({ Ref: 'Gen' })],
      ['Ref object', 'TokenValidityUnits', { Ref: 'Units' }],
      ['Fn::If object', 'RefreshTokenRotation', { 'Fn::If': ['C', { Feature: 'ENABLED' }, { Ref: 'AWS::NoValue' }] }],
      ['GetAtt string', 'ClientName', { 'Fn::GetAtt': ['X', 'Y'] }],
      ['AWS::NoValue', 'CallbackURLs', { Ref: 'AWS::NoValue' }],
      ['AWS::NoValue', 'AccessTokenValidity', { Ref: 'AWS::NoValue' }],
    ])('an intrinsic (%s) for %s is not a type error', (_d, prop, v) => {
      expect(ids({ ...BASE, [prop]: v })).not.toContain('property-type');
    });
  });

  describe('an ill-typed property is unknown to the other rules', () => {
    test('an ill-typed CallbackURLs does not trigger oauth-callback-required', () => {
      // GIVEN a code-flow client whose CallbackURLs is a string, not a list
      const p = {
        ...BASE,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid'],
        CallbackURLs: 'https://app.example.org/cb',
      };
      // THEN the type error is reported, and the list counts as unknown rather than absent
      expectTypeError(p, 'CallbackURLs');
      expect(ids(p)).not.toContain('oauth-callback-required');
    });

    test('a null CallbackURLs does not trigger oauth-callback-required', () => {
      const p = {
        ...BASE,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid'],
        CallbackURLs: null,
      };
      expectTypeError(p, 'CallbackURLs');
      expect(ids(p)).not.toContain('oauth-callback-required');
    });

    test('an ill-typed AllowedOAuthFlows does not trigger oauth-flows-scopes-required', () => {
      const p = { ...BASE, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: 'code', AllowedOAuthScopes: ['openid'] };
      expectTypeError(p, 'AllowedOAuthFlows');
      expect(ids(p)).not.toContain('oauth-flows-scopes-required');
    });

    test('an ill-typed ClientName gets no length or pattern finding', () => {
      const p = { ...BASE, ClientName: 123 };
      expect(ids(p)).not.toContain('client-name-length');
      expect(ids(p)).not.toContain('client-name-pattern');
    });

    test('an ill-typed AccessTokenValidity gets no range finding', () => {
      const p = { ...BASE, AccessTokenValidity: '1h' };
      expect(ids(p)).not.toContain('token-validity-range');
      expect(ids(p)).not.toContain('token-validity-raw-bounds');
    });

    test('an ill-typed AccessTokenValidity still counts as set for token-unit-without-value', () => {
      expect(ids({ ...BASE, AccessTokenValidity: '1h', TokenValidityUnits: { AccessToken: 'minutes' } }))
        .not.toContain('token-unit-without-value');
    });

    test('a null Feature is unknown, not absent (no refresh-rotation-feature-required)', () => {
      const p = { ...BASE, RefreshTokenRotation: { Feature: null } };
      expectTypeError(p, 'RefreshTokenRotation.Feature');
      expect(ids(p)).not.toContain('refresh-rotation-feature-required');
      expect(ids(p)).not.toContain('refresh-rotation-feature-enum');
    });

    test('an ill-typed ExplicitAuthFlows gets no flow findings', () => {
      const p = { ...BASE, ExplicitAuthFlows: 'ALLOW_USER_SRP_AUTH', RefreshTokenRotation: { Feature: 'ENABLED' } };
      expectTypeError(p, 'ExplicitAuthFlows');
      expect(ids(p)).not.toContain('auth-flows-refresh-required');
      expect(ids(p)).not.toContain('auth-flows-rotation-defaults');
      expect(ids(p)).not.toContain('auth-flows-enum');
    });

    test('an ill-typed GenerateSecret is not "no secret"', () => {
      const p = {
        ...BASE, GenerateSecret: 'yes', EnablePropagateAdditionalUserContextData: true,
      };
      expectTypeError(p, 'GenerateSecret');
      expect(ids(p)).not.toContain('context-data-needs-secret');
    });

    test('an ill-typed flag is not "flag not true"', () => {
      const p = { ...BASE, AllowedOAuthFlowsUserPoolClient: 'TRUE', AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: ['https://app.example.org/cb'] };
      expectTypeError(p, 'AllowedOAuthFlowsUserPoolClient');
      expect(ids(p)).not.toContain('oauth-settings-need-flag');
    });

    test('an ill-typed AnalyticsConfiguration gets no analytics findings but the type error', () => {
      const p = { ...BASE, AnalyticsConfiguration: [] };
      expectTypeError(p, 'AnalyticsConfiguration');
      expect(ids(p)).not.toContain('analytics-target-required');
    });
  });
});

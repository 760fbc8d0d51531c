import { Lazy, Token } from 'aws-cdk-lib';
import { ClientRules, Severity } from '../../src';

const BASE = { UserPoolId: 'us-east-1_AbCdEf123', ClientName: 'web-client' };
const ids = (p: any) => ClientRules.check(p).map(f => f.ruleId);
const find = (p: any, ruleId: string) => ClientRules.check(p).filter(f => f.ruleId === ruleId);

describe('clean clients', () => {
  test('explicit units and in-range values give no findings', () => {
    expect(ClientRules.check({
      ...BASE,
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      AuthSessionValidity: 3,
    })).toEqual([]);
  });

  test('numeric strings are read as integers', () => {
    expect(ClientRules.check({
      ...BASE,
      AccessTokenValidity: '60',
      IdTokenValidity: '60',
      RefreshTokenValidity: '30',
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      AuthSessionValidity: '15',
    })).toEqual([]);
  });
});

describe('token-validity-range', () => {
  // access and id tokens: 300 s .. 86400 s
  test.each([
    ['AccessTokenValidity', 'AccessToken', 300, 'seconds'],
    ['AccessTokenValidity', 'AccessToken', 86400, 'seconds'],
    ['AccessTokenValidity', 'AccessToken', 5, 'minutes'],
    ['AccessTokenValidity', 'AccessToken', 1440, 'minutes'],
    ['AccessTokenValidity', 'AccessToken', 1, 'hours'],
    ['AccessTokenValidity', 'AccessToken', 24, 'hours'],
    ['AccessTokenValidity', 'AccessToken', 1, 'days'],
    ['IdTokenValidity', 'IdToken', 300, 'seconds'],
    ['IdTokenValidity', 'IdToken', 86400, 'seconds'],
    ['IdTokenValidity', 'IdToken', 5, 'minutes'],
    ['IdTokenValidity', 'IdToken', 1440, 'minutes'],
    ['IdTokenValidity', 'IdToken', 24, 'hours'],
    ['IdTokenValidity', 'IdToken', 1, 'days'],
  ])('accepts %s (%s unit) = %d %s', (prop, unit, v, u) => {
    expect(ids({ ...BASE, [prop]: v, TokenValidityUnits: { [unit]: u } })).not.toContain('token-validity-range');
  });

  test.each([
    ['AccessTokenValidity', 'AccessToken', 299, 'seconds'],
    ['AccessTokenValidity', 'AccessToken', 86401, 'seconds'],
    ['AccessTokenValidity', 'AccessToken', 4, 'minutes'],
    ['AccessTokenValidity', 'AccessToken', 1441, 'minutes'],
    ['AccessTokenValidity', 'AccessToken', 25, 'hours'],
    ['AccessTokenValidity', 'AccessToken', 2, 'days'],
    ['IdTokenValidity', 'IdToken', 299, 'seconds'],
    ['IdTokenValidity', 'IdToken', 4, 'minutes'],
    ['IdTokenValidity', 'IdToken', 1441, 'minutes'],
    ['IdTokenValidity', 'IdToken', 25, 'hours'],
    ['IdTokenValidity', 'IdToken', 2, 'days'],
  ])('fails when %s (%s unit) = %d %s', (prop, unit, v, u) => {
    expect(ClientRules.check({ ...BASE, [prop]: v, TokenValidityUnits: { [unit]: u } })).toContainEqual(
      expect.objectContaining({ ruleId: 'token-validity-range', property: prop, severity: Severity.ERROR }));
  });

  test.each([
    [3600, 'seconds'],
    [315360000, 'seconds'],
    [60, 'minutes'],
    [5256000, 'minutes'],
    [1, 'hours'],
    [87600, 'hours'],
    [1, 'days'],
    [3650, 'days'],
  ])('accepts RefreshTokenValidity = %d %s', (v, u) => {
    expect(ids({ ...BASE, RefreshTokenValidity: v, TokenValidityUnits: { RefreshToken: u } }))
      .not.toContain('token-validity-range');
  });

  test.each([
    [3599, 'seconds'],
    [59, 'minutes'],
    [5256001, 'minutes'],
    [87601, 'hours'],
    [3651, 'days'],
    [36500, 'days'],
  ])('fails when RefreshTokenValidity = %d %s', (v, u) => {
    expect(ClientRules.check({ ...BASE, RefreshTokenValidity: v, TokenValidityUnits: { RefreshToken: u } }))
      .toContainEqual(expect.objectContaining({
        ruleId: 'token-validity-range', property: 'RefreshTokenValidity', severity: Severity.ERROR,
      }));
  });

  describe('default units (hours, hours, days)', () => {
    test.each([
      ['AccessTokenValidity', 1],
      ['AccessTokenValidity', 24],
      ['IdTokenValidity', 1],
      ['IdTokenValidity', 24],
      ['RefreshTokenValidity', 1],
      ['RefreshTokenValidity', 3650],
    ])('accepts %s = %d without TokenValidityUnits', (prop, v) => {
      expect(ids({ ...BASE, [prop]: v })).not.toContain('token-validity-range');
    });

    test.each([
      ['AccessTokenValidity', 25],
      ['IdTokenValidity', 25],
      ['AccessTokenValidity', 60],
      ['RefreshTokenValidity', 3651],
    ])('fails when %s = %d without TokenValidityUnits', (prop, v) => {
      expect(ClientRules.check({ ...BASE, [prop]: v })).toContainEqual(
        expect.objectContaining({ ruleId: 'token-validity-range', property: prop, severity: Severity.ERROR }));
    });

    test('fails when units exist for another token only (the default unit applies)', () => {
      // 60 hours for the access token
      const p = { ...BASE, AccessTokenValidity: 60, IdTokenValidity: 60, TokenValidityUnits: { IdToken: 'minutes' } };
      expect(ClientRules.check(p)).toContainEqual(expect.objectContaining({
        ruleId: 'token-validity-range', property: 'AccessTokenValidity',
      }));
      expect(find(p, 'token-validity-range').map(f => f.property)).not.toContain('IdTokenValidity');
    });
  });

  test('reads numeric strings as integers', () => {
    expect(ids({ ...BASE, AccessTokenValidity: '25' })).toContain('token-validity-range');
    expect(ids({ ...BASE, AccessTokenValidity: '24' })).not.toContain('token-validity-range');
  });

  test('the message quotes the value and the fix is non-empty', () => {
    const [f] = find({ ...BASE, AccessTokenValidity: 90, TokenValidityUnits: { AccessToken: 'hours' } }, 'token-validity-range');
    expect(f.message).toContain('90');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test('RefreshTokenValidity 0 is not a range error (the service uses 30 days)', () => {
    expect(ids({ ...BASE, RefreshTokenValidity: 0 })).not.toContain('token-validity-range');
    expect(ids({ ...BASE, RefreshTokenValidity: 0, TokenValidityUnits: { RefreshToken: 'seconds' } }))
      .not.toContain('token-validity-range');
  });

  describe('unresolved values', () => {
    test.each([
      ['Ref', { Ref: 'Validity' }],
      ['Fn::If with an unresolved branch', { 'Fn::If': ['Cond', { Ref: 'Other' }, 1] }],
      ['Fn::ImportValue', { 'Fn::ImportValue': 'validity' }],
      ['Token.asNumber', Token.asNumber({ Ref: 'N' })],
      ['Lazy.number', Lazy.number({ produce: () => 1000 })],
    ])('skips an unresolved value (%s)', (_d, v) => {
      expect(ids({ ...BASE, AccessTokenValidity: v, IdTokenValidity: v, RefreshTokenValidity: v }))
        .not.toContain('token-validity-range');
    });

    test.each([
      ['Ref on the field', { AccessToken: { Ref: 'Unit' } }],
      ['Fn::If on the field with an unresolved branch', { AccessToken: { 'Fn::If': ['Cond', 'minutes', { Ref: 'Other' }] } }],
      ['Ref on the whole object', { Ref: 'Units' }],
      ['a CDK token on the field', { AccessToken: Token.asString({ Ref: 'Unit' }) }],
      ['a lazy string on the field', { AccessToken: Lazy.string({ produce: () => 'minutes' }) }],
    ])('skips a value that some unit would bring into range (%s)', (_d, units) => {
      // 60 is out of range in hours but in range in minutes
      expect(ids({ ...BASE, AccessTokenValidity: 60, TokenValidityUnits: units })).not.toContain('token-validity-range');
    });

    test('skips 1441 with an unresolved unit (in range in seconds)', () => {
      expect(ids({ ...BASE, AccessTokenValidity: 1441, TokenValidityUnits: { AccessToken: { Ref: 'U' } } }))
        .not.toContain('token-validity-range');
    });

    test('fails when no unit at all brings the value into range', () => {
      expect(ids({ ...BASE, AccessTokenValidity: 100000, TokenValidityUnits: { AccessToken: { Ref: 'U' } } }))
        .toContain('token-validity-range');
      expect(ids({ ...BASE, RefreshTokenValidity: 400000000, TokenValidityUnits: { Ref: 'Units' } }))
        .toContain('token-validity-range');
    });
  });
});

describe('token-validity-raw-bounds', () => {
  test.each([
    ['AccessTokenValidity', 1, 'hours', 'AccessToken'],
    ['AccessTokenValidity', 86400, 'seconds', 'AccessToken'],
    ['IdTokenValidity', 1, 'hours', 'IdToken'],
    ['IdTokenValidity', 86400, 'seconds', 'IdToken'],
    ['RefreshTokenValidity', 0, 'days', 'RefreshToken'],
    ['RefreshTokenValidity', 1, 'days', 'RefreshToken'],
    ['RefreshTokenValidity', 315360000, 'seconds', 'RefreshToken'],
  ])('accepts %s = %d %s', (prop, v, u, unit) => {
    expect(ids({ ...BASE, [prop]: v, TokenValidityUnits: { [unit]: u } })).not.toContain('token-validity-raw-bounds');
  });

  test.each([
    ['AccessTokenValidity', 0],
    ['AccessTokenValidity', -1],
    ['AccessTokenValidity', 86401],
    ['IdTokenValidity', 0],
    ['IdTokenValidity', -5],
    ['IdTokenValidity', 86401],
    ['RefreshTokenValidity', -1],
    ['RefreshTokenValidity', 315360001],
  ])('fails when %s = %d', (prop, v) => {
    expect(ClientRules.check({ ...BASE, [prop]: v })).toContainEqual(
      expect.objectContaining({ ruleId: 'token-validity-raw-bounds', property: prop, severity: Severity.ERROR }));
  });

  test('fails on a numeric string out of bounds', () => {
    expect(ids({ ...BASE, AccessTokenValidity: '0' })).toContain('token-validity-raw-bounds');
    expect(ids({ ...BASE, IdTokenValidity: '86401' })).toContain('token-validity-raw-bounds');
  });

  test('the message quotes the value', () => {
    const [f] = find({ ...BASE, IdTokenValidity: 86401 }, 'token-validity-raw-bounds');
    expect(f.message).toContain('86401');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test('a non-integer value is reported (property-type by the engine decision)', () => {
    const r = ids({ ...BASE, AccessTokenValidity: 1.5 });
    expect(r.some(id => id === 'property-type' || id === 'token-validity-raw-bounds')).toBe(true);
  });

  test.each([
    ['Ref', { Ref: 'N' }],
    ['Fn::If with an unresolved branch', { 'Fn::If': ['Cond', 1, { Ref: 'Other' }] }],
    ['Token.asNumber', Token.asNumber({ Ref: 'N' })],
  ])('skips an unresolved value (%s)', (_d, v) => {
    expect(ids({ ...BASE, AccessTokenValidity: v, RefreshTokenValidity: v })).not.toContain('token-validity-raw-bounds');
  });
});

describe('token-refresh-zero', () => {
  test('fails (warning) when RefreshTokenValidity is 0', () => {
    const p = { ...BASE, RefreshTokenValidity: 0 };
    expect(ClientRules.check(p)).toContainEqual(expect.objectContaining({
      ruleId: 'token-refresh-zero', property: 'RefreshTokenValidity', severity: Severity.WARNING,
    }));
    expect(ids(p)).not.toContain('token-validity-raw-bounds');
    expect(ids(p)).not.toContain('token-validity-range');
  });

  test('fails when RefreshTokenValidity is "0"', () => {
    expect(ids({ ...BASE, RefreshTokenValidity: '0' })).toContain('token-refresh-zero');
  });

  test('fails with any unit', () => {
    expect(ids({ ...BASE, RefreshTokenValidity: 0, TokenValidityUnits: { RefreshToken: 'minutes' } }))
      .toContain('token-refresh-zero');
  });

  test('has a fix', () => {
    const [f] = find({ ...BASE, RefreshTokenValidity: 0 }, 'token-refresh-zero');
    expect(f.fix.length).toBeGreaterThan(0);
    expect(f.message).toContain('0');
  });

  test.each([
    ['1', 1],
    ['30', 30],
    ['3650', 3650],
  ])('accepts RefreshTokenValidity %s', (_d, v) => {
    expect(ids({ ...BASE, RefreshTokenValidity: v })).not.toContain('token-refresh-zero');
  });

  test('accepts an absent RefreshTokenValidity', () => {
    expect(ids(BASE)).not.toContain('token-refresh-zero');
  });

  test('does not apply to AccessTokenValidity 0', () => {
    expect(ids({ ...BASE, AccessTokenValidity: 0 })).not.toContain('token-refresh-zero');
  });

  test.each([
    ['Ref', { Ref: 'N' }],
    ['Fn::If with an unresolved branch', { 'Fn::If': ['Cond', { Ref: 'Other' }, 30] }],
    ['Token.asNumber', Token.asNumber({ Ref: 'N' })],
  ])('skips an unresolved value (%s)', (_d, v) => {
    expect(ids({ ...BASE, RefreshTokenValidity: v })).not.toContain('token-refresh-zero');
  });
});

describe('token-refresh-not-shorter', () => {
  test.each([
    ['access = refresh (24 h each)', { AccessTokenValidity: 24, RefreshTokenValidity: 24, TokenValidityUnits: { AccessToken: 'hours', RefreshToken: 'hours' } }],
    ['id = refresh (1440 min each)', { IdTokenValidity: 1440, RefreshTokenValidity: 1440, TokenValidityUnits: { IdToken: 'minutes', RefreshToken: 'minutes' } }],
    ['access = refresh (3600 s each)', { AccessTokenValidity: 3600, RefreshTokenValidity: 3600, TokenValidityUnits: { AccessToken: 'seconds', RefreshToken: 'seconds' } }],
    ['default refresh (30 days) with a 1-day access token', { AccessTokenValidity: 1, TokenValidityUnits: { AccessToken: 'days' } }],
    ['refresh 0 means 30 days', { AccessTokenValidity: 24, RefreshTokenValidity: 0 }],
    ['access 1 h, refresh 1 day by default unit', { AccessTokenValidity: 1, RefreshTokenValidity: 1 }],
  ])('accepts %s', (_d, props) => {
    expect(ids({ ...BASE, ...props })).not.toContain('token-refresh-not-shorter');
  });

  test.each([
    ['access 24 h, refresh 23 h', { AccessTokenValidity: 24, RefreshTokenValidity: 23, TokenValidityUnits: { AccessToken: 'hours', RefreshToken: 'hours' } }],
    ['id 1440 min, refresh 1439 min', { IdTokenValidity: 1440, RefreshTokenValidity: 1439, TokenValidityUnits: { IdToken: 'minutes', RefreshToken: 'minutes' } }],
    ['access 3601 s, refresh 3600 s', { AccessTokenValidity: 3601, RefreshTokenValidity: 3600, TokenValidityUnits: { AccessToken: 'seconds', RefreshToken: 'seconds' } }],
    ['access 2 h (default unit), refresh 60 min', { AccessTokenValidity: 2, RefreshTokenValidity: 60, TokenValidityUnits: { RefreshToken: 'minutes' } }],
  ])('fails when %s', (_d, props) => {
    expect(ClientRules.check({ ...BASE, ...props })).toContainEqual(expect.objectContaining({
      ruleId: 'token-refresh-not-shorter', severity: Severity.WARNING,
    }));
  });

  test('has a fix', () => {
    const [f] = find({ ...BASE, AccessTokenValidity: 24, RefreshTokenValidity: 23, TokenValidityUnits: { RefreshToken: 'hours' } }, 'token-refresh-not-shorter');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['refresh value unresolved', { AccessTokenValidity: 24, RefreshTokenValidity: { Ref: 'N' }, TokenValidityUnits: { RefreshToken: 'hours' } }],
    ['refresh unit unresolved', { AccessTokenValidity: 24, RefreshTokenValidity: 1, TokenValidityUnits: { RefreshToken: { Ref: 'U' } } }],
    ['access value unresolved', { AccessTokenValidity: Token.asNumber({ Ref: 'N' }), RefreshTokenValidity: 1, TokenValidityUnits: { RefreshToken: 'hours' } }],
    ['access unit unresolved', { AccessTokenValidity: 1, RefreshTokenValidity: 1, TokenValidityUnits: { AccessToken: { Ref: 'U' }, RefreshToken: 'hours' } }],
    ['units object unresolved', { AccessTokenValidity: 24, RefreshTokenValidity: 23, TokenValidityUnits: { Ref: 'Units' } }],
  ])('skips when %s', (_d, props) => {
    expect(ids({ ...BASE, ...props })).not.toContain('token-refresh-not-shorter');
  });
});

describe('token-units-enum', () => {
  test.each([
    ['AccessToken', 'seconds'],
    ['AccessToken', 'minutes'],
    ['AccessToken', 'hours'],
    ['AccessToken', 'days'],
    ['IdToken', 'seconds'],
    ['IdToken', 'days'],
    ['RefreshToken', 'minutes'],
    ['RefreshToken', 'days'],
  ])('accepts %s = %s', (field, unit) => {
    expect(ids({ ...BASE, TokenValidityUnits: { [field]: unit } })).not.toContain('token-units-enum');
  });

  test.each([
    ['AccessToken', 'Hours'],
    ['AccessToken', 'HOURS'],
    ['AccessToken', 'hour'],
    ['IdToken', 'weeks'],
    ['IdToken', 'seconds '],
    ['RefreshToken', ''],
    ['RefreshToken', 'months'],
  ])('fails when %s = %j', (field, unit) => {
    expect(ClientRules.check({ ...BASE, TokenValidityUnits: { [field]: unit } })).toContainEqual(
      expect.objectContaining({
        ruleId: 'token-units-enum', property: `TokenValidityUnits.${field}`, severity: Severity.ERROR,
      }));
  });

  test('the message quotes the unit', () => {
    const [f] = find({ ...BASE, AccessTokenValidity: 1, TokenValidityUnits: { AccessToken: 'weeks' } }, 'token-units-enum');
    expect(f.message).toContain('weeks');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test('reports each bad field', () => {
    const props = find({ ...BASE, TokenValidityUnits: { AccessToken: 'Hours', IdToken: 'hours', RefreshToken: 'Days' } }, 'token-units-enum')
      .map(f => f.property);
    expect(props).toEqual(expect.arrayContaining(['TokenValidityUnits.AccessToken', 'TokenValidityUnits.RefreshToken']));
    expect(props).not.toContain('TokenValidityUnits.IdToken');
  });

  test.each([
    ['Ref', { Ref: 'U' }],
    ['Fn::If with an unresolved branch', { 'Fn::If': ['C', { Ref: 'Other' }, 'hours'] }],
    ['Token.asString', Token.asString({ Ref: 'U' })],
    ['Lazy.string', Lazy.string({ produce: () => 'weeks' })],
  ])('skips an unresolved unit (%s)', (_d, unit) => {
    expect(ids({ ...BASE, TokenValidityUnits: { AccessToken: unit } })).not.toContain('token-units-enum');
  });
});

describe('token-unit-without-value', () => {
  test.each([
    ['AccessToken', 'AccessTokenValidity', 'minutes'],
    ['IdToken', 'IdTokenValidity', 'minutes'],
    ['RefreshToken', 'RefreshTokenValidity', 'days'],
  ])('fails when TokenValidityUnits.%s is set without %s', (field, _prop, unit) => {
    expect(ClientRules.check({ ...BASE, TokenValidityUnits: { [field]: unit } })).toContainEqual(
      expect.objectContaining({ ruleId: 'token-unit-without-value', severity: Severity.WARNING }));
  });

  test('fails when a value is set and TokenValidityUnits lacks its field', () => {
    const p = {
      ...BASE,
      AccessTokenValidity: 12,
      IdTokenValidity: 60,
      TokenValidityUnits: { IdToken: 'minutes' },
    };
    expect(ClientRules.check(p)).toContainEqual(expect.objectContaining({
      ruleId: 'token-unit-without-value', severity: Severity.WARNING,
    }));
  });

  test('fails when the value is AWS::NoValue (absent)', () => {
    expect(ids({ ...BASE, AccessTokenValidity: { Ref: 'AWS::NoValue' }, TokenValidityUnits: { AccessToken: 'minutes' } }))
      .toContain('token-unit-without-value');
  });

  test('has a fix', () => {
    const [f] = find({ ...BASE, TokenValidityUnits: { AccessToken: 'minutes' } }, 'token-unit-without-value');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['both set', { AccessTokenValidity: 60, TokenValidityUnits: { AccessToken: 'minutes' } }],
    ['all three set', {
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
    }],
    ['neither set', {}],
    ['a value in range in the default unit and no units at all', { AccessTokenValidity: 1, RefreshTokenValidity: 30 }],
    ['the value unresolved', { AccessTokenValidity: { Ref: 'N' }, TokenValidityUnits: { AccessToken: 'minutes' } }],
    ['the value a CDK token', { AccessTokenValidity: Token.asNumber({ Ref: 'N' }), TokenValidityUnits: { AccessToken: 'minutes' } }],
    ['the value unresolved in both branches', {
      AccessTokenValidity: { 'Fn::If': ['C', { Ref: 'N' }, { Ref: 'M' }] },
      TokenValidityUnits: { AccessToken: 'minutes' },
    }],
    ['the units object unresolved', { AccessTokenValidity: 60, TokenValidityUnits: { Ref: 'Units' } }],
    ['the units object unresolved and no values', { TokenValidityUnits: { Ref: 'Units' } }],
    ['the units object a CDK token and no values', { TokenValidityUnits: Token.asAny({ Ref: 'Units' }) }],
  ])('accepts %s', (_d, props) => {
    expect(ids({ ...BASE, ...props })).not.toContain('token-unit-without-value');
  });

  test('fails in the branch where a conditional value is AWS::NoValue while its unit is set', () => {
    const props = { AccessTokenValidity: { 'Fn::If': ['C', 60, { Ref: 'AWS::NoValue' }] }, TokenValidityUnits: { AccessToken: 'minutes' } };
    expect(ClientRules.check({ ...BASE, ...props }).filter((f) => f.ruleId === 'token-unit-without-value').map((f) => f.condition))
      .toEqual(['when C is false']);
  });
});

describe('auth-session-validity-range', () => {
  test.each([3, 4, 14, 15, '3', '15'])('accepts %j', (v) => {
    expect(ids({ ...BASE, AuthSessionValidity: v })).not.toContain('auth-session-validity-range');
  });

  test.each([2, 16, 0, -1, 60, '2', '16'])('fails when AuthSessionValidity is %j', (v) => {
    expect(ClientRules.check({ ...BASE, AuthSessionValidity: v })).toContainEqual(expect.objectContaining({
      ruleId: 'auth-session-validity-range', property: 'AuthSessionValidity', severity: Severity.ERROR,
    }));
  });

  test('the message quotes the value', () => {
    const [f] = find({ ...BASE, AuthSessionValidity: 16 }, 'auth-session-validity-range');
    expect(f.message).toContain('16');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test('absent is fine', () => {
    expect(ids(BASE)).not.toContain('auth-session-validity-range');
  });

  test.each([
    ['Ref', { Ref: 'N' }],
    ['Fn::If with an unresolved branch', { 'Fn::If': ['C', { Ref: 'Other' }, 3] }],
    ['Token.asNumber', Token.asNumber({ Ref: 'N' })],
    ['Lazy.number', Lazy.number({ produce: () => 99 })],
  ])('skips an unresolved value (%s)', (_d, v) => {
    expect(ids({ ...BASE, AuthSessionValidity: v })).not.toContain('auth-session-validity-range');
  });
});

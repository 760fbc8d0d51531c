import { ClientPolicy, ClientRules } from '../../src';

// A parameter with AllowedValues is a known, finite set: a Ref to it is checked for each value, and
// a finding names the value it holds for; without AllowedValues it is an open set, and skipped.

const POOL = { Type: 'AWS::Cognito::UserPool' };

function template(parameter: any, properties: any) {
  return {
    Parameters: { Flow: parameter },
    Resources: {
      Pool: POOL,
      Client: {
        Type: 'AWS::Cognito::UserPoolClient',
        Properties: {
          UserPoolId: { Ref: 'Pool' },
          AllowedOAuthFlowsUserPoolClient: true,
          AllowedOAuthScopes: ['openid'],
          CallbackURLs: ['https://app.example.org/cb'],
          SupportedIdentityProviders: ['COGNITO'],
          ...properties,
        },
      },
    },
  };
}

const policy = new ClientPolicy({ forbidImplicitFlow: true });
const of = (t: any, id: string) => ClientRules.checkTemplate(t, { policy }).filter((f) => f.ruleId === id);

describe('a Ref to a parameter with AllowedValues', () => {
  test('each allowed value is checked: the failing one is reported, naming the value', () => {
    const t = template({ Type: 'String', AllowedValues: ['code', 'implicit'] }, { AllowedOAuthFlows: [{ Ref: 'Flow' }] });
    const found = of(t, 'policy-no-implicit');
    expect(found.map((f) => [f.property, f.condition])).toEqual([['AllowedOAuthFlows[0]', 'when parameter Flow is "implicit"']]);
    expect(found[0].message).toContain('when parameter Flow is "implicit"');
  });

  test('three values, the first failing: reported for that value only', () => {
    const t = template({ Type: 'String', AllowedValues: ['implicit', 'code', 'client_credentials'] }, { AllowedOAuthFlows: [{ Ref: 'Flow' }] });
    expect(of(t, 'policy-no-implicit').map((f) => f.condition)).toEqual(['when parameter Flow is "implicit"']);
  });

  test('every allowed value passing: no finding', () => {
    const t = template({ Type: 'String', AllowedValues: ['code'] }, { AllowedOAuthFlows: [{ Ref: 'Flow' }] });
    expect(of(t, 'policy-no-implicit')).toEqual([]);
    const two = template({ Type: 'String', AllowedValues: ['code', 'code'] }, { AllowedOAuthFlows: [{ Ref: 'Flow' }] });
    expect(of(two, 'policy-no-implicit')).toEqual([]);
  });

  test('a single allowed value that fails is reported as that value', () => {
    const t = template({ Type: 'String', AllowedValues: ['implicit'] }, { AllowedOAuthFlows: [{ Ref: 'Flow' }] });
    expect(of(t, 'policy-no-implicit').map((f) => f.property)).toEqual(['AllowedOAuthFlows[0]']);
  });

  test('a documented rule too: a Number parameter out of range for AccessTokenValidity', () => {
    const t = template({ Type: 'Number', AllowedValues: ['60', '100000'] }, { AllowedOAuthFlows: ['code'], AccessTokenValidity: { Ref: 'Flow' }, TokenValidityUnits: { AccessToken: 'minutes' } });
    const found = ClientRules.checkTemplate(t).filter((f) => f.ruleId === 'token-validity-range');
    expect(found.map((f) => f.condition)).toEqual(['when parameter Flow is 100000']);
  });

  test('without AllowedValues (an open set), or a list parameter: skipped, as any unresolved value', () => {
    for (const parameter of [{ Type: 'String', Default: 'implicit' }, { Type: 'CommaDelimitedList', AllowedValues: ['implicit'] }]) {
      const t = template(parameter, { AllowedOAuthFlows: [{ Ref: 'Flow' }] });
      expect(of(t, 'policy-no-implicit')).toEqual([]);
    }
  });

  test('the same parameter in two properties is read with one value at a time', () => {
    // implicit only together with a callback on http: the implicit grant is reported once, for its value
    const t = template({ Type: 'String', AllowedValues: ['code', 'implicit'] }, { AllowedOAuthFlows: [{ Ref: 'Flow' }], ClientName: { 'Fn::Join': ['-', ['web', { Ref: 'Flow' }]] } });
    expect(of(t, 'policy-no-implicit').map((f) => f.condition)).toEqual(['when parameter Flow is "implicit"']);
  });

  test('in an Fn::Sub: the parameter is read for each value, other variables and ${!Literal} stay as they are', () => {
    const t = template({ Type: 'String', AllowedValues: ['https', 'http'] }, {
      AllowedOAuthFlows: ['code'],
      CallbackURLs: [
        { 'Fn::Sub': '${Flow}://app.example.org/${AWS::Region}/cb' },
        { 'Fn::Sub': ['${Flow}://${Host}/cb', { Host: 'app.example.org' }] },
        { 'Fn::Sub': ['${Flow}://app.example.org/cb', { Flow: 'https' }] },
        { 'Fn::Sub': '${!Flow}://app.example.org/cb' },
      ],
    });
    const found = ClientRules.checkTemplate(t).filter((f) => f.ruleId === 'redirect-uri-https');
    expect(found.map((f) => [f.property, f.condition])).toEqual([
      ['CallbackURLs[0]', 'when parameter Flow is "http"'],
      ['CallbackURLs[1]', 'when parameter Flow is "http"'],
    ]);
  });

  test('more values than the engine explores: the values past the bound are named in client-not-checkable, never skipped silently', () => {
    const values = Array.from({ length: 20 }, (_v, i) => (i === 19 ? 'implicit' : `code${i}`));
    const t = template({ Type: 'String', AllowedValues: values }, { AllowedOAuthFlows: [{ Ref: 'Flow' }] });
    const all = ClientRules.checkTemplate(t, { policy });
    const unchecked = all.filter((f) => f.ruleId === 'client-not-checkable');
    expect(all.filter((f) => f.ruleId === 'policy-no-implicit')).toEqual([]);
    expect(unchecked.map((f) => f.message)).toEqual([expect.stringContaining('parameter Flow')]);
    expect(unchecked[0].message).not.toContain('\u0001');
  });
});

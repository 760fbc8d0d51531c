import { ClientRules } from '../../src/rules';
import { expandLoops } from '../../src/rules/private/foreach';
import { unseenFindings } from '../../src/rules/unseen';

// Fn::ForEach (AWS::LanguageExtensions): the clients a loop makes are checked as CloudFormation
// would make them; a loop that cannot be expanded is a client-not-checkable finding, never 0 clients.
const T = 'AWS::LanguageExtensions';
const insecure = (name: string) => ({
  Type: 'AWS::Cognito::UserPoolClient',
  Properties: { UserPoolId: 'eu-west-1_abc', ClientName: name, AllowedOAuthFlows: ['code'], AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthScopes: ['openid'], CallbackURLs: [`http://${name}.example.org/cb`] },
});
const summary = (t: any) => ClientRules.checkTemplate(t).map((f) => `${f.resource} ${f.ruleId} ${f.property}`);
const has = (t: any, ruleId: string) => ClientRules.checkTemplate(t).filter((f) => f.ruleId === ruleId).map((f) => f.resource);

describe('Fn::ForEach', () => {
  test('a loop over a literal collection makes clients that are checked, ${} and &{} in keys and values', () => {
    const t = {
      Transform: T,
      Resources: {
        'Fn::ForEach::Clients': ['Name', ['web', 'admin.site'], {
          'Client&{Name}': insecure('${Name}'),
        }],
      },
    };
    const x = expandLoops(t).template;
    expect(Object.keys(x.Resources)).toEqual(['Clientweb', 'Clientadminsite']);
    expect(x.Resources.Clientadminsite.Properties.CallbackURLs).toEqual(['http://admin.site.example.org/cb']);
    expect(has(t, 'redirect-uri-https')).toEqual(['Clientweb', 'Clientadminsite']);
    // without the transform, CloudFormation refuses the template: nothing is expanded
    expect(expandLoops({ ...t, Transform: undefined }).template.Resources).toBe(t.Resources);
  });

  test('the transform in a list; { Ref: Identifier } is the item; nested loops; a loop in properties', () => {
    const t = {
      Transform: ['AWS::LanguageExtensions', 'AWS::Serverless-2016-10-31'],
      Resources: {
        'Fn::ForEach::Envs': ['Env', ['Dev', 'Prod'], {
          'Fn::ForEach::Apps': ['App', ['Web'], {
            '${App}${Env}': {
              Type: 'AWS::Cognito::UserPoolClient',
              Properties: {
                'UserPoolId': 'eu-west-1_abc',
                'ClientName': { Ref: 'App' },
                'Fn::ForEach::Urls': ['Kind', ['CallbackURLs', 'LogoutURLs'], { '${Kind}': [{ 'Fn::Sub': 'http://${Env}.example.org/${Kind}' }] }],
                'AllowedOAuthFlows': ['code'],
                'AllowedOAuthFlowsUserPoolClient': true,
                'AllowedOAuthScopes': ['openid'],
              },
            },
          }],
        }],
      },
    };
    const x = expandLoops(t).template;
    expect(Object.keys(x.Resources)).toEqual(['WebDev', 'WebProd']);
    expect(x.Resources.WebProd.Properties).toMatchObject({
      ClientName: 'Web',
      CallbackURLs: [{ 'Fn::Sub': 'http://Prod.example.org/CallbackURLs' }],
      LogoutURLs: [{ 'Fn::Sub': 'http://Prod.example.org/LogoutURLs' }],
    });
    expect(summary(t).filter((s) => s.includes('redirect-uri-https'))).toEqual(expect.arrayContaining([
      'WebDev redirect-uri-https CallbackURLs[0]', 'WebProd redirect-uri-https CallbackURLs[0]',
    ]));
  });

  test('a collection known only at deploy time is one client-not-checkable finding on the loop', () => {
    const t = {
      Transform: T,
      Parameters: { Names: { Type: 'CommaDelimitedList' } },
      Resources: { 'Fn::ForEach::Clients': ['Name', { Ref: 'Names' }, { 'Client${Name}': insecure('${Name}') }] },
    };
    const f = ClientRules.checkTemplate(t);
    expect(f.map((x) => `${x.resource} ${x.ruleId} ${x.severity}`)).toEqual(['Fn::ForEach::Clients client-not-checkable warning']);
    expect(f[0].message).toContain('parameter Names, which has no Default');
    // an intrinsic collection, or an item that is one
    expect(has({ ...t, Resources: { 'Fn::ForEach::C': ['N', { 'Fn::Split': [',', { Ref: 'X' }] }, { 'C${N}': insecure('a') }] } }, 'client-not-checkable')).toEqual(['Fn::ForEach::C']);
    expect(has({ ...t, Resources: { 'Fn::ForEach::C': ['N', ['a', { Ref: 'X' }], { 'C${N}': insecure('a') }] } }, 'client-not-checkable')).toEqual(['Fn::ForEach::C']);
  });

  test('a loop that makes no client is not reported, even when it cannot be expanded', () => {
    const t = {
      Transform: T,
      Resources: { 'Fn::ForEach::Topics': ['Name', { Ref: 'Names' }, { 'Topic${Name}': { Type: 'AWS::SNS::Topic' } }] },
    };
    expect(summary(t)).toEqual([]);
    // but one whose type is not literal, or that makes a custom resource or a nested stack, is
    for (const Type of ['AWS::${Name}::Thing', 'Custom::AWS', 'AWS::CloudFormation::Stack', { Ref: 'T' }]) {
      expect(has({ ...t, Resources: { 'Fn::ForEach::X': ['Name', { Ref: 'Names' }, { 'X${Name}': { Type } }] } }, 'client-not-checkable')).toEqual(['Fn::ForEach::X']);
    }
  });

  test('a CommaDelimitedList parameter with a Default: expanded for it, with a warning that other values are not checked', () => {
    const t = {
      Transform: T,
      Parameters: { Names: { Type: 'CommaDelimitedList', Default: 'web, admin' } },
      Resources: { 'Fn::ForEach::Clients': ['Name', { Ref: 'Names' }, { 'Client${Name}': insecure('${Name}') }] },
    };
    const f = ClientRules.checkTemplate(t);
    expect(f.filter((x) => x.ruleId === 'redirect-uri-https').map((x) => x.resource)).toEqual(['Clientweb', 'Clientadmin']);
    const warn = f.filter((x) => x.ruleId === 'client-not-checkable');
    expect(warn.map((x) => x.resource)).toEqual(['Fn::ForEach::Clients']);
    expect(warn[0].message).toContain('Default ("web", "admin") only');
  });

  test('a client whose properties hold a loop that cannot be expanded is reported, not checked', () => {
    const t = {
      Transform: T,
      Resources: {
        Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: { 'UserPoolId': 'p', 'Fn::ForEach::Urls': ['K', { Ref: 'Kinds' }, { '${K}': ['http://x.example.org'] }] } },
      },
    };
    const f = ClientRules.checkTemplate(t);
    expect(f.map((x) => `${x.resource} ${x.ruleId} ${x.property}`)).toEqual(['Client client-not-checkable Fn::ForEach::Urls']);
  });

  test('a property written as undefined (as an L1 renders unset ones) is absent: a loop may write it', () => {
    const t = {
      Transform: T,
      Resources: {
        Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: { ...insecure('x').Properties, 'CallbackURLs': undefined, 'Fn::ForEach::Urls': ['K', ['CallbackURLs'], { '${K}': ['http://x.example.org'] }] } },
      },
    };
    expect(has(t, 'redirect-uri-https')).toEqual(['Client']);
  });

  test('bounds: duplicate keys, a loop that holds itself, a loop that makes too much', () => {
    const dup = { Transform: T, Resources: { 'Fn::ForEach::C': ['N', ['a', 'b'], { Same: insecure('x') }] } };
    expect(ClientRules.checkTemplate(dup)[0].message).toContain('makes the key "Same" twice');
    const self: any = { Type: 'AWS::Cognito::UserPoolClient', Properties: {} };
    self.Properties.Me = self;
    const cyc = { Transform: T, Resources: { 'Fn::ForEach::C': ['N', ['a'], { 'C${N}': self }] } };
    expect(has(cyc, 'client-not-checkable')).toEqual(['Fn::ForEach::C']);
    const many = Array.from({ length: 1000 }, (_, i) => `v${i}`);
    const big = { Transform: T, Resources: { 'Fn::ForEach::A': ['A', many, { 'Fn::ForEach::B': ['B', many, { 'C${A}${B}': insecure('x') }] }] } };
    const f = ClientRules.checkTemplate(big);
    expect(f.map((x) => x.resource)).toEqual(['Fn::ForEach::A']);
    expect(f[0].message).toContain('more than 200000 values');
  });

  test('hostile values: a resource that holds itself twice over is walked once; a key named __proto__ stays a key', () => {
    const pool: any = { Type: 'AWS::Cognito::UserPool', Properties: {} };
    pool.Properties.A = pool.Properties;
    pool.Properties.B = pool.Properties;
    const t = { Transform: T, Resources: { 'Pool': pool, 'Fn::ForEach::C': ['N', ['a'], { 'C${N}': insecure('x') }] } };
    const started = Date.now();
    expect(has(t, 'redirect-uri-https')).toEqual(['Ca']);
    expect(Date.now() - started).toBeLessThan(5000);
    const proto = JSON.parse('{"Transform":"AWS::LanguageExtensions","Resources":{"Fn::ForEach::C":["N",["a"],{"__proto__":{"Type":"AWS::SNS::Topic"}}]}}');
    const x = expandLoops(proto).template.Resources;
    expect(Object.getPrototypeOf(x)).toBe(Object.prototype);
    expect(Object.keys(x)).toEqual(['__proto__']);
  });

  test('loops in Conditions are expanded too, and a nested stack a loop makes is seen as unseen', () => {
    const t = {
      Transform: T,
      Resources: { 'Fn::ForEach::Stacks': ['N', ['A'], { 'Stack${N}': { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://s3/${N}.json' } } }] },
      Conditions: { 'Fn::ForEach::Conds': ['N', ['A'], { 'Is${N}': { 'Fn::Equals': ['${N}', 'A'] } }] },
    };
    expect(expandLoops(t).template.Conditions).toEqual({ IsA: { 'Fn::Equals': ['A', 'A'] } });
    expect(unseenFindings(t, () => false).map((f) => `${f.resource} ${f.property}`)).toEqual(['StackA TemplateURL']);
  });
});

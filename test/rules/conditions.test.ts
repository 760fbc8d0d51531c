import * as fc from 'fast-check';
import { RULE_DOCS, RuleExample } from '../../scripts/rule-examples';
import { ClientPolicy, ClientRules, Severity } from '../../src';
import { readClient } from '../../src/rules/private/client';
import { variantClient } from '../../src/rules/private/conditions';

// Fn::If [Cond, A, B] with literal branches is checked branch by branch (catalog, "Values whose shape
// CloudFormation documents"): in a value, a list item, a whole list and the whole Properties; a finding
// that holds in one branch names the condition and the branch; AWS::NoValue in a branch is absent.

const NO_VALUE = { Ref: 'AWS::NoValue' };
const IF = (c: string, a: any, b: any) => ({ 'Fn::If': [c, a, b] });
const BASE = { UserPoolId: 'us-east-1_AbC123', ClientName: 'web' };
const CB = 'https://app.example.org/cb';
const oauth = (extra: any = {}) => ({
  ...BASE, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: [CB], ...extra,
});
const findIn = (p: any, id: string, policy?: ClientPolicy) => ClientRules.check(p, policy).filter((f) => f.ruleId === id);
const conditionsOf = (p: any, id: string, policy?: ClientPolicy) => findIn(p, id, policy).map((f) => f.condition);

/** The client's Properties of an example, and a way to put other Properties in its place. */
function clientOf(example: RuleExample): { properties: any; with: (p: any) => RuleExample } | undefined {
  if (example.properties !== undefined) return { properties: example.properties, with: (p) => ({ properties: p }) };
  const resources = example.template?.Resources ?? {};
  const ids = Object.keys(resources).filter((id) => resources[id]?.Type === 'AWS::Cognito::UserPoolClient');
  if (ids.length !== 1) return undefined;
  const id = ids[0];
  return {
    properties: resources[id].Properties,
    with: (p) => ({ ...example, template: { ...example.template, Resources: { ...resources, [id]: { ...resources[id], Properties: p } } } }),
  };
}

function run(example: RuleExample, policyJson: unknown) {
  const policy = policyJson === undefined ? undefined : ClientPolicy.fromJson(policyJson);
  return example.template !== undefined
    ? ClientRules.checkTemplate(example.template, { policy, previous: example.previous })
    : ClientRules.check(example.properties, policy);
}

/** Failing and passing examples that differ only in the client's Properties: one Fn::If turns one into the other. */
const PAIRS = Object.entries(RULE_DOCS).flatMap(([id, doc]) => {
  const fail = clientOf(doc.failing);
  const pass = clientOf(doc.passing);
  if (!fail || !pass) return [];
  const rest = (e: RuleExample, c: { with: (p: any) => RuleExample }) => JSON.stringify(c.with(null));
  if (rest(doc.failing, fail) !== rest(doc.passing, pass)) return [];
  return [[id, { doc, fail, pass }] as const];
});

/** Both Properties in one, with each differing top-level value written Fn::If [cond, failing, passing]. */
function perValue(cond: string, fail: any, pass: any): any {
  const out: any = {};
  for (const key of new Set([...Object.keys(fail), ...Object.keys(pass)])) {
    const a = fail[key];
    const b = pass[key];
    out[key] = JSON.stringify(a) === JSON.stringify(b) ? a : IF(cond, a ?? NO_VALUE, b ?? NO_VALUE);
  }
  return out;
}

describe('every rule, through its documented examples', () => {
  test('most rules take part (their examples differ in the client\'s properties only)', () => {
    expect(PAIRS.length).toBeGreaterThan(70);
    expect(PAIRS.map(([id]) => id)).toEqual(expect.arrayContaining([
      'redirect-uri-https', 'policy-no-implicit', 'client-not-checkable', 'idp-builtin-case', 'attr-write-required', 'update-resets-omitted',
    ]));
  });

  describe.each(PAIRS)('%s', (id, { doc, fail, pass }) => {
    const expected = run(doc.failing, doc.policy).filter((f) => f.ruleId === id);

    test.each([
      ['the whole Properties', (c: string, a: any, b: any) => IF(c, a, b)],
      ['each value that differs', perValue],
    ])('Fn::If on %s: reported in the failing branch only, naming it', (_d, build) => {
      for (const [value, a, b] of [[true, fail.properties, pass.properties], [false, pass.properties, fail.properties]] as const) {
        const findings = run(fail.with(build('IsFailing', a, b)), doc.policy).filter((f) => f.ruleId === id);
        const when = `when IsFailing is ${value}`;
        expect(findings.map((f) => f.condition)).toEqual(expected.map(() => when));
        // The message is the failing example's, with the branch named after the value.
        for (const f of findings) expect(f.message).toContain(` ${when}: `);
        expect(findings.map((f) => f.message.replace(` ${when}`, ''))).toEqual(expected.map((f) => f.message));
        expect(findings.map((f) => f.severity)).toEqual(expected.map((f) => f.severity));
      }
    });

    test('Fn::If whose branches are both the failing properties: reported once, without a condition', () => {
      const findings = run(fail.with(IF('Either', fail.properties, fail.properties)), doc.policy).filter((f) => f.ruleId === id);
      expect(findings.map((f) => f.message)).toEqual(expected.map((f) => f.message));
      expect(findings.every((f) => f.condition === undefined)).toBe(true);
    });

    test('Fn::If whose branches are both the passing properties: no finding', () => {
      expect(run(pass.with(IF('Either', pass.properties, pass.properties)), doc.policy).filter((f) => f.ruleId === id)).toEqual([]);
    });
  });
});

describe('Fn::If in a value', () => {
  test('a callback URL: the message names the condition and the branch', () => {
    const findings = findIn(oauth({ CallbackURLs: [IF('IsProd', CB, 'http://app.example.org/cb')] }), 'redirect-uri-https');
    expect(findings).toEqual([expect.objectContaining({
      ruleId: 'redirect-uri-https', severity: Severity.ERROR, property: 'CallbackURLs[0]', condition: 'when IsProd is false',
    })]);
    expect(findings[0].message).toMatch(/^\[redirect-uri-https\] CallbackURLs\[0\] = "http:\/\/app\.example\.org\/cb" when IsProd is false: it uses the HTTP protocol/);
  });

  test('inside Fn::Join and as a Fn::Sub variable', () => {
    const join = { 'Fn::Join': ['', [IF('IsProd', 'https://', 'http://'), 'app.example.org/cb']] };
    expect(conditionsOf(oauth({ CallbackURLs: [join] }), 'redirect-uri-https')).toEqual(['when IsProd is false']);
    const sub = { 'Fn::Sub': ['${Scheme}://app.example.org/cb', { Scheme: IF('IsProd', 'https', 'http') }] };
    expect(conditionsOf(oauth({ CallbackURLs: [sub] }), 'redirect-uri-https')).toEqual(['when IsProd is false']);
  });

  test('a number and a boolean', () => {
    expect(conditionsOf({ ...BASE, AccessTokenValidity: IF('Long', 48, 1) }, 'token-validity-range')).toEqual(['when Long is true']);
    const m2m = { ...BASE, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['api/read'] };
    expect(conditionsOf({ ...m2m, GenerateSecret: IF('Secret', true, false) }, 'oauth-client-credentials-secret')).toEqual(['when Secret is false']);
  });

  test('a nested field', () => {
    expect(conditionsOf({ ...BASE, TokenValidityUnits: { AccessToken: IF('C', 'weeks', 'hours') } }, 'token-units-enum')).toEqual(['when C is true']);
    expect(conditionsOf({ ...BASE, RefreshTokenRotation: { Feature: IF('C', 'ENABLED', 'bogus') } }, 'refresh-rotation-feature-enum')).toEqual(['when C is false']);
  });

  test('AWS::NoValue in a branch is absent there', () => {
    expect(conditionsOf(oauth({ CallbackURLs: IF('HasUrls', [CB], NO_VALUE) }), 'oauth-callback-required')).toEqual(['when HasUrls is false']);
    const policy = new ClientPolicy({ requirePreventUserExistenceErrors: true });
    const findings = findIn({ ...BASE, PreventUserExistenceErrors: IF('C', 'ENABLED', NO_VALUE) }, 'policy-prevent-user-existence', policy);
    expect(findings.map((f) => f.condition)).toEqual(['when C is false']);
    expect(findings[0].message).toContain('(absent: LEGACY) when C is false');
  });

  test('branches that are both unresolved are skipped', () => {
    expect(findIn(oauth({ CallbackURLs: [IF('C', { Ref: 'A' }, { Ref: 'B' })] }), 'redirect-uri-https')).toEqual([]);
    expect(findIn({ ...BASE, AccessTokenValidity: IF('C', { Ref: 'A' }, { 'Fn::ImportValue': 'B' }) }, 'token-validity-range')).toEqual([]);
  });

  test('a malformed Fn::If stays unresolved and crashes nothing', () => {
    for (const v of [{ 'Fn::If': ['C', 'x'] }, { 'Fn::If': [1, 'x', 'y'] }, { 'Fn::If': 'C' }, { 'Fn::If': [] }]) {
      expect(ClientRules.check(oauth({ CallbackURLs: [v], DefaultRedirectURI: v }))).toEqual([]);
    }
  });
});

describe('Fn::If in a list item and on a whole list', () => {
  const policy = new ClientPolicy({ forbidImplicitFlow: true });

  test('a list item: the implicit flow in one branch', () => {
    const findings = findIn(oauth({ AllowedOAuthFlows: ['code', IF('Legacy', 'implicit', NO_VALUE)] }), 'policy-no-implicit', policy);
    expect(findings).toEqual([expect.objectContaining({ property: 'AllowedOAuthFlows[1]', condition: 'when Legacy is true', severity: Severity.ERROR })]);
  });

  test('a whole list: AllowedOAuthFlows: Fn::If [C, [implicit], [code]] fails a policy that forbids the implicit grant (the issue\'s case)', () => {
    const findings = findIn(oauth({ AllowedOAuthFlows: IF('C', ['implicit'], ['code']) }), 'policy-no-implicit', policy);
    expect(findings).toEqual([expect.objectContaining({ property: 'AllowedOAuthFlows[0]', condition: 'when C is true' })]);
    expect(findings[0].message).toBe(
      '[policy-no-implicit] AllowedOAuthFlows[0] = "implicit" when C is true: the implicit grant returns tokens in the browser URL and issues no refresh token.');
  });

  test('a list item whose AWS::NoValue branch takes the item away: the positions are those of the branch', () => {
    const findings = findIn(oauth({ CallbackURLs: [IF('C', CB, NO_VALUE), 'http://app.example.org/cb'] }), 'redirect-uri-https');
    expect(findings.map((f) => [f.property, f.condition])).toEqual([['CallbackURLs[1]', undefined]]);
  });

  test('the list count in a branch (redirect-uri-count)', () => {
    const urls = Array.from({ length: 101 }, (_v, i) => `https://t${i}.example.org/cb`);
    expect(conditionsOf(oauth({ CallbackURLs: IF('Many', urls, [CB]) }), 'redirect-uri-count')).toEqual(['when Many is true']);
  });
});

describe('Fn::If on the whole Properties', () => {
  test('legacy flows in both branches are reported, once and without a condition (the issue\'s case)', () => {
    const p = IF('IsProd', { ...BASE, ExplicitAuthFlows: ['USER_PASSWORD_AUTH'] }, { ...BASE, ClientName: 'dev', ExplicitAuthFlows: ['USER_PASSWORD_AUTH'] });
    const findings = findIn(p, 'auth-flows-legacy-deprecated');
    expect(findings).toHaveLength(1);
    expect(findings[0].condition).toBeUndefined();
    expect(findings[0].message).not.toContain(' when ');
  });

  test('a branch that is AWS::NoValue: the client has no Properties there', () => {
    expect(ClientRules.check(IF('C', BASE, NO_VALUE))).toEqual([expect.objectContaining({
      ruleId: 'property-type', property: 'Properties', condition: 'when C is false',
    })]);
  });

  test('a branch that is not an object, or a macro', () => {
    expect(ClientRules.check(IF('C', BASE, 'x')).map((f) => [f.ruleId, f.condition])).toEqual([['property-type', 'when C is false']]);
    expect(ClientRules.check(IF('C', { 'Fn::Transform': { Name: 'M' } }, BASE)).map((f) => [f.ruleId, f.condition])).toEqual([['client-not-checkable', 'when C is true']]);
  });

  test('the absent values of one branch are not reported in the other', () => {
    const policy = new ClientPolicy({ requirePreventUserExistenceErrors: true });
    const p = IF('IsProd', { ...BASE, PreventUserExistenceErrors: 'ENABLED' }, BASE);
    expect(conditionsOf(p, 'policy-prevent-user-existence', policy)).toEqual(['when IsProd is false']);
  });

  test('in a template, with the context rules', () => {
    const findings = ClientRules.checkTemplate({
      Resources: {
        Pool: { Type: 'AWS::Cognito::UserPool' },
        Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: IF('Federated', { UserPoolId: { Ref: 'Pool' }, SupportedIdentityProviders: ['Okta'] }, { UserPoolId: { Ref: 'Pool' } }) },
      },
    });
    expect(findings.map((f) => [f.ruleId, f.resource, f.condition])).toEqual([['idp-exists', 'Client', 'when Federated is true']]);
  });

  test('compared with the previous deployment', () => {
    const previous = { Resources: { Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: { ...BASE, PreventUserExistenceErrors: 'ENABLED' } } } };
    const now = { Resources: { Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: { ...BASE, PreventUserExistenceErrors: IF('Keep', 'ENABLED', NO_VALUE) } } } };
    expect(ClientRules.checkTemplate(now, { previous }).filter((f) => f.ruleId === 'update-resets-omitted').map((f) => f.condition)).toEqual(['when Keep is false']);
  });
});

describe('conditions read together', () => {
  test('one condition is read consistently: no finding mixes its branches', () => {
    const p = {
      ...BASE,
      AllowedOAuthFlowsUserPoolClient: IF('Web', true, false),
      AllowedOAuthScopes: IF('Web', ['openid'], NO_VALUE),
      AllowedOAuthFlows: IF('Web', ['code'], NO_VALUE),
      CallbackURLs: IF('Web', [CB], NO_VALUE),
    };
    expect(ClientRules.check(p).filter((f) => f.severity === Severity.ERROR)).toEqual([]);
  });

  test('different conditions are not combined (their relation is unknown), so nothing is guessed', () => {
    const p = oauth({ AllowedOAuthFlows: IF('A', ['code'], NO_VALUE), CallbackURLs: IF('B', [CB], NO_VALUE) });
    expect(findIn(p, 'oauth-callback-required')).toEqual([]);
  });

  test('a condition nested in a branch is explored under that branch', () => {
    const p = oauth({ CallbackURLs: [IF('Cloud', IF('IsProd', CB, 'http://staging.example.org/cb'), 'http://localhost:3000/cb')] });
    expect(conditionsOf(p, 'redirect-uri-https')).toEqual(['when Cloud is true and IsProd is false']);
  });

  test('a finding in both branches of a nested condition holds under the outer branch', () => {
    const p = oauth({ CallbackURLs: [IF('Cloud', IF('IsProd', 'http://a.example.org/cb', 'http://a.example.org/cb'), CB)] });
    expect(conditionsOf(p, 'redirect-uri-https')).toEqual(['when Cloud is true']);
  });

  test('two conditions, each with its own finding', () => {
    const p = oauth({ CallbackURLs: [IF('A', 'http://a.example.org/cb', CB), IF('B', CB, 'http://b.example.org/cb')] });
    expect(findIn(p, 'redirect-uri-https').map((f) => [f.property, f.condition])).toEqual([
      ['CallbackURLs[0]', 'when A is true'],
      ['CallbackURLs[1]', 'when B is false'],
    ]);
  });

  test('a finding that holds whatever the conditions are is reported once, without a condition', () => {
    const p = oauth({ CallbackURLs: ['http://a.example.org/cb', IF('B', CB, 'http://b.example.org/cb')] });
    expect(findIn(p, 'redirect-uri-https').map((f) => [f.property, f.condition])).toEqual([
      ['CallbackURLs[0]', undefined],
      ['CallbackURLs[1]', 'when B is false'],
    ]);
  });

  test('many conditions: each one\'s branches are checked (no silent bound), each finding naming its item and condition', () => {
    const urls = Array.from({ length: 100 }, (_v, i) => IF(`C${i}`, CB, 'http://x.example.org/cb'));
    const findings = findIn(oauth({ CallbackURLs: urls }), 'redirect-uri-https');
    expect(findings.map((f) => [f.property, f.condition])).toEqual(urls.map((_u, i) => [`CallbackURLs[${i}]`, `when C${i} is false`]));
    expect(findIn(oauth({ CallbackURLs: urls }), 'client-not-checkable')).toEqual([]);
  });
});

describe('the bounds of branch checking are reported, never silent', () => {
  test('a value shared at every level (2^60 paths, as YAML aliases make) is walked once per object, and its condition still checked', () => {
    let shared: any = IF('Legacy', 'implicit', 'code');
    for (let i = 0; i < 60; i++) shared = { a: shared, b: [shared, shared] };
    const started = Date.now();
    const findings = ClientRules.check(oauth({ AllowedOAuthFlows: ['code', IF('Legacy', 'implicit', NO_VALUE)], Extra: shared }), ClientPolicy.recommended());
    expect(Date.now() - started).toBeLessThan(5000);
    expect(findings.filter((f) => f.ruleId === 'policy-no-implicit').map((f) => f.condition)).toEqual(['when Legacy is true']);
  });

  const policy = new ClientPolicy({ forbidImplicitFlow: true });
  const ID = 'client-not-checkable';
  const implicit = (p: any) => findIn(p, 'policy-no-implicit', policy);
  const notCheckable = (p: any) => findIn(p, ID, policy);

  test('padding: the implicit grant after 100 irrelevant conditions is still found', () => {
    const flows = ['code', ...Array.from({ length: 100 }, (_v, i) => IF(`Pad${i}`, 'code', NO_VALUE)), IF('Legacy', 'implicit', NO_VALUE)];
    expect(implicit(oauth({ AllowedOAuthFlows: flows })).map((f) => [f.property, f.condition])).toEqual([['AllowedOAuthFlows[101]', 'when Legacy is true']]);
    expect(notCheckable(oauth({ AllowedOAuthFlows: flows }))).toEqual([]);
  });

  test('a condition nested in the branches of 16 others: checked; one level more is reported', () => {
    const nest = (n: number, inner: any): any => (n === 0 ? inner : IF(`N${n}`, nest(n - 1, inner), 'code'));
    const deepest = (n: number) => oauth({ AllowedOAuthFlows: [nest(n, IF('Legacy', 'implicit', 'code'))] });
    expect(implicit(deepest(15)).map((f) => f.condition)).toEqual([
      `when ${Array.from({ length: 15 }, (_v, i) => `N${15 - i} is true`).join(' and ')} and Legacy is true`,
    ]);
    expect(notCheckable(deepest(15))).toEqual([]);
    expect(implicit(deepest(16))).toEqual([]);
    const [f] = notCheckable(deepest(16));
    expect(f).toEqual(expect.objectContaining({ ruleId: ID, severity: Severity.WARNING, property: 'AllowedOAuthFlows' }));
    expect(f.message).toContain('Fn::If on Legacy');
    expect(f.condition).toBe(`when ${Array.from({ length: 16 }, (_v, i) => `N${16 - i} is true`).join(' and ')}`);
  });

  test('one condition nested in itself 40 times is read through', () => {
    let v: any = 'implicit';
    for (let i = 0; i < 40; i++) v = IF('Legacy', v, 'code');
    expect(implicit(oauth({ AllowedOAuthFlows: [v] })).map((f) => f.condition)).toEqual(['when Legacy is true']);
  });

  test('a value nested deeper than the engine looks for Fn::If: reported, also with no condition found', () => {
    let v: any = IF('Legacy', 'implicit', 'code');
    for (let i = 0; i < 50; i++) v = { 'Fn::Join': ['', [v]] };
    const p = oauth({ AllowedOAuthFlows: ['code', v] });
    // (the value walk reports the Fn::Join nesting on the item too: the engine's other bound)
    const found = notCheckable(p);
    expect(found.map((f) => f.property)).toEqual(['AllowedOAuthFlows[1]', 'AllowedOAuthFlows']);
    expect(found[1]).toEqual(expect.objectContaining({ severity: Severity.WARNING }));
    expect(found[1].message).toContain('more than 128 levels deep');
    let plain: any = 'x';
    for (let i = 0; i < 140; i++) plain = [plain];
    expect(findIn({ ...BASE, Extra: plain }, ID).map((f) => f.property)).toEqual(['Extra']);
  });

  test('past the bound on the work of branches, the conditions not checked are named; small properties are checked first', () => {
    // 2,000 conditions over 20,000 URLs: checking each would read the list 4,000 times.
    const urls: any[] = Array.from({ length: 20000 }, (_v, i) => `https://a.example.org/${i}`);
    for (let i = 0; i < 2000; i++) urls[i * 10] = IF(`C${i}`, urls[i * 10], `http://b.example.org/${i}`);
    const p = oauth({ CallbackURLs: urls, AllowedOAuthFlows: ['code', IF('Legacy', 'implicit', NO_VALUE)] });
    expect(implicit(p).map((f) => f.condition)).toEqual(['when Legacy is true']);
    const [f] = notCheckable(p);
    expect(f).toEqual(expect.objectContaining({ property: 'CallbackURLs', severity: Severity.WARNING }));
    expect(f.message).toMatch(/Fn::If on C\d+, .* and \d+ more = |= Fn::If on C\d+.* and \d+ more: the branches of these conditions were not checked/);
    // The conditions checked before the bound have their findings.
    expect(findIn(p, 'redirect-uri-https').length).toBeGreaterThan(0);
  });
  test('property: nested and padded conditions; the bad branch is reported, or client-not-checkable says what was not checked (never neither)', () => {
    const arb = fc.record({
      padding: fc.integer({ min: 0, max: 200 }),
      at: fc.nat(),
      nesting: fc.integer({ min: 0, max: 20 }),
      self: fc.integer({ min: 0, max: 30 }),
      implicitWhen: fc.boolean(),
      nestedWhen: fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
      urls: fc.integer({ min: 0, max: 1000 }),
      whole: fc.boolean(),
    });
    fc.assert(fc.property(arb, (g) => {
      // The offending Fn::If (the implicit grant in one branch), on one condition repeated `self` times,
      // nested in the branches of `nesting` other conditions, among `padding` irrelevant Fn::Ifs.
      let bad: any = g.implicitWhen ? IF('Legacy', 'implicit', NO_VALUE) : IF('Legacy', NO_VALUE, 'implicit');
      for (let i = 0; i < g.self; i++) bad = g.implicitWhen ? IF('Legacy', bad, NO_VALUE) : IF('Legacy', NO_VALUE, bad);
      for (let i = g.nesting; i > 0; i--) bad = g.nestedWhen[i - 1] ? IF(`N${i}`, bad, 'code') : IF(`N${i}`, 'code', bad);
      const flows: any[] = ['code', ...Array.from({ length: g.padding }, (_v, i) => IF(`Pad${i}`, 'code', NO_VALUE))];
      flows.splice(g.at % (flows.length + 1), 0, bad);
      const urls: any[] = Array.from({ length: g.urls }, (_v, i) => IF(`U${i}`, `https://a.example.org/${i}`, `https://b.example.org/${i}`));
      let p: any = oauth({ AllowedOAuthFlows: flows, CallbackURLs: [CB, ...urls] });
      if (g.whole) p = IF('Whole', p, BASE);
      const branches = [
        ...(g.whole ? ['Whole is true'] : []),
        ...Array.from({ length: g.nesting }, (_v, i) => `N${i + 1} is ${g.nestedWhen[i]}`),
        `Legacy is ${g.implicitWhen}`,
      ];
      const all = ClientRules.check(p, policy);
      const found = all.filter((f) => f.ruleId === 'policy-no-implicit');
      const unchecked = all.filter((f) => f.ruleId === ID);
      expect(found.length + unchecked.length).toBeGreaterThan(0);
      for (const f of found) expect(f.condition).toBe(`when ${branches.join(' and ')}`);
      // Within the bounds, the finding is always there; past the nesting bound, the finding says so.
      const workBound = unchecked.some((f) => f.message.includes('past the engine\'s bound on the work'));
      if (branches.length > 16) expect(workBound || unchecked.some((f) => f.message.includes('nested in the branches of 16 other conditions'))).toBe(true);
      else if (!workBound) expect(found).toHaveLength(1);
    }), { numRuns: 30, seed: 20261206 });
  }, 120_000);
});

describe('client-not-checkable', () => {
  const ID = 'client-not-checkable';

  test.each([
    ['Fn::Transform as the whole Properties', { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k.yaml' } } }],
    ['Fn::Transform beside properties', { 'Fn::Transform': { Name: 'AddDefaults' }, 'UserPoolId': 'us-east-1_AbC123' }],
    ['another intrinsic as the whole Properties', { 'Fn::GetAtt': ['Config', 'Properties'] }],
  ])('fails (warning) for %s, and no other rule guesses at what it cannot see', (_d, p) => {
    const findings = ClientRules.check(p);
    expect(findings).toEqual([expect.objectContaining({ ruleId: ID, severity: Severity.WARNING, property: 'Properties' })]);
    expect(findings[0].message).toContain('cannot be checked');
  });

  test('a policy rule does not report absent values of a macro\'s Properties (the issue\'s "(absent: LEGACY)")', () => {
    const policy = new ClientPolicy({ requirePreventUserExistenceErrors: true, forbidImplicitFlow: true });
    expect(ClientRules.check({ 'Fn::Transform': { Name: 'M' } }, policy).map((f) => f.ruleId)).toEqual([ID]);
  });

  test('a macro writing one value leaves that value unknown, and the rest is checked', () => {
    const p = { ...BASE, TokenValidityUnits: { 'Fn::Transform': { Name: 'Units' }, 'AccessToken': 'minutes' }, AccessTokenValidity: 30, CallbackURLs: { 'Fn::Transform': { Name: 'Urls' } } };
    const ids = ClientRules.check(p).map((f) => f.ruleId);
    expect(ids).not.toContain(ID);
    expect(ids).not.toContain('token-unit-without-value');
    expect(ids).not.toContain('property-type');
  });

  test('accepts plain properties (boundary: a property named like an intrinsic elsewhere)', () => {
    expect(ClientRules.check({ ...BASE, ClientName: { 'Fn::Sub': 'web-${AWS::StackName}' } }).map((f) => f.ruleId)).not.toContain(ID);
  });

  test('in a template, one finding for the client', () => {
    const findings = ClientRules.checkTemplate({ Resources: { Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: { 'Fn::Transform': { Name: 'M' } } } } });
    expect(findings.map((f) => [f.ruleId, f.resource])).toEqual([[ID, 'Client']]);
  });
});

describe('a branch re-reads only the properties it changes', () => {
  const byPath = (a: any, b: any) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const sorted = (c: any) => ({ ...c, urlEntries: undefined, problems: [...c.problems].sort(byPath) });

  test('variantClient equals readClient of the whole, for every property of every documented example changed to the other example\'s value', () => {
    let compared = 0;
    for (const [, { fail, pass }] of PAIRS) {
      for (const [from, to] of [[fail.properties, pass.properties], [pass.properties, fail.properties]]) {
        if (typeof from !== 'object' || from === null || typeof to !== 'object' || to === null || 'Fn::Transform' in from) continue;
        const base = readClient(from);
        for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
          const q: any = { ...from };
          if (key in to) q[key] = to[key];
          else delete q[key];
          expect(sorted(variantClient(base, q, [key]))).toEqual(sorted(readClient(q)));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  test('a value a helper kept on the client (its URLs) is worked out again when a branch changes them', () => {
    const p = oauth({ CallbackURLs: [IF('C', 'http://a.example.org/cb', CB)], LogoutURLs: [IF('D', 'http://b.example.org/out', 'https://b.example.org/out')] });
    expect(findIn(p, 'redirect-uri-https').map((f) => [f.property, f.condition])).toEqual([['CallbackURLs[0]', 'when C is true']]);
    expect(findIn(p, 'logout-uri-https').map((f) => [f.property, f.condition])).toEqual([['LogoutURLs[0]', 'when D is true']]);
  });

  test('a rule about several properties runs again when any of its operands holds the condition', () => {
    const noUrls = { ...BASE, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthScopes: ['openid'] };
    const flows = IF('A', ['code'], ['client_credentials']);
    expect(conditionsOf({ ...noUrls, AllowedOAuthFlows: flows, GenerateSecret: true }, 'oauth-callback-required')).toEqual(['when A is true']);
    expect(conditionsOf({ ...noUrls, AllowedOAuthFlows: ['code'], CallbackURLs: IF('B', [CB], NO_VALUE) }, 'oauth-callback-required')).toEqual(['when B is false']);
    // A property the rule reads only when another one is set: still followed (what a rule reads is noted per branch).
    expect(conditionsOf({ ...noUrls, AllowedOAuthFlows: IF('A', ['code'], NO_VALUE), CallbackURLs: IF('A', NO_VALUE, [CB]) }, 'oauth-callback-required')).toEqual(['when A is true']);
  });

  test('branch findings keep their finding id, from the branch\'s value', () => {
    const policy = new ClientPolicy({ forbidImplicitFlow: true });
    const [f] = findIn(oauth({ AllowedOAuthFlows: ['code', IF('Legacy', 'implicit', NO_VALUE)] }), 'policy-no-implicit', policy);
    expect(f.findingId).toBe('AllowedOAuthFlows::implicit');
  });
});

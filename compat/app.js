// A user's app, run in each fresh project that `compat/run.js` installs the packed library into.
// COMPAT_NAG says which cdk-nag the project has: 0 (none), 2 or 3. Prints one JSON line: the
// synthesized AppClient resource, its satellites (compat/satellites.js) and what each check saw;
// exits non-zero on a failed assertion.
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const cdk = require('aws-cdk-lib');
const cognito = require('aws-cdk-lib/aws-cognito');
// COMPAT_LIB: the line's package (cdk-cognito-app-client, or cdk-cognito-app-client-classic)
const lib = require(process.env.COMPAT_LIB || 'cdk-cognito-app-client');
const { satelliteResources } = require('./satellites');

const NAG = Number(process.env.COMPAT_NAG);
const CLIENT = 'AWS::Cognito::UserPoolClient';
const checked = [];
const outdir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'compat-app-'));

/** The README's client: a 330-second access token, refresh tokens for 7 days, rotation on. */
function appWithClient() {
  const app = new cdk.App({ outdir: outdir() });
  const stack = new cdk.Stack(app, 'Auth');
  const userPool = new cognito.UserPool(stack, 'Pool');
  new lib.AppClient(stack, 'Web', {
    userPool,
    oAuth: { callbackUrls: ['https://app.example.org/callback'] },
    accessTokenValidity: cdk.Duration.seconds(330),
    refreshTokenValidity: cdk.Duration.days(7),
    refreshTokenRotation: true,
  });
  return { app, stack, userPool };
}

/** An aws-cdk-lib L2 client with a plain-http callback: the pack must report redirect-uri-https. */
function addHttpClient(userPool) {
  return userPool.addClient('Legacy', { oAuth: { callbackUrls: ['http://legacy.example.org/callback'] } });
}

function synthError(app) {
  try {
    app.synth();
  } catch (e) {
    return String(e && e.message);
  }
  return '';
}

// 1. The library loads and AppClient synthesizes the same client everywhere.
const { app } = appWithClient();
const template = app.synth().getStackByName('Auth').template;
const client = Object.values(template.Resources).find((r) => r.Type === CLIENT);
assert.ok(client, 'no AppClient resource in the template');
checked.push('AppClient synthesizes');

if (NAG === 0) {
  // 2. Without cdk-nag, only the pack needs it, and says what to install.
  assert.throws(() => new lib.AppClientChecks(), /AppClientChecks needs cdk-nag, which is not installed\. Install cdk-nag 2 .* or cdk-nag 3/);
  checked.push('AppClientChecks without cdk-nag: one clear error');
}

if (NAG === 2) {
  const nag = require('cdk-nag');
  // 3. cdk-nag 2: one line adds the pack; an error annotation names the finding.
  // each error annotation's id: the rule, and for a finding about one value its finding id (`AppClientChecks-<rule>[<finding id>]`)
  const errorIds = (stack, prefix) => stack.node.findAll().flatMap((c) => c.node.metadata)
    .filter((m) => m.type === 'aws:cdk:error' && String(m.data).startsWith(prefix))
    .map((m) => /^([^\s]+?): /.exec(String(m.data))[1]);
  const findings = (stack) => errorIds(stack, 'AppClientChecks-').map((id) => id.replace(/\[.*\]$/, ''));
  {
    const { app: a, stack, userPool } = appWithClient();
    cdk.Aspects.of(a).add(new lib.AppClientChecks(a));
    addHttpClient(userPool);
    a.synth();
    assert.deepStrictEqual(findings(stack), ['AppClientChecks-redirect-uri-https']);
    checked.push('cdk-nag 2 pack reports AppClientChecks-redirect-uri-https');
  }
  {
    const { app: a, stack, userPool } = appWithClient();
    cdk.Aspects.of(a).add(new lib.AppClientChecks(a));
    const legacy = addHttpClient(userPool);
    nag.NagSuppressions.addResourceSuppressions(legacy, [{ id: 'AppClientChecks-redirect-uri-https', reason: 'retired in Q3, no users left' }]);
    a.synth();
    assert.deepStrictEqual(findings(stack), []);
    checked.push('NagSuppressions with a reason suppresses it');
  }
  {
    // a granular suppression (appliesTo: the finding id) silences exactly one value's finding
    const { app: a, stack, userPool } = appWithClient();
    cdk.Aspects.of(a).add(new lib.AppClientChecks(a));
    const legacy = userPool.addClient('Legacy', { oAuth: { callbackUrls: ['http://legacy.example.org/callback', 'http://old.example.org/cb'] } });
    nag.NagSuppressions.addResourceSuppressions(legacy, [{ id: 'AppClientChecks-redirect-uri-https', reason: 'retired in Q3, no users left', appliesTo: ['CallbackURLs::http://legacy.example.org/callback'] }]);
    a.synth();
    assert.deepStrictEqual(errorIds(stack, 'AppClientChecks-'), ['AppClientChecks-redirect-uri-https[CallbackURLs::http://old.example.org/cb]']);
    checked.push('a granular suppression (appliesTo) silences exactly one value');
  }
  {
    // one synth: an AppClient error and AwsSolutionsChecks errors are all reported (the AppClient no longer stops the synth)
    const { app: a, stack, userPool } = appWithClient();
    cdk.Aspects.of(a).add(new nag.AwsSolutionsChecks({ reports: false }));
    cdk.Aspects.of(a).add(new lib.AppClientChecks(a, { reports: false }));
    new lib.AppClient(stack, 'Broken', { userPool, oAuth: { callbackUrls: ['http://app.example.org/callback'] } });
    assert.strictEqual(synthError(a), '');
    assert.deepStrictEqual(errorIds(stack, 'AppClientChecks-'), ['AppClientChecks-redirect-uri-https[CallbackURLs::http://app.example.org/callback]']);
    assert.ok(errorIds(stack, 'AwsSolutions-').length > 0, 'no AwsSolutionsChecks error');
    checked.push('an AppClient error and AwsSolutionsChecks errors in one synth');
  }
  {
    const report = new lib.AppClientChecks().validate({ templatePaths: [] });
    assert.strictEqual(report.success, false);
    assert.match(report.violations[0].description, /cdk-nag 2\.\d+\.\d+ is installed/);
    assert.match(report.violations[0].fix, /Aspects\.of\(app\)\.add\(new AppClientChecks\(app\)\)/);
    checked.push('used as a plugin with cdk-nag 2: the message names the version and the line');
  }
  {
    // registered the cdk-nag 3 way (or not at all) in an app: its construct validation fails the synth
    const a = new cdk.App({ outdir: outdir() });
    const pack = new lib.AppClientChecks(a);
    if (typeof cdk.Validations === 'function') cdk.Validations.of(a).addPlugins(pack);
    new cdk.Stack(a, 'Empty');
    assert.match(synthError(a), /\[pack-registration\] AppClientChecks was created with cdk-nag 2\.\d+\.\d+ installed, but is not an Aspect of this app/);
    checked.push('registered as a plugin with cdk-nag 2 in an app: the synth fails with the message');
  }
  {
    // cdk-nag 2's report options: CSV and JSON, a row for every rule on every client, as cdk-nag's packs write
    const { app: a, stack, userPool } = appWithClient();
    cdk.Aspects.of(a).add(new lib.AppClientChecks(a, { reportFormats: ['csv', 'json'] }));
    const legacy = addHttpClient(userPool);
    const dir = a.synth().directory;
    // cdk-nag names the report after the stage and the stack: later 2.x releases prefix the app's (empty) id
    const report = (ext) => path.join(dir, fs.readdirSync(dir).find((f) => new RegExp(`^AppClientChecks-(-)?Auth-NagReport\\.${ext}$`).test(f)));
    const json = JSON.parse(fs.readFileSync(report('json'), 'utf8'));
    const row = (rule) => json.lines.find((l) => l.ruleId === `AppClientChecks-${rule}` && l.resourceId === legacy.node.defaultChild.node.path);
    assert.deepStrictEqual([row('redirect-uri-https').compliance, row('token-validity-range').compliance], ['Non-Compliant', 'Compliant']);
    assert.ok(fs.readFileSync(report('csv'), 'utf8').includes('"Compliant"'));
    void stack;
    checked.push('reportFormats csv and json: Compliant and Non-Compliant rows');
  }
}

if (NAG === 3) {
  const nag = require('cdk-nag');
  // 4. cdk-nag 3: the pack is a validation plugin; errors fail synth; acknowledged with a reason.
  {
    const { app: a, userPool } = appWithClient();
    cdk.Validations.of(a).addPlugins(new lib.AppClientChecks(a));
    addHttpClient(userPool);
    const message = synthError(a);
    assert.notStrictEqual(message, '', 'synth did not fail');
    const report = JSON.parse(fs.readFileSync(path.join(a.outdir, 'validation-report.json'), 'utf8'));
    const rules = JSON.stringify(report).match(/AppClientChecks-[a-z0-9-]+/g) || [];
    assert.ok(rules.includes('AppClientChecks-redirect-uri-https'), `report: ${JSON.stringify(report).slice(0, 400)}`);
    checked.push('cdk-nag 3 plugin reports AppClientChecks-redirect-uri-https');
  }
  {
    const { app: a, userPool } = appWithClient();
    cdk.Validations.of(a).addPlugins(new lib.AppClientChecks(a));
    const legacy = addHttpClient(userPool);
    cdk.Validations.of(legacy).acknowledge({ id: 'AppClientChecks-redirect-uri-https', reason: 'retired in Q3, no users left' });
    assert.strictEqual(synthError(a), '');
    checked.push('Validations.acknowledge with a reason silences it');
  }
  {
    // cdk-nag 3's writeSuppressionsToCloudFormation: acknowledgements as cdk-nag 2's template metadata
    const { app: a, userPool } = appWithClient();
    cdk.Validations.of(a).addPlugins(new lib.AppClientChecks(a, { writeSuppressionsToCloudFormation: true }));
    const legacy = addHttpClient(userPool);
    cdk.Validations.of(legacy).acknowledge({ id: 'AppClientChecks-redirect-uri-https', reason: 'retired in Q3, no users left' });
    assert.strictEqual(synthError(a), '');
    const t = JSON.parse(fs.readFileSync(path.join(a.outdir, 'Auth.template.json'), 'utf8'));
    const meta = t.Resources[cdk.Stack.of(legacy).getLogicalId(legacy.node.defaultChild)].Metadata;
    assert.ok(JSON.stringify(meta.cdk_nag).includes('AppClientChecks-redirect-uri-https'), `metadata: ${JSON.stringify(meta)}`);
    checked.push('writeSuppressionsToCloudFormation writes the acknowledgement as cdk_nag metadata');
  }
  {
    // a granular acknowledgement (Rule[finding id]) silences exactly one value; finding ids with
    // [::1], an unmatched bracket and a space survive aws-cdk-lib's parsing of acknowledgement ids (2.265 splits at every ::)
    const { app: a, userPool } = appWithClient();
    const policy = new lib.ClientPolicy({ allowLoopbackUrls: false });
    cdk.Validations.of(a).addPlugins(new lib.AppClientChecks(a, { policy }));
    const urls = ['http://[::1]:3000/cb', 'http://a(b.example.org/cb', 'https://a b.example.org/cb', 'http://legacy.example.org/callback'];
    const legacy = userPool.addClient('Legacy', { oAuth: { callbackUrls: urls } });
    const properties = { UserPoolId: 'eu-west-1_AbC123', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: urls.slice(0, 3) };
    const ids = lib.ClientRules.check(properties, policy).filter((f) => f.findingId).map((f) => `AppClientChecks-${f.ruleId}[${f.findingId}]`);
    assert.ok(ids.some((id) => id.includes('[%3A%3A1]')) && ids.some((id) => id.includes('%28')) && ids.some((id) => id.includes('%20')), `ids: ${ids}`);
    for (const id of ids) cdk.Validations.of(legacy).acknowledge({ id, reason: 'kept for the migration, ticket AUTH-7' });
    assert.notStrictEqual(synthError(a), '', 'synth did not fail');
    const report = JSON.stringify(JSON.parse(fs.readFileSync(path.join(a.outdir, 'validation-report.json'), 'utf8')));
    const reported = [...new Set(report.match(/AppClientChecks-[a-z0-9-]+(\[[^\]"]*\])?/g))].sort();
    assert.deepStrictEqual(reported, ['AppClientChecks-redirect-uri-https[CallbackURLs::http://legacy.example.org/callback]']);
    checked.push('a granular acknowledgement (Rule[finding id]) silences exactly one value; [::1], ( and spaces survive aws-cdk-lib');
  }
  {
    // one synth: an AppClient error and AwsSolutionsChecks errors are both in the report, and it fails once
    const { app: a, stack, userPool } = appWithClient();
    cdk.Validations.of(a).addPlugins(new nag.AwsSolutionsChecks(a), new lib.AppClientChecks(a));
    new lib.AppClient(stack, 'Broken', { userPool, oAuth: { callbackUrls: ['http://app.example.org/callback'] } });
    const message = synthError(a);
    assert.notStrictEqual(message, '', 'synth did not fail');
    assert.ok(!message.includes('[Auth/Broken] [redirect-uri-https]'), 'the AppClient stopped the synth before the plugins');
    const report = JSON.stringify(JSON.parse(fs.readFileSync(path.join(a.outdir, 'validation-report.json'), 'utf8')));
    assert.ok(report.includes('AppClientChecks-redirect-uri-https[CallbackURLs::http://app.example.org/callback]'), `report: ${report.slice(0, 400)}`);
    assert.ok(/AwsSolutions-[A-Z]+\d+/.test(report), 'no AwsSolutionsChecks finding in the report');
    checked.push('an AppClient error and AwsSolutionsChecks findings in one report');
  }
  {
    const { app: a } = appWithClient();
    cdk.Aspects.of(a).add(new lib.AppClientChecks(a));
    assert.match(synthError(a), /cdk-nag 3\.\d+\.\d+ is installed[\s\S]*Validations\.of\(app\)\.addPlugins\(new AppClientChecks\(app\)\)/);
    checked.push('used as an Aspect with cdk-nag 3: the message names the version and the line');
  }
}

// 5. Drop-in parity with the installed aws-cdk-lib's own UserPoolClient (every release): where both
// emit the same set, in the same order; the same sign-in URL; an import by id.
{
  const a = new cdk.App({ outdir: outdir() });
  const stack = new cdk.Stack(a, 'Parity', { env: { region: 'eu-west-1', account: '111111111111' } });
  const userPool = new cognito.UserPool(stack, 'Pool');
  new cognito.UserPoolIdentityProviderGoogle(stack, 'Google', { userPool, clientId: 'google-client', clientSecretValue: cdk.SecretValue.unsafePlainText('google-secret') });
  const options = {
    authFlows: { userPassword: true, adminUserPassword: true, custom: true, userSrp: true },
    oAuth: {
      flows: { authorizationCodeGrant: true, implicitCodeGrant: true },
      callbackUrls: ['https://app.example.org/cb'],
      scopes: [cognito.OAuthScope.PROFILE, cognito.OAuthScope.EMAIL, cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL],
    },
  };
  const theirs = userPool.addClient('L2', options);
  const ours = new lib.AppClient(userPool, 'Ours', { userPool, ...options });
  const domain = userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: 'example-shop' } });
  const urlOptions = { redirectUri: 'https://app.example.org/cb' };
  const urls = [domain.signInUrl(theirs, urlOptions), ours.signInUrl(domain, urlOptions)];
  const t = a.synth().getStackByName('Parity').template;
  const props = (c) => t.Resources[stack.getLogicalId(c.node.defaultChild)].Properties;
  for (const key of ['AllowedOAuthFlows', 'AllowedOAuthScopes', 'SupportedIdentityProviders', 'ExplicitAuthFlows', 'CallbackURLs']) {
    assert.deepStrictEqual(props(ours)[key], props(theirs)[key], `${key} differs from aws-cdk-lib's UserPoolClient`);
  }
  const url = (u, c) => JSON.stringify(stack.resolve(u)).split(stack.getLogicalId(c.node.defaultChild)).join('<client>');
  assert.strictEqual(url(urls[1], ours), url(urls[0], theirs), 'signInUrl differs from aws-cdk-lib\'s');
  const imported = lib.AppClient.fromUserPoolClientId(stack, 'Imported', 'client-id-1');
  assert.strictEqual(imported.userPoolClientId, 'client-id-1');
  // the whole reference reads (Python and Java read every field of a struct at once)
  assert.deepStrictEqual(Object.keys(imported.userPoolClientRef).sort(), ['clientId', 'userPoolId']);
  assert.strictEqual(imported.userPoolClientRef.clientId, 'client-id-1');
  const withPool = lib.AppClient.fromUserPoolClientAttributes(stack, 'WithPool', { userPoolClientId: 'client-id-2', userPoolId: userPool.userPoolId });
  assert.strictEqual(withPool.userPoolClientRef.userPoolId, userPool.userPoolId);
  // every error message starts with its code
  assert.throws(() => new lib.AppClient(stack, 'Bad', { userPool, refreshTokenValidity: cdk.Duration.seconds(0) }),
    (e) => /^\[invalid-props\] Parity\/Bad: invalid AppClient props:\n {2}\[token-refresh-zero\]/.test(e.message));
  checked.push('the same flows, scopes, identity providers, auth flows and sign-in URL as the UserPoolClient of this release; imported references read in full; error codes');
}

// 6. Property injection: where aws-cdk-lib has property injectors (2.196 and later), an injector
// registered on a stack gives its defaults to every AppClient in it, as to aws-cdk-lib's own
// constructs; on older releases nothing is injected and nothing breaks.
{
  const a = new cdk.App({ outdir: outdir() });
  const stack = new cdk.Stack(a, 'Injected');
  const userPool = new cognito.UserPool(stack, 'Pool');
  const hasInjectors = typeof cdk.PropertyInjectors === 'function';
  const seen = [];
  if (hasInjectors) {
    cdk.PropertyInjectors.of(stack).add({
      constructUniqueId: lib.AppClient.PROPERTY_INJECTION_ID,
      inject: (props, context) => {
        seen.push(context.id);
        return { userPoolClientName: `org-${context.id.toLowerCase()}`, accessTokenValidity: cdk.Duration.minutes(15), ...props };
      },
    });
  }
  assert.strictEqual(typeof lib.AppClient.PROPERTY_INJECTION_ID, 'string');
  const defaulted = new lib.AppClient(stack, 'Web', { userPool, oAuth: { callbackUrls: ['https://app.example.org/cb'] } });
  const own = new lib.AppClient(stack, 'Own', { userPool, userPoolClientName: 'own', accessTokenValidity: cdk.Duration.minutes(10) });
  const t = a.synth().getStackByName('Injected').template;
  const props = (c) => t.Resources[stack.getLogicalId(c.resource)].Properties;
  if (hasInjectors) {
    assert.deepStrictEqual(seen, ['Web', 'Own']);
    assert.strictEqual(props(defaulted).ClientName, 'org-web');
    assert.strictEqual(props(defaulted).AccessTokenValidity, 15);
    assert.deepStrictEqual([props(own).ClientName, props(own).AccessTokenValidity], ['own', 10]);
    checked.push('a property injector on the stack gives its defaults to AppClient');
  } else {
    assert.strictEqual(props(defaulted).ClientName, undefined);
    assert.strictEqual(props(own).ClientName, 'own');
    checked.push('no property injectors in this release: AppClient unchanged');
  }
}

// 7. The client's satellites: a managed login style, terms documents and an 8-hour SSO session,
// made with CfnResource on every release (compared by run.js with compat/expected-satellites.json).
const satellites = satelliteResources({ cdk, cognito, lib, dir: outdir() });
checked.push('a managed login style, terms and an SSO session of 8 hours');

process.stdout.write(`${JSON.stringify({ client, satellites, checked })}\n`);

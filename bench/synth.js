// One benchmark sample: builds an app with one UserPool and N clients of one kind, synthesizes it,
// and prints {ms, rssMb} as JSON. Usage: node bench/synth.js <l1|l2|app> <N> [none|appchecks|awssolutions]
'use strict';
const start = process.hrtime.bigint();
const { App, Aspects, Duration, Stack } = require('aws-cdk-lib');
const cognito = require('aws-cdk-lib/aws-cognito');
const { settings, cfnProps } = require('./clients');

const [kind, n, pack = 'none'] = [process.argv[2], Number(process.argv[3]), process.argv[4]];
const lib = kind === 'app' || pack === 'appchecks' ? require('../lib') : undefined;

const built = process.hrtime.bigint(); // modules loaded: what follows is the app's own cost
const app = new App({ outdir: process.env.BENCH_OUTDIR });
// Both packs as cdk-nag 2 packs (Aspects): the dev dependency is cdk-nag 2.27.0, at the minimum aws-cdk-lib.
if (pack === 'appchecks') Aspects.of(app).add(new lib.AppClientChecks(app, { policy: lib.ClientPolicy.recommended({ requireRefreshTokenRotation: false }), reports: false }));
if (pack === 'awssolutions') Aspects.of(app).add(new (require('cdk-nag').AwsSolutionsChecks)({ reports: false }));

const stack = new Stack(app, 'Bench', { env: { account: '111111111111', region: 'eu-west-1' } });
// A pool that AwsSolutionsChecks accepts, so both packs run to the end.
const userPool = new cognito.UserPool(stack, 'Pool', {
  passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
  mfa: cognito.Mfa.REQUIRED,
  mfaSecondFactor: { otp: true, sms: false },
  advancedSecurityMode: cognito.AdvancedSecurityMode.ENFORCED, // featurePlan PLUS on newer aws-cdk-lib
});

for (let i = 0; i < n; i++) {
  const s = settings(i);
  const scopes = s.scopes.map((x) => cognito.OAuthScope.custom(x));
  if (kind === 'l1') {
    new cognito.CfnUserPoolClient(stack, `Client${i}`, cfnProps(s, userPool.userPoolId));
  } else {
    const props = {
      userPool,
      userPoolClientName: s.name,
      generateSecret: s.secret || undefined,
      authFlows: { userSrp: true, custom: s.custom || undefined },
      oAuth: { flows: { authorizationCodeGrant: true }, callbackUrls: s.callbacks, logoutUrls: s.logout, scopes },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      accessTokenValidity: Duration.minutes(s.accessMinutes),
      idTokenValidity: Duration.minutes(s.idMinutes),
      refreshTokenValidity: Duration.days(s.refreshDays),
    };
    if (kind === 'l2') new cognito.UserPoolClient(stack, `Client${i}`, props);
    else new lib.AppClient(stack, `Client${i}`, props);
  }
}

let failed = false;
try {
  app.synth();
} catch (e) {
  failed = true;
  process.stderr.write(String(e.message).slice(0, 2000) + '\n');
}
const end = process.hrtime.bigint();
process.stdout.write(JSON.stringify({
  ms: Number(end - start) / 1e6,
  appMs: Number(end - built) / 1e6,
  rssMb: process.resourceUsage().maxRSS / 1024,
  failed,
}) + '\n');

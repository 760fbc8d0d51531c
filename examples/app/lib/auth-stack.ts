import { readFileSync } from 'fs';
import { join } from 'path';
import { CfnResource, Duration, Stack, StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { AppClient, AssetCategory, BrandingAsset, ColorMode, ManagedLoginStyle, TermsLanguage } from '../../../src';

const ASSETS = join(__dirname, '..', 'assets');

export interface AuthStackProps extends StackProps {
  /** Put deliberate mistakes into the clients that Cognito would reject (each caught by the AppClient at synth). */
  readonly broken?: boolean;
  /** Put deliberate breaches of the organisation policy into the clients (each caught by AppClientChecks). */
  readonly brokenPolicy?: boolean;
  /** A development copy: the web shop also accepts http://localhost:3000/callback, for local testing. */
  readonly localDevelopment?: boolean;
}

/**
 * A user pool for a shop: an orders API (resource server), a corporate OIDC identity provider,
 * a domain with managed login (version 2), and four app clients: the web shop (single-page app,
 * with its own sign-in style, terms and an SSO session of 8 hours), the back office (server-side
 * web app), the billing worker (machine to machine) and the mobile app.
 */
export class AuthStack extends Stack {
  constructor(scope: Construct, id: string, props: AuthStackProps = {}) {
    super(scope, id, props);
    const broken = props.broken === true;
    const brokenPolicy = props.brokenPolicy === true;

    const userPool = new cognito.UserPool(this, 'UserPool', {
      signInAliases: { email: true },
      standardAttributes: { email: { required: true } },
      customAttributes: { tenant: new cognito.StringAttribute({ mutable: true }) },
    });
    // featurePlan: cognito.FeaturePlan.ESSENTIALS on aws-cdk-lib 2.186 and later
    (userPool.node.defaultChild as cognito.CfnUserPool).addPropertyOverride('UserPoolTier', 'ESSENTIALS');

    // Managed login (version 2): every hosted sign-in client needs a style (managedLogin below).
    // On aws-cdk-lib releases whose UserPoolDomain has no managedLoginVersion (2.176 and earlier):
    // (domain.node.defaultChild as cognito.CfnUserPoolDomain).addPropertyOverride('ManagedLoginVersion', 2);
    userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.localDevelopment ? 'example-shop-dev' : 'example-shop' },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    // Session tracking, which a client's SSO session setting needs: one per pool, for every client
    // (with a cap on each user's sessions), so the app declares it and AppClient never creates it.
    new CfnResource(this, 'SessionTracking', {
      type: 'AWS::Cognito::UserPoolSessionConfigurationAttachment',
      properties: { UserPoolId: userPool.userPoolId, UserSessionTracking: 'ENABLED', TokenSession: { MaxPerUser: 10 } },
    });

    const readOrders = new cognito.ResourceServerScope({ scopeName: 'read', scopeDescription: 'Read orders' });
    const writeOrders = new cognito.ResourceServerScope({ scopeName: 'write', scopeDescription: 'Create and change orders' });
    const orders = userPool.addResourceServer('OrdersApi', { identifier: 'orders-api', scopes: [readOrders, writeOrders] });

    new cognito.UserPoolIdentityProviderOidc(this, 'CorpIdp', {
      userPool,
      name: 'CorpOIDC',
      clientId: 'shop-cognito',
      clientSecret: 'replace-with-a-secret-reference',
      issuerUrl: 'https://login.example.org',
      scopes: ['openid', 'email'],
      attributeMapping: { email: cognito.ProviderAttribute.other('email') },
    });

    // The web shop: a single-page app with the authorization code grant (PKCE in the browser), no secret.
    new AppClient(this, 'WebShop', {
      userPool,
      userPoolClientName: 'web-shop',
      oAuth: {
        callbackUrls: broken
          ? ['http://shop.example.org/callback', 'https://shop.example.org/#/signed-in']
          : ['https://shop.example.org/callback', ...(props.localDevelopment ? ['http://localhost:3000/callback'] : [])],
        logoutUrls: ['https://shop.example.org/'],
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
      },
      accessTokenValidity: brokenPolicy ? Duration.hours(2) : Duration.minutes(15),
      idTokenValidity: Duration.minutes(15),
      refreshTokenValidity: Duration.days(30),
      refreshTokenRotation: true,
      // the settings exported from the console's branding designer, and the shop's logo
      managedLogin: ManagedLoginStyle.fromSettings(JSON.parse(readFileSync(join(ASSETS, 'branding.json'), 'utf8')), [
        BrandingAsset.fromFile(join(ASSETS, 'logo.svg'), { category: AssetCategory.FORM_LOGO, colorMode: ColorMode.LIGHT }),
      ]),
      terms: {
        termsOfUse: [{ language: TermsLanguage.DEFAULT, url: 'https://shop.example.org/terms' }],
        privacyPolicy: [
          { language: TermsLanguage.DEFAULT, url: 'https://shop.example.org/privacy' },
          { language: TermsLanguage.GERMAN, url: 'https://shop.example.org/de/datenschutz' },
        ],
      },
      ssoSessionValidity: Duration.hours(8),
    });

    // The back office: a server-side web app with a secret, signing in through the corporate IdP.
    new AppClient(this, 'BackOffice', {
      userPool,
      userPoolClientName: 'back-office',
      generateSecret: true,
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.custom(broken ? 'CorpOIDC-typo' : 'CorpOIDC')],
      oAuth: {
        callbackUrls: ['https://backoffice.example.org/oauth2/callback'],
        logoutUrls: ['https://backoffice.example.org/signed-out'],
        defaultRedirectUri: 'https://backoffice.example.org/oauth2/callback',
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.resourceServer(orders, writeOrders)],
      },
      readAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, emailVerified: true }).withCustomAttributes('tenant'),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }),
      enablePropagateAdditionalUserContextData: true,
      managedLogin: ManagedLoginStyle.cognitoProvidedValues(),
    });

    // The billing worker: machine to machine, client_credentials with a resource-server scope.
    new AppClient(this, 'BillingWorker', {
      userPool,
      userPoolClientName: 'billing-worker',
      generateSecret: !broken,
      oAuth: {
        flows: { clientCredentials: true },
        scopes: [broken ? cognito.OAuthScope.OPENID : cognito.OAuthScope.custom('orders-api/read')],
      },
      accessTokenValidity: Duration.minutes(30),
    });

    // The mobile app: a custom-scheme callback, no secret.
    new AppClient(this, 'MobileApp', {
      userPool,
      userPoolClientName: brokenPolicy ? 'Mobile App' : 'mobile-app',
      oAuth: {
        callbackUrls: ['org.example.shop://callback'],
        logoutUrls: ['org.example.shop://signout'],
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL],
      },
      authFlows: brokenPolicy ? { userPassword: true } : undefined,
      refreshTokenValidity: Duration.days(90),
      refreshTokenRotation: true,
      managedLogin: ManagedLoginStyle.cognitoProvidedValues(),
    });
  }
}

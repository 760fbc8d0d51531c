import { Asset, AttachmentModel, AttachmentRule, BRANDING, ClientFacts, DOMAIN, DomainFacts, Items, differentLink, sameClientGroups, sameLink, topOf } from './private/attachments';
import { PartialString, Unknown, isUnknown, show } from './private/values';
import { Severity } from './types';

const API_REF = 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference';
const CFN_BRANDING = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-managedloginbranding.html';

export const ASSET_CATEGORIES = [
  'FAVICON_ICO', 'FAVICON_SVG', 'EMAIL_GRAPHIC', 'SMS_GRAPHIC', 'AUTH_APP_GRAPHIC', 'PASSWORD_GRAPHIC', 'PASSKEY_GRAPHIC',
  'PAGE_HEADER_LOGO', 'PAGE_HEADER_BACKGROUND', 'PAGE_FOOTER_LOGO', 'PAGE_FOOTER_BACKGROUND', 'PAGE_BACKGROUND',
  'FORM_BACKGROUND', 'FORM_LOGO', 'IDP_BUTTON_ICON',
];
export const ASSET_COLOR_MODES = ['LIGHT', 'DARK', 'DYNAMIC'];
export const ASSET_EXTENSIONS = ['ICO', 'JPEG', 'PNG', 'SVG', 'WEBP'];
const MAX_ASSETS = 40;
const MAX_BYTES = 1_000_000;
const RESOURCE_ID = /^[A-Za-z0-9_\- ]{1,40}$/;

/** Whether a list of assets surely has at least one. */
function hasAssets(a: Items<Asset> | Unknown | undefined): boolean {
  return typeof a === 'object' && a.certain > 0;
}

/** Checks one enum field of an asset: absent (it is required) or a literal outside the values. */
function enumField(v: string | PartialString | Unknown | undefined, path: string, allowed: ReadonlyArray<string>,
  hint: (v: string) => string | undefined,
  emit: (property: string, value: string, why: string, fix?: string) => void): void {
  if (v === undefined) {
    emit(path, '(absent)', `an asset needs it (one of ${allowed.join(', ')}).`, `Set ${path} to one of ${allowed.join(', ')}.`);
  } else if (typeof v === 'string' && !allowed.includes(v)) {
    const extra = hint(v);
    emit(path, show(v), `it is not one of ${allowed.join(', ')}${extra ? ` (${extra})` : ''}: Cognito rejects the style.`, `Set ${path} to one of ${allowed.join(', ')}.`);
  }
}

export const BRANDING_RULES: AttachmentRule[] = [
  {
    id: 'branding-provided-values-exclusive',
    severity: Severity.ERROR,
    title: 'A managed login style uses Cognito\'s provided values or its own Settings and Assets, not both',
    source: CFN_BRANDING,
    fix: 'Remove Settings and Assets, or set UseCognitoProvidedValues to false.',
    reads: [BRANDING],
    reportsOn: 'attachment',
    check(model, emit) {
      for (const b of topOf(model, 'branding')) {
        if (b.UseCognitoProvidedValues !== true) continue;
        const withContent = [
          ...(typeof b.Settings === 'number' && b.Settings > 0 ? ['Settings'] : []),
          ...(hasAssets(b.Assets) ? ['Assets'] : []),
        ];
        if (withContent.length) {
          emit(b.logicalId, 'UseCognitoProvidedValues', 'true', `the style also has ${withContent.join(' and ')}; with Cognito's provided values, Settings and Assets must be omitted (InvalidParameterException).`);
        }
      }
    },
  },
  {
    id: 'branding-assets',
    severity: Severity.ERROR,
    title: 'Managed login style assets: at most 40, each with a known category, color mode and extension, and bounded bytes and resource id',
    source: `${API_REF}/API_AssetType.html`,
    fix: 'Give each asset a Category, a ColorMode of LIGHT, DARK or DYNAMIC and an Extension of ICO, JPEG, PNG, SVG or WEBP; keep to 40 assets of at most 1,000,000 Base64 characters each.',
    reads: [BRANDING],
    reportsOn: 'attachment',
    check(model, emit) {
      for (const b of topOf(model, 'branding')) {
        const assets = b.Assets;
        if (typeof assets !== 'object') continue;
        const e = (property: string, value: string, why: string, fix?: string) => emit(b.logicalId, property, value, why, fix);
        if (assets.certain > MAX_ASSETS) {
          e('Assets', `(${assets.certain} assets)`, `a style holds at most ${MAX_ASSETS} assets.`, `Keep to ${MAX_ASSETS} assets.`);
        }
        for (const item of assets.items) {
          const a = item.value;
          if (isUnknown(a)) continue;
          enumField(a.Category, `${item.path}.Category`, ASSET_CATEGORIES, () => undefined, e);
          enumField(a.ColorMode, `${item.path}.ColorMode`, ASSET_COLOR_MODES,
            (v) => (v === 'BROWSER_ADAPTIVE' ? 'browser-adaptive images are DYNAMIC' : v.toUpperCase() !== v && ASSET_COLOR_MODES.includes(v.toUpperCase()) ? `values are upper case: ${v.toUpperCase()}` : undefined), e);
          enumField(a.Extension, `${item.path}.Extension`, ASSET_EXTENSIONS,
            (v) => (v.toUpperCase() === 'JPG' ? 'JPEG images are JPEG' : v.toUpperCase() !== v && ASSET_EXTENSIONS.includes(v.toUpperCase()) ? `values are upper case: ${v.toUpperCase()}` : undefined), e);
          const bytes = a.Bytes;
          const bytesLength = typeof bytes === 'string' ? bytes.length : bytes instanceof PartialString ? bytes.literalLength() : 0;
          if (bytesLength > MAX_BYTES) {
            e(`${item.path}.Bytes`, `(${bytesLength} characters)`, `the Base64 text of an image is at most ${MAX_BYTES} characters (about 750 kB of image).`, 'Use a smaller image.');
          }
          const rid = a.ResourceId;
          if (typeof rid === 'string' && !RESOURCE_ID.test(rid)) {
            e(`${item.path}.ResourceId`, show(rid), 'a resource id is 1 to 40 characters of ASCII letters, digits, _, - and spaces.');
          }
        }
      }
    },
  },
];

export const BRANDING_PAIR_RULES: AttachmentRule[] = [
  {
    id: 'branding-one-per-client',
    severity: Severity.ERROR,
    title: 'At most one managed login style per app client',
    source: `${API_REF}/API_CreateManagedLoginBranding.html`,
    fix: 'Keep one ManagedLoginBranding per client: merge the styles.',
    reads: [BRANDING],
    reportsOn: 'attachment',
    check(model, emit) {
      for (const { member, others } of sameClientGroups(topOf(model, 'branding'))) {
        emit(member.logicalId, 'ClientId', member.clientShown, `${others.map((o) => o.logicalId).join(', ')} also ${others.length === 1 ? 'styles' : 'style'} this client; a client has one style, so the second one fails with ManagedLoginBrandingExistsException.`);
      }
    },
  },
  {
    id: 'branding-missing',
    severity: Severity.WARNING,
    title: 'A hosted sign-in client on a managed login (version 2) domain has a managed login style',
    source: `${API_REF}/API_DeleteManagedLoginBranding.html`,
    fix: 'Add an AWS::Cognito::ManagedLoginBranding for the client (UseCognitoProvidedValues: true for the default style), or use ManagedLoginVersion 1 on the domain.',
    reads: [BRANDING, DOMAIN],
    reportsOn: 'client',
    check(model, emit) {
      for (const { client: c, domain } of clientsWithoutStyle(model)) {
        emit(c.logicalId, 'AllowedOAuthFlows', c.flows, `user pool domain ${domain.logicalId} serves managed login (ManagedLoginVersion 2), and no style in this template names this client, so its sign-in pages show "Login pages unavailable" (a style made in the console is invisible here).`);
      }
    },
  },
];

/**
 * The hosted sign-in clients of the checked template whose pool has a managed login (version 2)
 * domain in the template and that no style of the template names (nor may name), each with that
 * domain: what `branding-missing` reports, and `policy-branding-required` when a policy requires a style.
 */
export function clientsWithoutStyle(model: AttachmentModel): Array<{ client: ClientFacts; domain: DomainFacts }> {
  const out: Array<{ client: ClientFacts; domain: DomainFacts }> = [];
  if (!model.complete) return out;
  const brandings = model.attachments.filter((a) => a.kind === 'branding');
  for (const c of model.clients) {
    if (!c.hostedSignIn || typeof c.pool !== 'string') continue;
    const domain = model.domains.find((d) => d.version === 2 && sameLink(d.pool, c.pool));
    if (!domain) continue;
    const me = `client:${c.logicalId}`;
    // A style that names the client, or may (an unresolved or literal ClientId on a pool that may be the client's), decides.
    const maybe = brandings.some((b) => sameLink(b.client, me)
      || (b.client !== undefined && !(typeof b.client === 'string' && b.client.startsWith('client:')) && !differentLink(b.pool, c.pool)));
    if (!maybe) out.push({ client: c, domain });
  }
  return out;
}

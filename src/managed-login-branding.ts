import { readFileSync } from 'fs';
import { extname } from 'path';
import { Token } from 'aws-cdk-lib';

/**
 * The role of an image in a managed login style (`AssetType.Category`): where the branding
 * designer places it.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AssetType.html
 */
export class AssetCategory {
  /** The browser tab icon, as an ICO file. */
  public static readonly FAVICON_ICO = new AssetCategory('FAVICON_ICO');
  /** The browser tab icon, as an SVG file. */
  public static readonly FAVICON_SVG = new AssetCategory('FAVICON_SVG');
  /** The image of the email one-time password prompt. */
  public static readonly EMAIL_GRAPHIC = new AssetCategory('EMAIL_GRAPHIC');
  /** The image of the SMS one-time password prompt. */
  public static readonly SMS_GRAPHIC = new AssetCategory('SMS_GRAPHIC');
  /** The image of the authenticator app prompt. */
  public static readonly AUTH_APP_GRAPHIC = new AssetCategory('AUTH_APP_GRAPHIC');
  /** The image of the password prompt. */
  public static readonly PASSWORD_GRAPHIC = new AssetCategory('PASSWORD_GRAPHIC');
  /** The image of the passkey prompt. */
  public static readonly PASSKEY_GRAPHIC = new AssetCategory('PASSKEY_GRAPHIC');
  /** The logo in the page header. */
  public static readonly PAGE_HEADER_LOGO = new AssetCategory('PAGE_HEADER_LOGO');
  /** The background of the page header. */
  public static readonly PAGE_HEADER_BACKGROUND = new AssetCategory('PAGE_HEADER_BACKGROUND');
  /** The logo in the page footer. */
  public static readonly PAGE_FOOTER_LOGO = new AssetCategory('PAGE_FOOTER_LOGO');
  /** The background of the page footer. */
  public static readonly PAGE_FOOTER_BACKGROUND = new AssetCategory('PAGE_FOOTER_BACKGROUND');
  /** The background of the page. */
  public static readonly PAGE_BACKGROUND = new AssetCategory('PAGE_BACKGROUND');
  /** The background of the sign-in form. */
  public static readonly FORM_BACKGROUND = new AssetCategory('FORM_BACKGROUND');
  /** The logo in the sign-in form. */
  public static readonly FORM_LOGO = new AssetCategory('FORM_LOGO');
  /** The icon on the buttons of identity providers. */
  public static readonly IDP_BUTTON_ICON = new AssetCategory('IDP_BUTTON_ICON');

  /** The CloudFormation value, e.g. `PAGE_HEADER_LOGO`. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }
}

/**
 * The display mode an image of a managed login style is for (`AssetType.ColorMode`).
 */
export class ColorMode {
  /** Light mode. */
  public static readonly LIGHT = new ColorMode('LIGHT');
  /** Dark mode. */
  public static readonly DARK = new ColorMode('DARK');
  /** Browser-adaptive mode: the image is shown in both modes, following the browser's setting. */
  public static readonly DYNAMIC = new ColorMode('DYNAMIC');

  /** The CloudFormation value, e.g. `LIGHT`. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }
}

/**
 * The file type of an image of a managed login style (`AssetType.Extension`).
 */
export class AssetExtension {
  /** An ICO file (`.ico`). */
  public static readonly ICO = new AssetExtension('ICO');
  /** A JPEG file (`.jpg`, `.jpeg`). */
  public static readonly JPEG = new AssetExtension('JPEG');
  /** A PNG file (`.png`). */
  public static readonly PNG = new AssetExtension('PNG');
  /** An SVG file (`.svg`). */
  public static readonly SVG = new AssetExtension('SVG');
  /** A WebP file (`.webp`). */
  public static readonly WEBP = new AssetExtension('WEBP');

  /** The CloudFormation value, e.g. `PNG`. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }
}

/** The extension of each file name ending. */
const EXTENSIONS: { [ending: string]: AssetExtension } = {
  '.ico': AssetExtension.ICO,
  '.jpg': AssetExtension.JPEG,
  '.jpeg': AssetExtension.JPEG,
  '.png': AssetExtension.PNG,
  '.svg': AssetExtension.SVG,
  '.webp': AssetExtension.WEBP,
};

/** At most this many images per style (API ManagedLoginBrandingType). */
const MAX_ASSETS = 40;
/** The longest Base64 text of one image (CloudFormation AssetType.Bytes: about 750 kB of image). */
const MAX_ASSET_BYTES = 1_000_000;
const RESOURCE_ID = /^[\w\- ]{1,40}$/;

/**
 * Where and how an image of a managed login style is used.
 */
export interface BrandingAssetOptions {
  /**
   * The role of the image in the style.
   */
  readonly category: AssetCategory;

  /**
   * The display mode the image is for.
   */
  readonly colorMode: ColorMode;

  /**
   * The file type of the image.
   *
   * @default - from the file name's ending: `.ico`, `.jpg` or `.jpeg`, `.png`, `.svg` or `.webp`
   * (any other ending fails at construction)
   */
  readonly extension?: AssetExtension;

  /**
   * An id for the image (`ResourceId`): 1 to 40 letters, digits, spaces, `_` and `-`.
   *
   * @default - none
   */
  readonly resourceId?: string;
}

/**
 * An image of a managed login style: a logo, a background or an icon, inlined in the template
 * (Base64) from a file.
 */
export class BrandingAsset {
  /**
   * An image from a file, read when the client is constructed. Its Base64 text (about 4/3 of the
   * file's size) is inlined in the template: at most 1,000,000 characters per image, and every
   * image counts toward the template's size limit (the client warns when the style's images pass 200 kB).
   *
   * @example
   * const logo = BrandingAsset.fromFile('assets/logo.svg', {
   *   category: AssetCategory.PAGE_HEADER_LOGO,
   *   colorMode: ColorMode.LIGHT,
   * });
   *
   * @param path the image file: ICO, JPEG, PNG, SVG or WebP
   * @param options the image's role and display mode; its file type when the file name does not say it
   */
  public static fromFile(path: string, options: BrandingAssetOptions): BrandingAsset {
    return new BrandingAsset(path, options);
  }

  /** The image file. */
  public readonly path: string;

  /** The image's role, display mode, file type and id. */
  public readonly options: BrandingAssetOptions;

  private base64?: string;

  private constructor(path: string, options: BrandingAssetOptions) {
    this.path = path;
    this.options = options;
  }

  /**
   * The asset as CloudFormation's `AssetType` (Base64 bytes), or the problems that keep it out.
   * The file is read once, however many clients use the asset.
   *
   * @internal
   */
  public _render(prop: string): { asset?: { [key: string]: string }; problems: string[] } {
    const problems: string[] = [];
    const extension = this.options.extension ?? EXTENSIONS[extname(this.path).toLowerCase()];
    if (extension === undefined) {
      problems.push(`[branding-asset-extension] ${prop} = ${JSON.stringify(this.path)}: the file type cannot be told from the file name; Cognito takes ICO, JPEG, PNG, SVG and WebP images. Fix: give options.extension (e.g. AssetExtension.PNG), or use a file ending in .ico, .jpg, .jpeg, .png, .svg or .webp.`);
    }
    const id = this.options.resourceId;
    if (id !== undefined && !Token.isUnresolved(id) && !RESOURCE_ID.test(id)) {
      problems.push(`[branding-asset-id] ${prop}.resourceId = ${JSON.stringify(id)}: it must be 1 to 40 letters, digits, spaces, _ and -. Fix: shorten it, or leave resourceId out.`);
    }
    if (this.base64 === undefined) {
      try {
        this.base64 = readFileSync(this.path).toString('base64');
      } catch (e) {
        problems.push(`[branding-asset-file] ${prop} = ${JSON.stringify(this.path)}: the file cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Fix: give the path of an image file, relative to the directory the app runs in, or absolute.`);
        return { problems };
      }
    }
    if (this.base64.length > MAX_ASSET_BYTES) {
      problems.push(`[branding-asset-size] ${prop} = ${JSON.stringify(this.path)}: its Base64 text is ${this.base64.length} characters, over CloudFormation's ${MAX_ASSET_BYTES} (about 750 kB of image). Fix: use a smaller image (an SVG, or a compressed PNG or WebP).`);
    }
    if (problems.length) return { problems };
    return {
      asset: {
        Bytes: this.base64,
        Category: this.options.category.value,
        ColorMode: this.options.colorMode.value,
        Extension: extension!.value,
        ...(id !== undefined ? { ResourceId: id } : {}),
      },
      problems,
    };
  }
}

/**
 * The managed login style of an app client (`AWS::Cognito::ManagedLoginBranding`): how its
 * sign-in pages look on a user pool domain with managed login (version 2).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/managed-login-branding.html
 */
export class ManagedLoginStyle {
  /**
   * Cognito's own look (`UseCognitoProvidedValues: true`), with no settings or images of yours.
   */
  public static cognitoProvidedValues(): ManagedLoginStyle {
    return new ManagedLoginStyle(true, undefined, []);
  }

  /**
   * Your own look: the settings the console's branding designer exports (a JSON object), and images.
   *
   * @example
   * declare const settings: any; // e.g. JSON.parse(fs.readFileSync('branding.json', 'utf8'))
   * const style = ManagedLoginStyle.fromSettings(settings, [
   *   BrandingAsset.fromFile('assets/logo.svg', { category: AssetCategory.FORM_LOGO, colorMode: ColorMode.DYNAMIC }),
   * ]);
   *
   * @param settings the style's settings (`Settings`), as the branding designer or
   * `DescribeManagedLoginBranding` gives them
   * @param assets the style's images (`Assets`), at most 40
   */
  public static fromSettings(settings: any, assets?: BrandingAsset[]): ManagedLoginStyle {
    return new ManagedLoginStyle(false, settings, assets ?? []);
  }

  /** Whether the style is Cognito's own look (`UseCognitoProvidedValues`). */
  public readonly useCognitoProvidedValues: boolean;

  /**
   * The settings of the style (`Settings`).
   *
   * @default - none (Cognito's provided values, or no settings given)
   */
  public readonly settings?: any;

  /** The images of the style (`Assets`); empty for Cognito's provided values. */
  public readonly assets: BrandingAsset[];

  private constructor(useCognitoProvidedValues: boolean, settings: any, assets: BrandingAsset[]) {
    this.useCognitoProvidedValues = useCognitoProvidedValues;
    this.settings = settings;
    this.assets = assets;
  }

  /**
   * The style's CloudFormation properties (without the pool and client), the Base64 length of its
   * images, or the problems that keep it out.
   *
   * @internal
   */
  public _render(prop: string): { properties: { [key: string]: any }; imageCharacters: number; problems: string[] } {
    if (this.useCognitoProvidedValues) return { properties: { UseCognitoProvidedValues: true }, imageCharacters: 0, problems: [] };
    const problems: string[] = [];
    const settings = this.settings;
    if (settings !== undefined && !Token.isUnresolved(settings) && (settings === null || typeof settings !== 'object' || Array.isArray(settings))) {
      problems.push(`[branding-settings] ${prop}.settings = ${JSON.stringify(settings)}: the settings are a JSON object, as the branding designer exports them. Fix: pass the parsed object (e.g. JSON.parse of the exported file), or use ManagedLoginStyle.cognitoProvidedValues().`);
    }
    if (this.assets.length > MAX_ASSETS) {
      problems.push(`[branding-assets-count] ${prop}.assets = ${this.assets.length} images: a style has at most ${MAX_ASSETS}. Fix: keep at most ${MAX_ASSETS} images.`);
    }
    const assets: Array<{ [key: string]: string }> = [];
    let imageCharacters = 0;
    this.assets.forEach((a, i) => {
      const r = a._render(`${prop}.assets[${i}]`);
      problems.push(...r.problems);
      if (r.asset) {
        assets.push(r.asset);
        imageCharacters += r.asset.Bytes.length;
      }
    });
    const properties: { [key: string]: any } = {};
    if (assets.length) properties.Assets = assets;
    if (settings !== undefined) properties.Settings = settings;
    return { properties, imageCharacters, problems };
  }
}

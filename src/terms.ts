/**
 * A language of the managed login pages that a terms document link is for (a key of
 * `AWS::Cognito::Terms` `Links`).
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateTerms.html
 */
export class TermsLanguage {
  /** The link for every language that has no link of its own (`cognito:default`). */
  public static readonly DEFAULT = new TermsLanguage('cognito:default');
  /** English (`cognito:english`). */
  public static readonly ENGLISH = new TermsLanguage('cognito:english');
  /** Dutch (`cognito:dutch`). */
  public static readonly DUTCH = new TermsLanguage('cognito:dutch');
  /** French (`cognito:french`). */
  public static readonly FRENCH = new TermsLanguage('cognito:french');
  /** Spanish (`cognito:spanish`). */
  public static readonly SPANISH = new TermsLanguage('cognito:spanish');
  /** German (`cognito:german`). */
  public static readonly GERMAN = new TermsLanguage('cognito:german');
  /** Indonesian (`cognito:bahasa-indonesia`). */
  public static readonly BAHASA_INDONESIA = new TermsLanguage('cognito:bahasa-indonesia');
  /** Italian (`cognito:italian`). */
  public static readonly ITALIAN = new TermsLanguage('cognito:italian');
  /** Japanese (`cognito:japanese`). */
  public static readonly JAPANESE = new TermsLanguage('cognito:japanese');
  /** Korean (`cognito:korean`). */
  public static readonly KOREAN = new TermsLanguage('cognito:korean');
  /** Brazilian Portuguese (`cognito:portuguese-brazil`). */
  public static readonly PORTUGUESE_BRAZIL = new TermsLanguage('cognito:portuguese-brazil');
  /** Simplified Chinese (`cognito:chinese-simplified`). */
  public static readonly CHINESE_SIMPLIFIED = new TermsLanguage('cognito:chinese-simplified');
  /** Traditional Chinese (`cognito:chinese-traditional`). */
  public static readonly CHINESE_TRADITIONAL = new TermsLanguage('cognito:chinese-traditional');

  /** The language id, a key of `Links`, e.g. `cognito:english`. */
  public readonly languageId: string;

  private constructor(languageId: string) {
    this.languageId = languageId;
  }
}

/**
 * The link to a terms document in one language.
 */
export interface TermsLink {
  /**
   * The language of the managed login pages the link is shown on.
   */
  readonly language: TermsLanguage;

  /**
   * The URL of the document: at most 1,024 characters, without spaces or control characters.
   */
  readonly url: string;
}

/**
 * The terms documents of an app client (two `AWS::Cognito::Terms`): its terms of use and its
 * privacy policy, shown on the managed login sign-up page. Cognito shows them only when both are
 * given in at least one language in common (`TermsLanguage.DEFAULT` counts as a language).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-managed-login.html
 */
export interface TermsDocuments {
  /**
   * The links to the terms of use, one per language: 1 to 13.
   */
  readonly termsOfUse: TermsLink[];

  /**
   * The links to the privacy policy, one per language: 1 to 13.
   */
  readonly privacyPolicy: TermsLink[];
}

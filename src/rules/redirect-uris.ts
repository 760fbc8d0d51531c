import { ClientProperty, Rule } from './private/rule';
import { Shaped } from './private/shapes';
import { SOURCES } from './private/sources';
import { CALLBACK, DEFAULT, LOGOUT, hostWithoutScheme, isLoopbackHost, urlEntries, urlParts, urlPath } from './private/urls';
import { PartialString, isList, lengthOutside, show } from './private/values';
import { Severity } from './types';

/** A character outside `[\p{L}\p{M}\p{S}\p{N}\p{P}]`: separators (spaces), control characters. */
const URL_BAD_CHAR = /[^\p{L}\p{M}\p{S}\p{N}\p{P}]/u;
/** Printable ASCII without space: all letters, digits, punctuation and symbols, so the Unicode test can be skipped. */
const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;
/** ASCII letters. */
function isAlpha(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * How `text` starts, by RFC 3986's `scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`: 'scheme'
 * when a scheme and its ":" begin it, 'partial' when all of it could still be the start of one (''
 * included), 'none' otherwise. A scan rather than a regular expression: it runs on every URL.
 */
function schemeStart(text: string): 'scheme' | 'partial' | 'none' {
  if (text.length === 0) return 'partial';
  if (!isAlpha(text.charCodeAt(0))) return 'none';
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a /* : */) return 'scheme';
    if (!(isAlpha(c) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e)) return 'none';
  }
  return 'partial';
}
const HOST_AS_SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):(\d)/;

/** The first character a redirect URL may not contain, or null. */
function badUrlChar(part: string): RegExpExecArray | null {
  return PRINTABLE_ASCII.test(part) ? null : URL_BAD_CHAR.exec(part);
}

/** The host of a plain-http URL that is not a loopback host, or undefined (not http, loopback, or undecidable). */
export function plainHttpHost(url: string | PartialString): string | undefined {
  // A literal whose first ":" is not the fifth character has no "http" scheme (urlParts would say so, at a cost).
  if (typeof url === 'string' && url.indexOf(':') !== 4) return undefined;
  const parts = urlParts(url);
  if (!parts || parts.scheme !== 'http' || isLoopbackHost(parts.host)) return undefined;
  return parts.host;
}

/** " (Fn::GetAtt X.Attr is always <form>)" for a URL built on a documented attribute, or ''. */
function shapeNote(url: string | PartialString): string {
  const shaped = typeof url === 'string' ? undefined : urlParts(url)?.shaped ?? hostWithoutScheme(url);
  return shaped ? ` (Fn::GetAtt ${shaped.label} is always ${shaped.shape.form})` : '';
}

/** The properties the URLs of these kinds (bits) come from. */
function urlProperties(kinds: number): ClientProperty[] {
  const out: ClientProperty[] = [];
  // eslint-disable-next-line no-bitwise
  if (kinds & CALLBACK) out.push('CallbackURLs');
  // eslint-disable-next-line no-bitwise
  if (kinds & LOGOUT) out.push('LogoutURLs');
  // eslint-disable-next-line no-bitwise
  if (kinds & DEFAULT) out.push('DefaultRedirectURI');
  return out;
}

function httpsRule(id: string, kinds: number, severity: Severity, what: string, extra: string): Rule {
  return {
    id,
    severity,
    title: `${what} use HTTPS (plain HTTP only for localhost, 127.0.0.1 and [::1])`,
    source: SOURCES.API,
    fix: 'Use https://, or a loopback host (http://localhost, http://127.0.0.1, http://[::1], any port) for local testing.',
    needs: urlProperties(kinds),
    check(c, emit) {
      const urls = urlEntries(c);
      for (let i = 0; i < urls.length; i++) {
        const e = urls[i];
        // eslint-disable-next-line no-bitwise
        if ((e.kind & kinds) === 0) continue;
        const url = e.url;
        const host = plainHttpHost(url);
        if (host !== undefined) {
          emit(urlPath(e), show(url), `it uses the HTTP protocol with host ${show(host)}${shapeNote(url)}; ${extra}`,
            typeof url === 'string' ? `Use ${show(url.replace(/^http:/i, 'https:'))}, or a loopback host for local testing.` : undefined);
        }
      }
    },
  };
}

export const REDIRECT_URI_RULES: Rule[] = [
  {
    id: 'redirect-uri-length',
    severity: Severity.ERROR,
    title: 'Callback, logout and default redirect URLs are 1 to 1024 characters long',
    source: SOURCES.API,
    fix: 'Shorten the URL to at most 1024 characters, and remove empty entries.',
    needs: ['CallbackURLs', 'LogoutURLs', 'DefaultRedirectURI'],
    check(c, emit) {
      const urls = urlEntries(c);
      for (let i = 0; i < urls.length; i++) {
        const url = urls[i].url;
        if (typeof url === 'string') {
          const n = lengthOutside(url, 1, 1024);
          if (n !== undefined) emit(urlPath(urls[i]), show(url), `a redirect URL is 1 to 1024 characters long; this one is ${n}.`);
        } else if (url.literalLength() > 1024) {
          emit(urlPath(urls[i]), show(url), 'its literal parts alone are longer than 1024 characters.');
        }
      }
    },
  },
  {
    id: 'redirect-uri-charset',
    severity: Severity.ERROR,
    title: 'Callback, logout and default redirect URLs contain no spaces or control characters',
    source: SOURCES.API,
    fix: 'Percent-encode spaces and other separators (e.g. %20), and remove control characters such as tabs and newlines.',
    needs: ['CallbackURLs', 'LogoutURLs', 'DefaultRedirectURI'],
    check(c, emit) {
      const urls = urlEntries(c);
      for (let i = 0; i < urls.length; i++) {
        const url = urls[i].url;
        const bad = typeof url === 'string' ? badUrlChar(url) : url.literals().map(badUrlChar).find((m) => m);
        if (bad) {
          emit(urlPath(urls[i]), show(url), `it contains ${show(bad[0])}; the service accepts only letters, marks, symbols, numbers and punctuation ([\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+).`);
        } else if (url === '') {
          emit(urlPath(urls[i]), '""', 'an empty URL does not match the pattern [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+.');
        }
      }
    },
  },
  {
    id: 'redirect-uri-count',
    severity: Severity.ERROR,
    title: 'At most 100 callback URLs and 100 logout URLs',
    source: SOURCES.DG_LIMITS,
    fix: 'Keep at most 100 URLs in each list (the quota is not adjustable); use several app clients if you need more.',
    needs: ['CallbackURLs', 'LogoutURLs'],
    check(c, emit) {
      const callbacks = c.CallbackURLs;
      if (isList(callbacks) && callbacks.certain > 100) emit('CallbackURLs', `${callbacks.certain} URLs`, 'an app client can have at most 100.');
      const logouts = c.LogoutURLs;
      if (isList(logouts) && logouts.certain > 100) emit('LogoutURLs', `${logouts.certain} URLs`, 'an app client can have at most 100.');
    },
  },
  {
    id: 'redirect-uri-absolute',
    severity: Severity.ERROR,
    title: 'Callback and default redirect URLs are absolute (they have a scheme)',
    source: SOURCES.DG_OAUTH,
    fix: 'Write the full URL with its scheme, e.g. https://app.example.org/callback or myapp://callback.',
    needs: ['CallbackURLs', 'DefaultRedirectURI'],
    check(c, emit) {
      const urls = urlEntries(c);
      for (let i = 0; i < urls.length; i++) {
        // eslint-disable-next-line no-bitwise
        if ((urls[i].kind & (CALLBACK | DEFAULT)) === 0) continue;
        const url = urls[i].url;
        let noScheme: boolean;
        if (typeof url === 'string') {
          noScheme = schemeStart(url) !== 'scheme';
        } else {
          const text = url.prefix();
          noScheme = schemeStart(text) === 'none' || hostWithoutScheme(url) !== undefined;
        }
        if (noScheme) {
          emit(urlPath(urls[i]), show(url), `a redirect URI must be an absolute URI with a scheme (https:, or a custom scheme such as myapp:)${shapeNote(url)}.`,
            hostWithoutScheme(url) ? `Write the scheme before the host name, e.g. Fn::Sub "https://\${${hostWithoutScheme(url)!.label}}/callback".` : undefined);
        }
      }
    },
  },
  {
    id: 'redirect-uri-host-as-scheme',
    severity: Severity.WARNING,
    title: 'No host written where the scheme belongs (localhost:3000/cb)',
    source: 'https://www.rfc-editor.org/rfc/rfc3986#section-3.1',
    fix: 'Write the scheme first: http://localhost:3000/cb or https://app.example.org:8443/cb.',
    needs: ['CallbackURLs', 'LogoutURLs', 'DefaultRedirectURI'],
    check(c, emit) {
      const urls = urlEntries(c);
      for (let i = 0; i < urls.length; i++) {
        const url = urls[i].url;
        // A documented host name followed by a port: `${Dist.DomainName}:8443/cb`.
        const p0 = typeof url === 'string' ? undefined : url.parts[0];
        const p1 = typeof url === 'string' ? undefined : url.parts[1];
        if (p0 instanceof Shaped && p0.shape.scheme === undefined && typeof p1 === 'string' && /^:\d/.test(p1)) {
          emit(urlPath(urls[i]), show(url), `it parses as a custom scheme (the host name ${p0.toString()}, which is always ${p0.shape.form}) followed by a port-like number, so the redirect can never reach that host.`,
            `Write the scheme first, e.g. Fn::Sub "https://\${${p0.label}}${p1}".`);
          continue;
        }
        const text = typeof url === 'string' ? url : url.prefix();
        const m = HOST_AS_SCHEME.exec(text);
        if (m && (m[1].toLowerCase() === 'localhost' || m[1].includes('.'))) {
          emit(urlPath(urls[i]), show(url), `it parses as the custom scheme "${m[1]}:" followed by a port-like number, so the redirect can never reach ${m[1]}.`,
            `Write ${show('https://' + text)} (or http:// for a loopback host).`);
        }
      }
    },
  },
  {
    id: 'redirect-uri-no-fragment',
    severity: Severity.ERROR,
    title: 'Callback and default redirect URLs have no fragment (#)',
    source: SOURCES.DG_OAUTH,
    fix: 'Remove the # and everything after it; route on the client with a path or query instead.',
    needs: ['CallbackURLs', 'DefaultRedirectURI'],
    check(c, emit) {
      const urls = urlEntries(c);
      for (let i = 0; i < urls.length; i++) {
        // eslint-disable-next-line no-bitwise
        if ((urls[i].kind & (CALLBACK | DEFAULT)) === 0) continue;
        const url = urls[i].url;
        if (typeof url === 'string' ? url.includes('#') : url.literals().some((p) => p.includes('#'))) emit(urlPath(urls[i]), show(url), 'a redirect URI must not include a fragment component.');
      }
    },
  },
  // eslint-disable-next-line no-bitwise
  httpsRule('redirect-uri-https', CALLBACK | DEFAULT, Severity.ERROR, 'Callback and default redirect URLs',
    'Cognito rejects it ("cannot use the HTTP protocol").'),
  httpsRule('logout-uri-https', LOGOUT, Severity.WARNING, 'Logout URLs',
    'AWS documents the HTTPS rule for callback URLs, and plain-HTTP sign-out URLs are reported rejected too.'),
  {
    id: 'default-redirect-in-callbacks',
    severity: Severity.ERROR,
    title: 'DefaultRedirectURI is one of the CallbackURLs',
    source: SOURCES.API,
    fix: 'Add the DefaultRedirectURI to CallbackURLs, spelled exactly the same.',
    needs: ['DefaultRedirectURI'],
    check(c, emit) {
      const d = c.DefaultRedirectURI;
      const l = c.CallbackURLs;
      if (typeof d !== 'string') return;
      if (l === undefined || (isList(l) && l.complete && !l.items.includes(d))) {
        emit('DefaultRedirectURI', show(d), 'it must be in the CallbackURLs list (exact string match).');
      }
    },
  },
  {
    // Catalog, "Policy rules and one documented rule added in the third review" (conf: inferred).
    id: 'redirect-uri-wildcard',
    severity: Severity.WARNING,
    title: 'Callback, logout and default redirect URLs contain no * (Cognito has no wildcard URLs)',
    source: SOURCES.API,
    fix: 'List each redirect URL in full, one entry per host and path (at most 100 per list); Cognito matches redirect_uri exactly and has no wildcard URLs.',
    needs: ['CallbackURLs', 'LogoutURLs', 'DefaultRedirectURI'],
    check(c, emit) {
      const urls = urlEntries(c);
      for (let i = 0; i < urls.length; i++) {
        const url = urls[i].url;
        // Only a literal "*" counts: one that an unresolved part may bring is not known (and %2A is not "*").
        if (typeof url === 'string' ? url.includes('*') : url.literals().some((p) => p.includes('*'))) {
          emit(urlPath(urls[i]), show(url), 'it contains "*", which Cognito reads as a literal character, not a wildcard: a redirect_uri must equal a registered URL exactly, so this entry matches only itself.');
        }
      }
    },
  },
];

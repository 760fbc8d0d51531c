import { Rule } from './private/rule';
import { Shaped } from './private/shapes';
import { SOURCES } from './private/sources';
import { UrlKind, eachUrl, hostWithoutScheme, isLoopbackHost, urlParts } from './private/urls';
import { PartialString, codePoints, isList, show } from './private/values';
import { Severity } from './types';

/** A character outside `[\p{L}\p{M}\p{S}\p{N}\p{P}]`: separators (spaces), control characters. */
const URL_BAD_CHAR = /[^\p{L}\p{M}\p{S}\p{N}\p{P}]/u;
/** Printable ASCII without space: all letters, digits, punctuation and symbols, so the Unicode test can be skipped. */
const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const SCHEME_SO_FAR = /^[A-Za-z][A-Za-z0-9+.-]*$/;
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

/** The property each kind of URL comes from. */
const URL_PROPERTY = { callback: 'CallbackURLs', logout: 'LogoutURLs', default: 'DefaultRedirectURI' } as const;

function httpsRule(id: string, kinds: UrlKind[], severity: Severity, what: string, extra: string): Rule {
  return {
    id,
    severity,
    title: `${what} use HTTPS (plain HTTP only for localhost, 127.0.0.1 and [::1])`,
    source: SOURCES.API,
    fix: 'Use https://, or a loopback host (http://localhost, http://127.0.0.1, http://[::1], any port) for local testing.',
    needs: kinds.map((k) => URL_PROPERTY[k]),
    check(c, emit) {
      eachUrl(c, kinds, (url, path) => {
        const host = plainHttpHost(url);
        if (host !== undefined) {
          emit(path, show(url), `it uses the HTTP protocol with host ${show(host)}${shapeNote(url)}; ${extra}`,
            typeof url === 'string' ? `Use ${show(url.replace(/^http:/i, 'https:'))}, or a loopback host for local testing.` : undefined);
        }
      });
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
      eachUrl(c, ['callback', 'logout', 'default'], (url, path) => {
        if (typeof url === 'string') {
          const n = codePoints(url, 1024);
          if (n < 1 || n > 1024) emit(path, show(url), `a redirect URL is 1 to 1024 characters long; this one is ${n}.`);
        } else if (url.literalLength() > 1024) {
          emit(path, show(url), 'its literal parts alone are longer than 1024 characters.');
        }
      });
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
      eachUrl(c, ['callback', 'logout', 'default'], (url, path) => {
        const bad = typeof url === 'string' ? badUrlChar(url) : url.literals().map(badUrlChar).find((m) => m);
        if (bad) {
          emit(path, show(url), `it contains ${show(bad[0])}; the service accepts only letters, marks, symbols, numbers and punctuation ([\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+).`);
          return;
        }
        if (url === '') emit(path, '""', 'an empty URL does not match the pattern [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+.');
      });
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
      for (const name of ['CallbackURLs', 'LogoutURLs'] as const) {
        const l = c[name];
        if (isList(l) && l.certain > 100) emit(name, `${l.certain} URLs`, 'an app client can have at most 100.');
      }
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
      eachUrl(c, ['callback', 'default'], (url, path) => {
        let noScheme: boolean;
        if (typeof url === 'string') {
          noScheme = !SCHEME.test(url);
        } else {
          const text = url.prefix();
          noScheme = (text !== '' && !SCHEME.test(text) && !SCHEME_SO_FAR.test(text)) || hostWithoutScheme(url) !== undefined;
        }
        if (noScheme) {
          emit(path, show(url), `a redirect URI must be an absolute URI with a scheme (https:, or a custom scheme such as myapp:)${shapeNote(url)}.`,
            hostWithoutScheme(url) ? `Write the scheme before the host name, e.g. Fn::Sub "https://\${${hostWithoutScheme(url)!.label}}/callback".` : undefined);
        }
      });
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
      eachUrl(c, ['callback', 'logout', 'default'], (url, path) => {
        // A documented host name followed by a port: `${Dist.DomainName}:8443/cb`.
        const p0 = typeof url === 'string' ? undefined : url.parts[0];
        const p1 = typeof url === 'string' ? undefined : url.parts[1];
        if (p0 instanceof Shaped && p0.shape.scheme === undefined && typeof p1 === 'string' && /^:\d/.test(p1)) {
          emit(path, show(url), `it parses as a custom scheme (the host name ${p0.toString()}, which is always ${p0.shape.form}) followed by a port-like number, so the redirect can never reach that host.`,
            `Write the scheme first, e.g. Fn::Sub "https://\${${p0.label}}${p1}".`);
          return;
        }
        const text = typeof url === 'string' ? url : url.prefix();
        const m = HOST_AS_SCHEME.exec(text);
        if (m && (m[1].toLowerCase() === 'localhost' || m[1].includes('.'))) {
          emit(path, show(url), `it parses as the custom scheme "${m[1]}:" followed by a port-like number, so the redirect can never reach ${m[1]}.`,
            `Write ${show('https://' + text)} (or http:// for a loopback host).`);
        }
      });
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
      eachUrl(c, ['callback', 'default'], (url, path) => {
        if (typeof url === 'string' ? url.includes('#') : url.literals().some((p) => p.includes('#'))) emit(path, show(url), 'a redirect URI must not include a fragment component.');
      });
    },
  },
  httpsRule('redirect-uri-https', ['callback', 'default'], Severity.ERROR, 'Callback and default redirect URLs',
    'Cognito rejects it ("cannot use the HTTP protocol").'),
  httpsRule('logout-uri-https', ['logout'], Severity.WARNING, 'Logout URLs',
    'AWS documents the HTTPS rule for callback URLs, and plain-HTTP sign-out URLs are reported rejected too.'),
  {
    id: 'default-redirect-in-callbacks',
    severity: Severity.ERROR,
    title: 'DefaultRedirectURI is one of the CallbackURLs',
    source: SOURCES.API,
    fix: 'Add the DefaultRedirectURI to CallbackURLs, spelled exactly the same.',
    check(c, emit) {
      const d = c.DefaultRedirectURI;
      const l = c.CallbackURLs;
      if (typeof d !== 'string') return;
      if (l === undefined || (isList(l) && l.complete && !l.items.includes(d))) {
        emit('DefaultRedirectURI', show(d), 'it must be in the CallbackURLs list (exact string match).');
      }
    },
  },
];

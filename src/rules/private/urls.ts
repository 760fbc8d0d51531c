import { Client } from './client';
import { PartialString, Str, isList } from './values';

/** Which URL lists an entry comes from: URLS of the catalog is all three. */
export type UrlKind = 'callback' | 'logout' | 'default';

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/** One URL of a client, with its path and the list it comes from. */
interface UrlEntry {
  readonly url: string | PartialString;
  readonly path: string;
  readonly kind: UrlKind;
}

/** Each client's URLs, read once (kept on the client) and shared by every rule that visits them. */
function urlsOf(c: Client): UrlEntry[] {
  const cache = c as { urlEntries?: UrlEntry[] };
  if (cache.urlEntries) return cache.urlEntries;
  const entries: UrlEntry[] = [];
  for (const name of ['CallbackURLs', 'LogoutURLs'] as const) {
    const l = c[name];
    if (!isList(l)) continue;
    const kind: UrlKind = name === 'CallbackURLs' ? 'callback' : 'logout';
    for (let i = 0; i < l.items.length; i++) {
      const v = l.items[i];
      if (typeof v === 'string' || v instanceof PartialString) entries.push({ url: v, path: `${name}[${l.indexes[i]}]`, kind });
    }
  }
  const d: Str | undefined = c.DefaultRedirectURI;
  if (typeof d === 'string' || d instanceof PartialString) entries.push({ url: d, path: 'DefaultRedirectURI', kind: 'default' });
  cache.urlEntries = entries;
  return entries;
}

/** Every entry of CallbackURLs, LogoutURLs and DefaultRedirectURI of the given kinds that has a value worth reading. */
export function eachUrl(c: Client, kinds: UrlKind[], visit: (url: string | PartialString, path: string, kind: UrlKind) => void): void {
  for (const e of urlsOf(c)) {
    if (kinds.includes(e.kind)) visit(e.url, e.path, e.kind);
  }
}

/** The text whose meaning is settled: the whole literal, or the literal prefix of a partial value. */
export function known(url: string | PartialString): { text: string; complete: boolean } {
  return typeof url === 'string' ? { text: url, complete: true } : { text: url.prefix(), complete: false };
}

/**
 * The scheme (lower case) and host (lower case, after the last `@` of the authority, without the
 * port) of a URL, per RFC 3986; undefined when the literal part does not settle them. A URL
 * without an authority (`myapp:/cb`) has the host ''.
 */
export function urlParts(url: string | PartialString): { scheme: string; host: string } | undefined {
  const { text, complete } = known(url);
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  const scheme = text.slice(0, colon).toLowerCase();
  let rest = text.slice(colon + 1);
  let authority = '';
  if (rest.startsWith('//')) {
    rest = rest.slice(2);
    // Browsers (WHATWG URL) end the authority at a backslash too: "https://evil.io\\.example.org" is evil.io.
    const end = rest.search(/[/?#\\]/);
    if (end < 0 && !complete) return undefined; // the authority runs into an unresolved part
    authority = end < 0 ? rest : rest.slice(0, end);
  } else if (!complete && rest.length < 2) {
    return undefined; // "//" may still follow
  }
  let host = authority.slice(authority.lastIndexOf('@') + 1);
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    host = close < 0 ? host : host.slice(0, close + 1);
  } else {
    const port = host.indexOf(':');
    if (port >= 0) host = host.slice(0, port);
  }
  return { scheme, host: host.toLowerCase() };
}

/** `localhost`, `127.0.0.1` or `[::1]`, exactly. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.includes(host);
}

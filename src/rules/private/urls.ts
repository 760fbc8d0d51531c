import { Client } from './client';
import { Shaped } from './shapes';
import { List, Part, PartialString, Str, isList } from './values';

/** The kinds of URL (the list an entry comes from; URLS of the catalog is all three) as bits, so that a rule names the kinds it reads once (`CALLBACK | DEFAULT`). */
export const CALLBACK = 1;
export const LOGOUT = 2;
export const DEFAULT = 4;
// eslint-disable-next-line no-bitwise
export const ALL_URLS = CALLBACK | LOGOUT | DEFAULT;

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/**
 * One URL of a client: its value, the property it comes from, its position in the raw list (-1 for
 * DefaultRedirectURI) and its kind as a bit. The path (`CallbackURLs[2]`) is written only for a
 * finding (`urlPath`).
 */
export interface UrlEntry {
  readonly url: string | PartialString;
  readonly property: 'CallbackURLs' | 'LogoutURLs' | 'DefaultRedirectURI';
  readonly at: number;
  readonly kind: number;
}

/** The path of a URL entry, e.g. `CallbackURLs[2]` or `DefaultRedirectURI`. */
export function urlPath(e: UrlEntry): string {
  return e.at < 0 ? e.property : `${e.property}[${e.at}]`;
}

const NO_URLS: ReadonlyArray<UrlEntry> = [];

/** Each client's URLs, read once (kept on the client) and shared by every rule that reads them, in a plain loop. */
export function urlEntries(c: Client): ReadonlyArray<UrlEntry> {
  const cache = c as { urlEntries?: ReadonlyArray<UrlEntry> };
  if (cache.urlEntries) return cache.urlEntries;
  let entries: UrlEntry[] | undefined;
  const callbacks = c.CallbackURLs;
  if (isList(callbacks)) entries = listEntries(callbacks, 'CallbackURLs', CALLBACK, entries);
  const logouts = c.LogoutURLs;
  if (isList(logouts)) entries = listEntries(logouts, 'LogoutURLs', LOGOUT, entries);
  const d: Str | undefined = c.DefaultRedirectURI;
  if (typeof d === 'string' || d instanceof PartialString) (entries ??= []).push({ url: d, property: 'DefaultRedirectURI', at: -1, kind: DEFAULT });
  cache.urlEntries = entries ?? NO_URLS;
  return cache.urlEntries;
}

function listEntries(l: List, property: 'CallbackURLs' | 'LogoutURLs', kind: number, entries: UrlEntry[] | undefined): UrlEntry[] | undefined {
  const items = l.items;
  for (let i = 0; i < items.length; i++) {
    const v = items[i];
    if (typeof v === 'string' || v instanceof PartialString) (entries ??= []).push({ url: v, property, at: l.indexes[i], kind });
  }
  return entries;
}

/** Every entry of CallbackURLs, LogoutURLs and DefaultRedirectURI of the given kinds (bits) that has a value worth reading. */
export function eachUrl(c: Client, kinds: number, visit: (url: string | PartialString, path: string) => void): void {
  const entries = urlEntries(c);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    // eslint-disable-next-line no-bitwise
    if ((e.kind & kinds) !== 0) visit(e.url, urlPath(e));
  }
}

/** The text whose meaning is settled: the whole literal, or the literal prefix of a partial value. */
export function known(url: string | PartialString): { text: string; complete: boolean } {
  return typeof url === 'string' ? { text: url, complete: true } : { text: url.prefix(), complete: false };
}

/** Where a documented attribute stands in a URL: a host with its scheme, or a host alone (see shapes.ts). */
export interface ShapedHost {
  /** The attribute, e.g. `${SiteBucket.WebsiteURL}`, and its documented form. */
  readonly shaped: Shaped;
}

/**
 * Whether the authority surely ends right after the shaped part at `i`: the shape has a path, or
 * the next part is the end, or a literal starting with `/`, `?`, `#` or `\`, or a literal port
 * (`:8443/…`) that does not run into another gap.
 */
function authorityEndsAfter(parts: ReadonlyArray<Part>, i: number): boolean {
  const shape = parts[i] as Shaped;
  if (shape.shape.path !== undefined) return true;
  const next = parts[i + 1];
  if (next === undefined) return true;
  if (typeof next !== 'string') return false;
  if (/^[/?#\\]/.test(next)) return true;
  const port = /^:\d*/.exec(next);
  if (!port) return false;
  return port[0].length < next.length ? /^[/?#\\]/.test(next.slice(port[0].length)) : i + 2 >= parts.length;
}

/**
 * The scheme and host of a URL whose host is a documented attribute (`${Bucket.WebsiteURL}/cb`,
 * `https://${Dist.DomainName}/cb`), or undefined when the URL is not of that form.
 */
function shapedParts(url: PartialString): { scheme: string; host: string; shaped: Shaped } | undefined {
  const [p0, p1] = url.parts;
  if (p0 instanceof Shaped) {
    if (p0.shape.scheme === undefined || !authorityEndsAfter(url.parts, 0)) return undefined;
    return { scheme: p0.shape.scheme, host: p0.toString(), shaped: p0 };
  }
  if (typeof p0 === 'string' && p1 instanceof Shaped && p1.shape.scheme === undefined) {
    const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(?:[^/?#\\@]*@)?$/.exec(p0);
    if (m && authorityEndsAfter(url.parts, 1)) return { scheme: m[1].toLowerCase(), host: p1.toString(), shaped: p1 };
  }
  return undefined;
}

/**
 * A URL that surely has no scheme because it starts with a documented host name (`${Dist.DomainName}`
 * alone, or followed by a path): the shaped host, or undefined.
 */
export function hostWithoutScheme(url: string | PartialString): Shaped | undefined {
  if (typeof url === 'string') return undefined;
  const [p0, p1] = url.parts;
  if (!(p0 instanceof Shaped) || p0.shape.scheme !== undefined) return undefined;
  return p1 === undefined || (typeof p1 === 'string' && /^[/?#]/.test(p1)) ? p0 : undefined;
}

/**
 * The scheme (lower case) and host (lower case, after the last `@` of the authority, without the
 * port) of a URL, per RFC 3986; undefined when the literal part does not settle them. A URL
 * without an authority (`myapp:/cb`) has the host ''. A host that is a documented attribute is
 * given as `${Resource.Attribute}`, with the attribute in `shaped`: never a loopback host.
 */
export function urlParts(url: string | PartialString): { scheme: string; host: string; shaped?: Shaped } | undefined {
  if (typeof url !== 'string' && (url.parts[0] instanceof Shaped || url.parts[1] instanceof Shaped)) return shapedParts(url);
  const complete = typeof url === 'string';
  const text = complete ? url : url.prefix();
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  let start = colon + 1;
  let end = start;
  if (text.startsWith('//', start)) {
    start += 2;
    // The authority ends at "/", "?" or "#", and, as browsers (WHATWG URL) read it, at a backslash
    // too: "https://evil.io\\.example.org" is evil.io.
    end = start;
    while (end < text.length) {
      const ch = text.charCodeAt(end);
      if (ch === 0x2f || ch === 0x3f || ch === 0x23 || ch === 0x5c) break;
      end++;
    }
    if (end === text.length && !complete) return undefined; // the authority runs into an unresolved part
  } else if (!complete && text.length - start < 2) {
    return undefined; // "//" may still follow
  }
  let hostStart = text.lastIndexOf('@', end - 1);
  hostStart = hostStart >= start ? hostStart + 1 : start;
  let hostEnd = end;
  if (text.charCodeAt(hostStart) === 0x5b /* [ */) {
    const close = text.indexOf(']', hostStart);
    if (close >= 0 && close < end) hostEnd = close + 1;
  } else {
    const port = text.indexOf(':', hostStart);
    if (port >= 0 && port < end) hostEnd = port;
  }
  return { scheme: text.slice(0, colon).toLowerCase(), host: text.slice(hostStart, hostEnd).toLowerCase() };
}

/** `localhost`, `127.0.0.1` or `[::1]`, exactly. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.includes(host);
}

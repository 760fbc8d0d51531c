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

/**
 * Whether a URL (its `urlParts`) is a loopback URL a browser opens on this machine: scheme `http` or
 * `https` and host exactly `localhost`, `127.0.0.1` or `[::1]`. A custom scheme with a loopback host
 * (`com.attacker.app://localhost/cb`) is not: any app may register the scheme.
 */
export function isLoopbackHttpUrl(parts: { scheme: string; host: string; shaped?: Shaped } | undefined): boolean {
  return parts !== undefined && parts.shaped === undefined && (parts.scheme === 'http' || parts.scheme === 'https') && isLoopbackHost(parts.host);
}

/**
 * Whether a host (as `urlParts` gives it, lower case) names this machine as a browser reads it
 * (WHATWG URL): `localhost` and its subdomains, with or without a trailing dot; an IPv4 address in
 * 127.0.0.0/8 in any form the URL parser accepts (`127.1`, `0x7f000001`, `2130706433`,
 * `0177.0.0.1`, percent-encoded); the IPv6 loopback `[::1]` in any spelling, and IPv4-mapped
 * `[::ffff:127.x.y.z]`.
 */
/**
 * Whether a host is the name localhost as browsers read it (percent-decoded, in any case, with a
 * trailing dot, or a subdomain of localhost), not a loopback IP literal.
 */
export function isLocalhostName(host: string): boolean {
  if (host.startsWith('[')) return false;
  let name = host;
  try {
    name = decodeURIComponent(host);
  } catch {
    // not percent-decodable: read as written
  }
  name = name.toLowerCase();
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  return bare === 'localhost' || bare.endsWith('.localhost');
}

export function isLoopbackHostAsBrowsersRead(host: string): boolean {
  if (host.startsWith('[')) {
    if (!host.endsWith(']')) return false;
    const a = parseIpv6(host.slice(1, -1));
    if (!a) return false;
    const zeros = (n: number) => a.slice(0, n).every((g) => g === 0);
    return (zeros(7) && a[7] === 1) || (zeros(5) && a[5] === 0xffff && Math.floor(a[6] / 256) === 127);
  }
  let name = host;
  try {
    name = decodeURIComponent(host).toLowerCase();
  } catch {
    // not percent-decodable: read as written
  }
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  const v4 = parseIpv4(name);
  return v4 !== undefined && Math.floor(v4 / 0x1000000) === 127;
}

/** One part of a WHATWG IPv4 address: decimal, octal (leading 0) or hex (0x); undefined if not a number. */
function ipv4Number(part: string): number | undefined {
  let digits = part;
  let radix = 10;
  if (/^0x/i.test(part)) {
    digits = part.slice(2);
    radix = 16;
  } else if (part.length > 1 && part.startsWith('0')) {
    digits = part.slice(1);
    radix = 8;
  }
  if (digits === '') return 0;
  const valid = radix === 16 ? /^[0-9a-f]+$/i : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  return valid.test(digits) ? parseInt(digits, radix) : undefined;
}

/** The WHATWG IPv4 parser: 1 to 4 parts, the last filling the remaining bytes; undefined if not an address. */
export function parseIpv4(host: string): number | undefined {
  const parts = host.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4 || parts.some((p) => p === '')) return undefined;
  const numbers: number[] = [];
  for (const p of parts) {
    const n = ipv4Number(p);
    if (n === undefined) return undefined;
    numbers.push(n);
  }
  const last = numbers.pop()!;
  if (numbers.some((n) => n > 255) || last >= 256 ** (4 - numbers.length)) return undefined;
  return numbers.reduce((sum, n, i) => sum + n * 256 ** (3 - i), 0) + last;
}

/** An IPv6 address (without brackets) as 8 groups, with `::` and a dotted IPv4 tail; undefined if malformed. */
function parseIpv6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    const items = s.split(':');
    for (let i = 0; i < items.length; i++) {
      const g = items[i];
      if (i === items.length - 1 && g.includes('.')) {
        if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(g)) return undefined;
        const b = g.split('.').map(Number);
        if (b.some((x) => x > 255)) return undefined;
        out.push(b[0] * 256 + b[1], b[2] * 256 + b[3]);
      } else if (/^[0-9a-f]{1,4}$/i.test(g)) {
        out.push(parseInt(g, 16));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const fill = 8 - head.length - tail.length;
  return fill >= 1 ? [...head, ...new Array(fill).fill(0), ...tail] : undefined;
}

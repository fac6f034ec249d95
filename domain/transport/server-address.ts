// Owns the one rule on where the app may send its data: an https server anywhere, plain http
// only to this computer (loopback), unless the user has explicitly allowed insecure connections.
// The Settings form, the sign-in, the API client, the web platform and the desktop main process
// (when it stores settings and when it builds the page's Content Security Policy) all ask here.

/** What the user has allowed; `allowInsecureHttp` is the Settings switch, off by default. */
export interface TransportPolicy {
  allowInsecureHttp: boolean;
}

/**
 * Why an address is refused; each is also a validation message key (`errors.serverUrl.*`).
 * - invalid: not an absolute URL;
 * - scheme: neither http: nor https:;
 * - credentials: a user name or password before the host (`http://127.0.0.1@evil.example` is
 *   evil.example, not this computer), which no HQ server needs;
 * - insecure: plain http to another computer without the user's explicit permission.
 */
export type ServerAddressProblem = 'invalid' | 'scheme' | 'credentials' | 'insecure';

export type ServerAddressCheck =
  | {
      ok: true;
      /** `scheme://host[:port]`, as a Content Security Policy source names it. */
      origin: string;
      /** True for https: (encrypted); false for plain http to this computer, or allowed. */
      encrypted: boolean;
    }
  | { ok: false; problem: ServerAddressProblem };

const IPV4_LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/**
 * True for a host on this computer: localhost, 127.0.0.0/8 and ::1. Takes the hostname as the
 * URL parser gives it, which has already turned 127.1, 0x7f000001 or [0:0:0:0:0:0:0:1] into
 * 127.0.0.1 and [::1]. Anything else, IPv4-mapped forms and `localhost.` included, is another
 * computer: refusing one too many only asks the user for permission.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || IPV4_LOOPBACK.test(host);
}

/** Checks a server address (a base URL such as https://hq.example.gov.cn) against the rule. */
export function checkServerAddress(address: string, policy: TransportPolicy): ServerAddressCheck {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, problem: 'scheme' };
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'credentials' };
  const encrypted = url.protocol === 'https:';
  if (!encrypted && !policy.allowInsecureHttp && !isLoopbackHost(url.hostname)) {
    return { ok: false, problem: 'insecure' };
  }
  return { ok: true, origin: `${url.protocol}//${url.host}`, encrypted };
}

/** True when the address is plain http to another computer: what the Settings switch is for. */
export function needsInsecurePermission(address: string): boolean {
  const strict = checkServerAddress(address, { allowInsecureHttp: false });
  return !strict.ok && strict.problem === 'insecure';
}

// Which peers may tell the server the client's address (X-Forwarded-For): the TLS proxies in
// front of it, named by address or network, and nobody else. Without them the header is ignored
// and the client's address is the connection's, so that no client can choose the address its
// sign-in attempts are counted and recorded under.
import { isIP } from 'node:net';

/** Fastify's `trustProxy`: false, or the proxies' addresses and networks. */
export type TrustedProxies = false | string[];

// proxy-addr's names for the usual private ranges.
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrNetwork(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Reads FI_TRUST_PROXY: empty for none, else a comma-separated list of addresses, CIDR networks
 * and the names loopback, linklocal and uniquelocal. "Trust everyone" and hop counts are refused:
 * either would let any client that reaches the server directly forge its address.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = (value ?? '').trim();
  if (text === '') return false;
  const entries = text.split(',').map((entry) => entry.trim().toLowerCase());
  const wrong = entries.filter((entry) => !isAddressOrNetwork(entry));
  if (wrong.length > 0) {
    throw new Error(
      `FI_TRUST_PROXY must list the proxies' addresses or networks (such as 127.0.0.1, ` +
        `10.0.0.0/8, loopback), separated by commas; not ${wrong.map((w) => `"${w}"`).join(', ')}.`,
    );
  }
  return entries;
}

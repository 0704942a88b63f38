import { BlockList, isIP } from 'node:net';

/**
 * The client's address for throttling. Behind a reverse proxy every request comes from the proxy, so the
 * client is read from `X-Forwarded-For` — but only when the socket's peer is a proxy the operator trusts
 * (PCMT_TRUSTED_PROXIES): anyone else could write any address there. The header is read from the right
 * (the hop nearest to us) and trusted hops are skipped, so a client cannot pick its address by prepending
 * entries to the header either.
 */
export function trustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) is `10.0.0.1`. */
function normalise(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped?.[1] ?? trimmed;
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  proxies: BlockList,
): string {
  if (!peer) return 'unknown';
  let client = normalise(peer);
  if (!forwardedFor || !isTrusted(proxies, client)) return client;
  const hops = forwardedFor.split(',').map(normalise).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    // A malformed entry ends the chain: everything left of it came from an untrusted writer.
    if (isIP(hop) === 0) return client;
    client = hop;
    if (!isTrusted(proxies, hop)) return hop;
  }
  return client;
}

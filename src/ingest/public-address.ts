import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** An address a feed may not be fetched from: loopback, link-local, private, multicast or reserved. */
export class PrivateAddressError extends Error {
  constructor(host: string, address: string, kind: string) {
    const named = host === address ? address : `${host} (${address})`;
    super(
      `refused to fetch from ${named}, a ${kind} address: monitor does not fetch feeds from local or private networks. ` +
        'For an intranet feed, set allowPrivate: true on its source in feeds/sources.yaml, or set MONITOR_ALLOW_PRIVATE_FEEDS=1',
    );
    this.name = 'PrivateAddressError';
  }
}

/**
 * What kind of non-public address `address` is, or undefined when it is a public unicast address.
 * ipaddr.js keeps the IANA special-purpose registries (RFC 1918, CGNAT, ULA, link-local, multicast,
 * reserved, IPv4-mapped...) up to date; an IPv4-mapped or NAT64 address is judged by the IPv4 it carries.
 */
export function nonPublicKind(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return 'unreadable';
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range === 'unicast') return undefined;
  if (parsed.kind() === 'ipv6' && range === 'rfc6052') {
    const bytes = parsed.toByteArray().slice(12);
    return nonPublicKind(ipaddr.fromByteArray(bytes).toString());
  }
  return KIND_NAMES[range] ?? `${range} (special-purpose)`;
}

const KIND_NAMES: Record<string, string> = {
  loopback: 'loopback', linkLocal: 'link-local', private: 'private (RFC 1918)', uniqueLocal: 'unique local (private)',
  carrierGradeNat: 'carrier-grade NAT (private)', unspecified: 'unspecified', multicast: 'multicast', broadcast: 'broadcast',
  reserved: 'reserved',
};

/** Refuse a URL whose host is written as a non-public IP address (no DNS is asked, so no lookup sees it). */
export function checkLiteralHost(url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) === 0) return;
  const kind = nonPublicKind(host);
  if (kind) throw new PrivateAddressError(host, host, kind);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for the connection itself: the addresses the socket will connect to are the ones checked, so a
 * DNS answer that changes between a check and the connection (rebinding) cannot slip through. A name with
 * any non-public address is refused, since the connection may try each of them.
 */
export function publicOnlyLookup(hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    for (const { address } of addresses) {
      const kind = nonPublicKind(address);
      if (kind) return callback(new PrivateAddressError(hostname, address, kind) as NodeJS.ErrnoException, []);
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
    return callback(null, first.address, first.family);
  });
}

import { describe, expect, it } from 'vitest';
import { clientAddress, trustedProxies } from './client-address';

const none = trustedProxies([]);
const proxy = trustedProxies(['127.0.0.1', '::1', '10.0.0.0/8']);

describe('clientAddress', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.7', '198.51.100.1', none)).toBe('203.0.113.7');
    expect(clientAddress('127.0.0.1', '198.51.100.1', none)).toBe('127.0.0.1');
  });

  it('ignores the header of a peer that is not a trusted proxy', () => {
    expect(clientAddress('203.0.113.7', '198.51.100.1', proxy)).toBe('203.0.113.7');
  });

  it('reads the client from the header when the peer is a trusted proxy', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.1', proxy)).toBe('198.51.100.1');
    expect(clientAddress('::ffff:10.1.2.3', '198.51.100.1', proxy)).toBe('198.51.100.1');
    expect(clientAddress('::1', '2001:db8::5', proxy)).toBe('2001:db8::5');
  });

  it('takes the nearest untrusted hop, so a client cannot choose its address by prepending entries', () => {
    expect(clientAddress('127.0.0.1', '1.2.3.4, 198.51.100.1', proxy)).toBe('198.51.100.1');
    expect(clientAddress('127.0.0.1', '198.51.100.1, 10.0.0.5', proxy)).toBe('198.51.100.1');
    expect(clientAddress('127.0.0.1', 'garbage, 198.51.100.1', proxy)).toBe('198.51.100.1');
    expect(clientAddress('127.0.0.1', '198.51.100.1, garbage', proxy)).toBe('127.0.0.1');
  });

  it('is the last trusted hop when the whole chain is trusted, and "unknown" without a socket', () => {
    expect(clientAddress('127.0.0.1', '10.0.0.9, 10.0.0.5', proxy)).toBe('10.0.0.9');
    expect(clientAddress(undefined, '198.51.100.1', proxy)).toBe('unknown');
  });
});

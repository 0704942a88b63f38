import { describe, expect, it } from 'vitest';
import { receivedText } from './received-text';

describe('số liệu đã nhận x/y xã', () => {
  it('writes both counts through the one formatter (thousands with a dot)', () => {
    expect(receivedText({ received: 1234, expected: 3321 })).toBe('Số liệu đã nhận 1.234/3.321 xã');
    expect(receivedText({ received: 0, expected: 126 }, 'en')).toBe('Reports received: 0/126 communes');
  });
});

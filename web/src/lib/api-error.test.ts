import { describe, expect, it } from 'vitest';
import { ApiError, apiError, apiErrorText, isRefusal } from './api-error';

const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('API errors on pages', () => {
  it('keeps the status, code, field and message of the server', async () => {
    const e = await apiError(
      answer(403, {
        error: { code: 'forbidden', message: 'parent: 14 is outside your jurisdiction', field: 'parent' },
      }),
      '/api/status-rules/differences',
    );
    expect(e).toBeInstanceOf(ApiError);
    expect([e.status, e.code, e.field]).toEqual([403, 'forbidden', 'parent']);
    expect(isRefusal(e)).toBe(true);
  });

  it('explains a refusal in Vietnamese without the server’s English', async () => {
    for (const status of [403, 404]) {
      const e = await apiError(
        answer(status, { error: { message: 'parent: 14 is outside your jurisdiction' } }),
        '/x',
      );
      const text = apiErrorText(e, 'vi');
      expect(`${text.title} ${text.hint} ${text.detail ?? ''}`).not.toMatch(
        /outside|jurisdiction|\/api|answered/,
      );
      expect(text.title).toMatch(/địa bàn/);
    }
  });

  it('shows the server’s field message only for a bad input, and a plain text when the answer is not JSON', async () => {
    const bad = await apiError(answer(400, { error: { message: 'radiusM: must be at least 50' } }), '/x');
    expect(apiErrorText(bad, 'vi').detail).toBe('radiusM: must be at least 50');
    const html = await apiError(new Response('<html>', { status: 502 }), '/x');
    expect(apiErrorText(html, 'vi').title).toMatch(/Máy chủ/);
    expect(apiErrorText(new TypeError('Failed to fetch'), 'en').title).toMatch(/cannot be reached/);
  });
});

import { describe, expect, it } from 'vitest';
import { readUpload } from './rejection';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('reading an import answer', () => {
  it('gives the data of a 200, the problems of a 422, and throws the message of other errors', async () => {
    expect(await readUpload(json(200, { importId: 3 }), 'x')).toEqual({ ok: true, data: { importId: 3 } });
    const problem = {
      sheet: null,
      row: 4,
      column: 'A',
      header: 'Mã đơn vị',
      message: 'unknown unit code 99999',
    };
    const rejected = await readUpload(
      json(422, {
        error: { code: 'invalid_file', message: 'bc.csv: …', field: 'file' },
        problems: [problem],
        ambiguous: [],
      }),
      'x',
    );
    expect(rejected).toEqual({
      ok: false,
      rejection: { message: 'bc.csv: …', problems: [problem], ambiguous: [] },
    });
    await expect(
      readUpload(
        json(413, { error: { code: 'file_too_large', message: 'file: over 20 MB', field: 'file' } }),
        'x',
      ),
    ).rejects.toThrow('file: over 20 MB');
    await expect(readUpload(new Response('oops', { status: 502 }), 'Ghi báo cáo')).rejects.toThrow(
      'Ghi báo cáo answered 502',
    );
  });
});

import { createRoute } from '@hono/zod-openapi';
import { TableExportRequest } from '@pcmt/domain/contracts/briefings';
import { bodyHook } from '../../lib/body-hook';
import { badRequest } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { createRouter, errorResponse } from '../../lib/openapi';
import { attachment, tablesXlsx, XLSX_CONTENT_TYPE } from './table-xlsx';

/**
 * The "XLSX" button of every table on the web: the page sends the table it shows (caption, columns, rows)
 * and gets it back as a spreadsheet. The server adds no data, so the caller's jurisdiction is already
 * applied to what it sends; staff only, because the tables hold internal figures.
 */
const route = createRoute({
  method: 'post',
  path: '/api/exports/xlsx',
  summary: 'A table shown on a page, as an .xlsx file (caption, bold frozen header, numbers as numbers)',
  request: { body: { content: { 'application/json': { schema: TableExportRequest } }, required: true } },
  responses: {
    200: { description: 'The .xlsx file' },
    400: errorResponse('Invalid field'),
  },
});

export const exportsRoutes = () =>
  createRouter().openapi(
    route,
    async (c) => {
      const req = c.req.valid('json');
      for (const [i, sheet] of req.sheets.entries()) {
        const j = sheet.rows.findIndex((r) => r.length > sheet.columns.length);
        if (j >= 0) {
          throw badRequest(
            `sheets[${i}].rows[${j}]`,
            msg('export.row_width', {
              field: `sheets[${i}].rows[${j}]`,
              cells: sheet.rows[j]?.length ?? 0,
              columns: sheet.columns.length,
            }),
          );
        }
      }
      const bytes = await tablesXlsx(req.sheets);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': XLSX_CONTENT_TYPE,
        'content-disposition': attachment(req.fileName.replace(/\.xlsx$/i, ''), 'xlsx'),
      });
    },
    bodyHook,
  );

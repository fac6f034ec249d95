// Administration of the enterprise registry (administrators only): the template workbook, the
// export in the import's format, and the import itself as an upload of the .xlsx or .csv file's
// bytes, first previewed (nothing written), then confirmed (all or nothing).
//   GET  /admin/enterprises/template          → .xlsx
//   GET  /admin/enterprises/export?format=xlsx|csv
//   POST /admin/enterprises/import/preview    body: the file → {preview}
//   POST /admin/enterprises/import            body: the file → {preview} or 422 import_invalid
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { confirmImport, previewImport } from '../admin/enterprise-import';
import { exportRegistry, templateWorkbook } from '../admin/enterprise-export';
import { authenticateAdmin } from '../auth/authenticate-admin';
import { ApiError } from '../http/api-error';
import { parseInput } from '../http/parse-input';
import type { RouteContext } from './context';

/** A registry of tens of thousands of enterprises fits; anything larger is no registry. */
export const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILE_TYPES = [XLSX, 'text/csv', 'application/octet-stream'];

const exportQuerySchema = z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

function sendFile(reply: FastifyReply, bytes: Uint8Array, name: string, type: string) {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store')
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

function fileBody(body: unknown): Uint8Array {
  if (!(body instanceof Buffer)) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      `Send the file's bytes as ${XLSX}, text/csv or application/octet-stream.`,
    );
  }
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}

export const adminEnterpriseRoutes: FastifyPluginAsync<RouteContext> = async (
  app,
  { db, clock },
) => {
  app.addContentTypeParser(
    FILE_TYPES,
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
    (_r, body, done) => done(null, body),
  );

  app.get('/admin/enterprises/template', async (request, reply) => {
    await authenticateAdmin(db, request, clock());
    return sendFile(reply, await templateWorkbook(), 'enterprises-template.xlsx', XLSX);
  });

  app.get('/admin/enterprises/export', async (request, reply) => {
    await authenticateAdmin(db, request, clock());
    const { format } = parseInput(exportQuerySchema, request.query, 'query');
    const bytes = await exportRegistry(db, format);
    return format === 'csv'
      ? sendFile(reply, bytes, 'enterprises.csv', 'text/csv; charset=utf-8')
      : sendFile(reply, bytes, 'enterprises.xlsx', XLSX);
  });

  app.post(
    '/admin/enterprises/import/preview',
    { bodyLimit: IMPORT_BODY_LIMIT },
    async (request) => {
      await authenticateAdmin(db, request, clock());
      return { preview: await previewImport(db, fileBody(request.body)) };
    },
  );

  app.post(
    '/admin/enterprises/import',
    { bodyLimit: IMPORT_BODY_LIMIT },
    async (request, reply) => {
      const now = clock();
      const { user } = await authenticateAdmin(db, request, now);
      const outcome = await confirmImport(db, user, fileBody(request.body), now);
      if (outcome.imported) return { preview: outcome.preview };
      return reply.status(422).send({
        error: 'import_invalid',
        message: 'Nothing was imported: fix the rows the preview lists and import the file again.',
        preview: outcome.preview,
      });
    },
  );
};

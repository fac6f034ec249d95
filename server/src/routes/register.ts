// The document register for signed-in users: GET /register (a page of the entries a search finds)
// and GET /register/export.xlsx (all of them, up to MAX_REGISTER_EXPORT, as an Excel workbook).
// Each user sees their own agency's register for their towns; an administrator every register.
import type { FastifyPluginAsync } from 'fastify';
import {
  MAX_REGISTER_EXPORT,
  registerExportQuerySchema,
  registerQuerySchema,
} from '../../../domain/sync/register-api';
import { authenticate } from '../auth/authenticate';
import { ApiError } from '../http/api-error';
import { parseInput } from '../http/parse-input';
import { registerWorkbook } from '../register/register-export';
import { listRegister } from '../register/register-list';
import type { RouteContext } from './context';

export const registerRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, clock }) => {
  app.get('/register', async (request) => {
    const { user } = await authenticate(db, request, clock());
    const query = parseInput(registerQuerySchema, request.query, 'query');
    return listRegister(db, user, query);
  });

  app.get('/register/export.xlsx', async (request, reply) => {
    const { user } = await authenticate(db, request, clock());
    const { lang, ...search } = parseInput(registerExportQuerySchema, request.query, 'query');
    const found = await listRegister(db, user, {
      ...search,
      limit: MAX_REGISTER_EXPORT + 1,
      offset: 0,
    });
    if (found.total > MAX_REGISTER_EXPORT) {
      throw new ApiError(
        413,
        'export_too_large',
        `The search finds ${found.total} documents; narrow it to at most ${MAX_REGISTER_EXPORT} (by kind or date range).`,
      );
    }
    const workbook = await registerWorkbook(found.entries, lang);
    const day = clock().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="register-${day}.xlsx"`)
      .send(workbook);
  });
};

// CORS for the API: the desktop renderer runs on its own app:// origin and calls the server with
// a bearer token. No cookies are ever used, so allowing any origin exposes nothing extra.
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../../domain/sync/protocol';

export function installCors(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith(API_PREFIX)) {
      reply.header('Access-Control-Allow-Origin', '*');
      reply.header('Access-Control-Expose-Headers', 'Retry-After');
    }
    return payload;
  });
  app.options(`${API_PREFIX}/*`, (_request, reply) =>
    reply
      .status(204)
      .header('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS')
      .header('Access-Control-Allow-Headers', 'Authorization, Content-Type')
      .header('Access-Control-Max-Age', '600')
      .send(),
  );
}

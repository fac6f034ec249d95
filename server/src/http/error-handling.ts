// Every error answer is JSON `{error, message, issues?}` (errorResponseSchema). Nothing else leaves
// the server: no stack traces, no SQL, no internal messages.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorResponse } from '../../../domain/sync/protocol';
import { ApiError } from './api-error';

// Fastify's own client errors, by code, with what we tell the client.
const fastifyErrors: Record<string, { code: string; message: (e: FastifyError) => string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'payload_too_large',
    message: () => 'The request body is too large.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: () => 'Send the request body as application/json.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'invalid_body',
    message: () => 'The request body is empty; send a JSON object.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'invalid_body',
    message: () => 'The Content-Length header does not match the body.',
  },
};

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler<FastifyError | ApiError>((error, request, reply) => {
    if (error instanceof ApiError) {
      const body: ErrorResponse = { ...error.details, error: error.code, message: error.message };
      if (error.issues) body.issues = error.issues;
      return reply.status(error.statusCode).headers(error.headers).send(body);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const known = fastifyErrors[error.code];
      // A JSON syntax error arrives as a SyntaxError with status 400.
      const body: ErrorResponse = known
        ? { error: known.code, message: known.message(error) }
        : error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
          ? { error: 'invalid_json', message: 'The request body is not valid JSON.' }
          : { error: 'bad_request', message: 'The request is not valid.' };
      return reply.status(status).send(body);
    }
    request.log.error({ err: error }, 'request failed');
    return reply
      .status(500)
      .send({ error: 'internal', message: 'Something went wrong on the server. Try again later.' });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: 'not_found',
      message: `There is no ${request.method} ${request.url.split('?')[0]}.`,
    } satisfies ErrorResponse),
  );
}

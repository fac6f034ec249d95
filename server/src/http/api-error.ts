// The one error type routes throw: an HTTP status, a stable code and a readable message.
import type { ErrorResponse } from '../../../domain/sync/protocol';

export interface ApiIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly issues?: ApiIssue[],
    readonly headers: Record<string, string> = {},
    /** Machine-readable facts that go into the JSON body next to error and message. */
    readonly details: Pick<ErrorResponse, 'lastMid'> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const unauthorized = (message = 'Sign in first: the request has no valid bearer token.') =>
  new ApiError(401, 'unauthorized', message);

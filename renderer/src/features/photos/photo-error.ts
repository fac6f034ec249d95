// Why a photo could not be added: one code per cause, so the interface can say it plainly.

export type PhotoErrorCode =
  | 'not-image'
  | 'too-large'
  | 'decode-failed'
  | 'encode-failed'
  | 'timeout'
  | 'unsupported'
  | 'worker-failed'
  | 'store-failed';

export class PhotoError extends Error {
  readonly code: PhotoErrorCode;

  constructor(code: PhotoErrorCode, message: string = code) {
    super(message);
    this.name = 'PhotoError';
    this.code = code;
  }
}

/** The code of any failure: a PhotoError keeps its own, anything else counts as `fallback`. */
export function photoErrorCode(error: unknown, fallback: PhotoErrorCode): PhotoErrorCode {
  return error instanceof PhotoError ? error.code : fallback;
}

// Photos on their way into storage: checked, queued (one or two at a time, however many were
// picked), downscaled in a worker with a time limit, and handed back with their hash.
import { createConcurrencyLimit } from './concurrency-limit';
import {
  canDownscaleHere,
  checkPhotoInput,
  defaultDownscaleOptions,
  downscaleImage,
} from './downscale';
import type { DownscaleOptions, ProcessedPhoto } from './downscale';
import { createDownscaleWorkerPool, spawnDownscaleWorker } from './downscale-worker-pool';
import type { DownscaleWorker } from './downscale-worker-pool';
import { PhotoError } from './photo-error';

export interface ProcessPhotoOptions extends Partial<DownscaleOptions> {
  /** Time allowed once the photo's turn has come (waiting in the queue does not count). */
  timeoutMs?: number;
  /** Aborting drops a queued photo or abandons one in progress. */
  signal?: AbortSignal;
  /** Called when the photo leaves the queue and processing starts. */
  onStart?: () => void;
}

/** Does the work where no worker can: the main-thread downscaler, or a stand-in in tests. */
export type PhotoProcessor = (
  file: Blob,
  options: DownscaleOptions,
  signal: AbortSignal,
) => Promise<ProcessedPhoto>;

export interface PhotoPipelineConfig {
  /** Photos processed at once; default 2. */
  concurrency?: number;
  /** Default time limit per photo; default 60 s. */
  timeoutMs?: number;
  /** Starts a downscale worker; null never uses workers. Default: the bundled worker, if supported. */
  spawnWorker?: (() => DownscaleWorker) | null;
  /** Used where workers are unavailable. Default: downscaling on the main thread, if supported. */
  processor?: PhotoProcessor;
}

export interface PhotoPipeline {
  process(file: Blob, options?: ProcessPhotoOptions): Promise<ProcessedPhoto>;
  readonly active: number;
  readonly waiting: number;
  dispose(): void;
}

export function supportsWorkerDownscale(): boolean {
  return typeof Worker === 'function' && canDownscaleHere();
}

function mainThreadProcessor(): PhotoProcessor | undefined {
  return canDownscaleHere() ? (file, options) => downscaleImage(file, options) : undefined;
}

export function createPhotoPipeline(config: PhotoPipelineConfig = {}): PhotoPipeline {
  const limit = createConcurrencyLimit(config.concurrency ?? 2);
  const spawn =
    config.spawnWorker === undefined
      ? supportsWorkerDownscale()
        ? spawnDownscaleWorker
        : null
      : config.spawnWorker;
  const pool = spawn ? createDownscaleWorkerPool(spawn) : null;
  const fallback = config.processor ?? mainThreadProcessor();

  async function execute(file: Blob, options: DownscaleOptions, signal: AbortSignal) {
    if (pool && !pool.broken) {
      try {
        return await pool.run(file, options, signal);
      } catch (error) {
        const workersUnusable = error instanceof PhotoError && pool.broken;
        if (!(workersUnusable && fallback)) throw error;
      }
    }
    if (!fallback) throw new PhotoError('unsupported', 'no way to downscale photos here');
    return fallback(file, options, signal);
  }

  async function runWithin(
    file: Blob,
    options: DownscaleOptions,
    timeoutMs: number,
    outer: AbortSignal | undefined,
  ): Promise<ProcessedPhoto> {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new PhotoError('timeout', `no result within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const forward = () => controller.abort(outer?.reason);
    outer?.addEventListener('abort', forward, { once: true });
    // Settles the caller even if a processor ignores the signal and never finishes.
    const abandoned = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), {
        once: true,
      });
    });
    try {
      return await Promise.race([execute(file, options, controller.signal), abandoned]);
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', forward);
    }
  }

  return {
    async process(file, options = {}) {
      const downscale: DownscaleOptions = {
        maxEdge: options.maxEdge ?? defaultDownscaleOptions.maxEdge,
        quality: options.quality ?? defaultDownscaleOptions.quality,
        maxInputBytes: options.maxInputBytes ?? defaultDownscaleOptions.maxInputBytes,
      };
      checkPhotoInput(file, downscale.maxInputBytes);
      const timeoutMs = options.timeoutMs ?? config.timeoutMs ?? 60_000;
      return limit.run(() => {
        options.onStart?.();
        return runWithin(file, downscale, timeoutMs, options.signal);
      }, options.signal);
    },
    get active() {
      return limit.active;
    },
    get waiting() {
      return limit.waiting;
    },
    dispose() {
      pool?.dispose();
    },
  };
}

let defaultPipeline: PhotoPipeline | undefined;

/** Downscales `file` to a JPEG with a long edge of at most 2048 px and hashes it, off the main thread. */
export function processPhoto(file: Blob, options?: ProcessPhotoOptions): Promise<ProcessedPhoto> {
  defaultPipeline ??= createPhotoPipeline();
  return defaultPipeline.process(file, options);
}

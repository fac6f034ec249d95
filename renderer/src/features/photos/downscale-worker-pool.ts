// The downscale workers: started when a photo needs one, reused while photos keep coming, ended
// when idle for a while or when a task on them fails or times out (a stuck decoder is killed,
// not waited for). The caller bounds how many run at once.
import type {
  DownscaleOptions,
  DownscaleRequest,
  DownscaleResponse,
  ProcessedPhoto,
} from './downscale';
import { PhotoError } from './photo-error';

/** The part of a Worker the pool uses (a real Worker in the app, a stand-in in tests). */
export interface DownscaleWorker {
  postMessage(message: DownscaleRequest): void;
  addEventListener(type: 'message' | 'error', listener: (event: Event) => void): void;
  removeEventListener(type: 'message' | 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

export function spawnDownscaleWorker(): DownscaleWorker {
  // Written out in full so that Vite finds the worker and bundles it as its own module.
  return new Worker(new URL('./downscale-worker.ts', import.meta.url), { type: 'module' });
}

export interface DownscaleWorkerPool {
  run(file: Blob, options: DownscaleOptions, signal: AbortSignal): Promise<ProcessedPhoto>;
  /** True once a worker failed before answering anything: workers cannot run here. */
  readonly broken: boolean;
  readonly live: number;
  dispose(): void;
}

export function createDownscaleWorkerPool(
  spawn: () => DownscaleWorker,
  idleMs = 30_000,
): DownscaleWorkerPool {
  const idle: Array<{ worker: DownscaleWorker; timer: ReturnType<typeof setTimeout> }> = [];
  const answered = new WeakSet<DownscaleWorker>();
  let live = 0;
  let nextId = 1;
  let broken = false;

  function take(): DownscaleWorker {
    const entry = idle.pop();
    if (entry) {
      clearTimeout(entry.timer);
      return entry.worker;
    }
    const worker = spawn();
    live++;
    return worker;
  }

  function end(worker: DownscaleWorker): void {
    worker.terminate();
    live--;
  }

  function giveBack(worker: DownscaleWorker): void {
    const timer = setTimeout(() => {
      const index = idle.findIndex((entry) => entry.worker === worker);
      if (index >= 0) idle.splice(index, 1);
      end(worker);
    }, idleMs);
    idle.push({ worker, timer });
  }

  function run(
    file: Blob,
    options: DownscaleOptions,
    signal: AbortSignal,
  ): Promise<ProcessedPhoto> {
    if (signal.aborted) return Promise.reject(signal.reason);
    let worker: DownscaleWorker;
    try {
      worker = take();
    } catch (error) {
      broken = true;
      return Promise.reject(new PhotoError('worker-failed', String(error)));
    }
    const id = nextId++;
    return new Promise<ProcessedPhoto>((resolve, reject) => {
      const finish = (keepWorker: boolean) => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        signal.removeEventListener('abort', onAbort);
        if (keepWorker) giveBack(worker);
        else end(worker);
      };
      const onMessage = (event: Event) => {
        const response = (event as MessageEvent<DownscaleResponse>).data;
        if (response.id !== id) return;
        answered.add(worker);
        finish(true);
        if (response.ok) resolve(response.photo);
        else reject(new PhotoError(response.code, response.message));
      };
      const onError = (event: Event) => {
        // Keeps the failure out of the console as an "uncaught" error: it is handled here.
        event.preventDefault();
        if (!answered.has(worker)) broken = true;
        finish(false);
        const message = event instanceof ErrorEvent ? event.message : '';
        reject(new PhotoError('worker-failed', message || 'the worker failed to start'));
      };
      const onAbort = () => {
        finish(false);
        reject(signal.reason);
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      signal.addEventListener('abort', onAbort, { once: true });
      worker.postMessage({ id, file, options });
    });
  }

  return {
    run,
    get broken() {
      return broken;
    },
    get live() {
      return live;
    },
    dispose() {
      for (const entry of idle.splice(0)) {
        clearTimeout(entry.timer);
        end(entry.worker);
      }
    },
  };
}

// The worker side runs only in a browser (OffscreenCanvas); here a stand-in worker answers the
// same messages so that the pool's routing, reuse and clean-up can be checked.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  DownscaleRequest,
  DownscaleResponse,
} from '../../../../../renderer/src/features/photos/downscale';
import { createDownscaleWorkerPool } from '../../../../../renderer/src/features/photos/downscale-worker-pool';
import type { DownscaleWorker } from '../../../../../renderer/src/features/photos/downscale-worker-pool';
import { PhotoError } from '../../../../../renderer/src/features/photos/photo-error';
import { createPhotoPipeline } from '../../../../../renderer/src/features/photos/process-photo';
import { pictureFile, processedFrom, settle } from './photo-test-support';

class StandInWorker extends EventTarget implements DownscaleWorker {
  readonly requests: DownscaleRequest[] = [];
  terminated = false;

  postMessage(message: DownscaleRequest): void {
    this.requests.push(message);
  }

  answer(response: DownscaleResponse): void {
    this.dispatchEvent(new MessageEvent('message', { data: response }));
  }

  async answerWithPhoto(request: DownscaleRequest): Promise<void> {
    this.answer({ id: request.id, ok: true, photo: await processedFrom(request.file) });
  }

  fail(message: string): void {
    this.dispatchEvent(new ErrorEvent('error', { message, cancelable: true }));
  }

  terminate(): void {
    this.terminated = true;
  }
}

function spawner() {
  const workers: StandInWorker[] = [];
  const spawn = () => {
    const worker = new StandInWorker();
    workers.push(worker);
    return worker;
  };
  return { workers, spawn };
}

const options = { maxEdge: 2048, quality: 0.85, maxInputBytes: 1024 };

afterEach(() => {
  vi.useRealTimers();
});

describe('createDownscaleWorkerPool', () => {
  it('answers each photo with its own result and reuses an idle worker', async () => {
    const { workers, spawn } = spawner();
    const pool = createDownscaleWorkerPool(spawn);
    const signal = new AbortController().signal;
    const a = pool.run(pictureFile('a.jpg'), options, signal);
    const b = pool.run(pictureFile('b.jpg'), options, signal);
    expect(workers).toHaveLength(2);
    // Answers for someone else's id are ignored.
    await workers[1]!.answerWithPhoto(workers[0]!.requests[0]!);
    await workers[0]!.answerWithPhoto(workers[0]!.requests[0]!);
    await workers[1]!.answerWithPhoto(workers[1]!.requests[0]!);
    expect((await a).size).toBe('a.jpg'.length);
    expect((await b).size).toBe('b.jpg'.length);
    expect(workers[0]!.requests[0]!.options).toEqual(options);

    const c = pool.run(pictureFile('c.jpg'), options, signal);
    expect(workers).toHaveLength(2);
    const reused = workers.find((worker) => worker.requests.length === 2)!;
    await reused.answerWithPhoto(reused.requests[1]!);
    expect((await c).size).toBe('c.jpg'.length);
    pool.dispose();
    expect(workers.every((worker) => worker.terminated)).toBe(true);
    expect(pool.live).toBe(0);
  });

  it('turns an error answer into a PhotoError with the same code and keeps the worker', async () => {
    const { workers, spawn } = spawner();
    const pool = createDownscaleWorkerPool(spawn);
    const run = pool.run(pictureFile('a.jpg'), options, new AbortController().signal);
    workers[0]!.answer({
      id: workers[0]!.requests[0]!.id,
      ok: false,
      code: 'decode-failed',
      message: 'bad',
    });
    await expect(run).rejects.toEqual(new PhotoError('decode-failed', 'bad'));
    expect(workers[0]!.terminated).toBe(false);
    expect(pool.broken).toBe(false);
  });

  it('ends a worker whose photo is abandoned, and one that is idle too long', async () => {
    vi.useFakeTimers();
    const { workers, spawn } = spawner();
    const pool = createDownscaleWorkerPool(spawn, 1_000);
    const controller = new AbortController();
    const run = pool.run(pictureFile('a.jpg'), options, controller.signal);
    controller.abort(new PhotoError('timeout'));
    await expect(run).rejects.toEqual(new PhotoError('timeout'));
    expect(workers[0]!.terminated).toBe(true);

    const next = pool.run(pictureFile('b.jpg'), options, new AbortController().signal);
    expect(workers).toHaveLength(2);
    await workers[1]!.answerWithPhoto(workers[1]!.requests[0]!);
    await next;
    expect(workers[1]!.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(workers[1]!.terminated).toBe(true);
    expect(pool.live).toBe(0);
  });
});

describe('createPhotoPipeline with workers', () => {
  it('falls back to the processor when the worker cannot start', async () => {
    const { workers, spawn } = spawner();
    const fallback: string[] = [];
    const pipeline = createPhotoPipeline({
      spawnWorker: spawn,
      processor: async (file) => {
        fallback.push((file as File).name);
        return processedFrom(file);
      },
    });
    const first = pipeline.process(pictureFile('a.jpg'));
    await settle();
    workers[0]!.fail('Failed to load the worker script');
    expect((await first).size).toBe('a.jpg'.length);
    await pipeline.process(pictureFile('b.jpg'));
    expect(fallback).toEqual(['a.jpg', 'b.jpg']);
    expect(workers).toHaveLength(1);
  });

  it('reports a worker that fails after it has worked, without falling back', async () => {
    const { workers, spawn } = spawner();
    const pipeline = createPhotoPipeline({
      spawnWorker: spawn,
      concurrency: 1,
      processor: async (file) => processedFrom(file),
    });
    const first = pipeline.process(pictureFile('a.jpg'));
    await settle();
    await workers[0]!.answerWithPhoto(workers[0]!.requests[0]!);
    await first;
    const second = pipeline.process(pictureFile('b.jpg'));
    await settle();
    workers[0]!.fail('out of memory');
    await expect(second).rejects.toMatchObject({ code: 'worker-failed' });
    expect(workers[0]!.terminated).toBe(true);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProcessedPhoto } from '../../../../../renderer/src/features/photos/downscale';
import { PhotoError } from '../../../../../renderer/src/features/photos/photo-error';
import {
  createPhotoPipeline,
  supportsWorkerDownscale,
} from '../../../../../renderer/src/features/photos/process-photo';
import type { PhotoProcessor } from '../../../../../renderer/src/features/photos/process-photo';
import { deferred, pictureFile, processedFrom, settle } from './photo-test-support';
import type { Deferred } from './photo-test-support';

interface Call {
  file: Blob;
  signal: AbortSignal;
  done: Deferred<ProcessedPhoto>;
}

/** A processor whose photos finish when the test says so, recording how many run at once. */
function controlledProcessor() {
  const calls: Call[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const processor: PhotoProcessor = async (file, _options, signal) => {
    const done = deferred<ProcessedPhoto>();
    calls.push({ file, signal, done });
    running++;
    mostAtOnce = Math.max(mostAtOnce, running);
    try {
      return await done.promise;
    } finally {
      running--;
    }
  };
  return {
    processor,
    calls,
    get running() {
      return running;
    },
    get mostAtOnce() {
      return mostAtOnce;
    },
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof PhotoError ? error.code : `not a PhotoError: ${String(error)}`;
  }
  return 'resolved';
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createPhotoPipeline with an injected processor', () => {
  it('uses the injected processor where workers cannot run (jsdom has none)', () => {
    expect(supportsWorkerDownscale()).toBe(false);
  });

  it('processes ten photos two at a time, in the order they were added', async () => {
    const control = controlledProcessor();
    const pipeline = createPhotoPipeline({ processor: control.processor });
    const files = Array.from({ length: 10 }, (_, i) => pictureFile(`p${i}.jpg`));
    const started: string[] = [];
    const results = files.map((file) =>
      pipeline.process(file, { onStart: () => started.push((file as File).name) }),
    );
    await settle();
    expect(control.calls).toHaveLength(2);
    expect(pipeline.active).toBe(2);
    expect(pipeline.waiting).toBe(8);

    for (let finished = 0; finished < 10; finished++) {
      const call = control.calls[finished]!;
      call.done.resolve(await processedFrom(call.file));
      await settle();
      expect(control.running).toBeLessThanOrEqual(2);
    }
    const photos = await Promise.all(results);
    expect(control.mostAtOnce).toBe(2);
    expect(started).toEqual(files.map((file) => file.name));
    for (const [i, photo] of photos.entries()) {
      expect(photo).toEqual(await processedFrom(files[i]!));
    }
    expect(pipeline.active).toBe(0);
  });

  it('runs one at a time when asked to', async () => {
    const control = controlledProcessor();
    const pipeline = createPhotoPipeline({ processor: control.processor, concurrency: 1 });
    const results = [1, 2, 3].map((i) => pipeline.process(pictureFile(`${i}.jpg`)));
    for (let i = 0; i < 3; i++) {
      await settle();
      expect(control.calls).toHaveLength(i + 1);
      control.calls[i]!.done.resolve(await processedFrom(control.calls[i]!.file));
    }
    await Promise.all(results);
    expect(control.mostAtOnce).toBe(1);
  });

  it('rejects the failing photo with its code and carries on with the others', async () => {
    const pipeline = createPhotoPipeline({
      concurrency: 1,
      processor: async (file) => {
        if ((file as File).name === 'broken.jpg') throw new PhotoError('decode-failed', 'bad data');
        return processedFrom(file);
      },
    });
    const good1 = pipeline.process(pictureFile('a.jpg'));
    const broken = pipeline.process(pictureFile('broken.jpg'));
    const good2 = pipeline.process(pictureFile('b.jpg'));
    expect(await codeOf(broken)).toBe('decode-failed');
    expect((await good1).sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await good2).sha256).not.toBe((await good1).sha256);
  });

  it('refuses files that are not pictures, empty or too large without processing them', async () => {
    const control = controlledProcessor();
    const pipeline = createPhotoPipeline({ processor: control.processor });
    const text = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    expect(await codeOf(pipeline.process(text))).toBe('not-image');
    expect(await codeOf(pipeline.process(new File([], 'empty.jpg', { type: 'image/jpeg' })))).toBe(
      'not-image',
    );
    const big = pictureFile('big.jpg', 'x'.repeat(2048));
    expect(await codeOf(pipeline.process(big, { maxInputBytes: 1024 }))).toBe('too-large');
    expect(control.calls).toHaveLength(0);
  });

  it('passes the downscale settings to the processor, defaulting to 2048 px and JPEG 0.85', async () => {
    const seen: unknown[] = [];
    const pipeline = createPhotoPipeline({
      processor: async (file, options) => {
        seen.push(options);
        return processedFrom(file);
      },
    });
    await pipeline.process(pictureFile('a.jpg'));
    await pipeline.process(pictureFile('b.jpg'), { maxEdge: 1024, quality: 0.7 });
    expect(seen).toEqual([
      { maxEdge: 2048, quality: 0.85, maxInputBytes: 50 * 1024 * 1024 },
      { maxEdge: 1024, quality: 0.7, maxInputBytes: 50 * 1024 * 1024 },
    ]);
  });

  it('gives up on a photo that takes too long, aborts it and frees its place', async () => {
    vi.useFakeTimers();
    const control = controlledProcessor();
    const pipeline = createPhotoPipeline({
      processor: control.processor,
      concurrency: 1,
      timeoutMs: 5_000,
    });
    const stuck = pipeline.process(pictureFile('stuck.jpg'));
    const next = pipeline.process(pictureFile('next.jpg'));
    const stuckCode = codeOf(stuck);
    await vi.advanceTimersByTimeAsync(0);
    expect(control.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await stuckCode).toBe('timeout');
    expect(control.calls[0]!.signal.aborted).toBe(true);
    expect(control.calls).toHaveLength(2);
    // Its 5 s spent waiting in the queue do not count against the next photo.
    await vi.advanceTimersByTimeAsync(4_000);
    control.calls[1]!.done.resolve(await processedFrom(control.calls[1]!.file));
    expect((await next).size).toBe('next.jpg'.length);
  });

  it('drops a queued photo when its signal is aborted, without processing it', async () => {
    const control = controlledProcessor();
    const pipeline = createPhotoPipeline({ processor: control.processor, concurrency: 1 });
    const first = pipeline.process(pictureFile('first.jpg'));
    const controller = new AbortController();
    const dropped = pipeline.process(pictureFile('dropped.jpg'), { signal: controller.signal });
    const last = pipeline.process(pictureFile('last.jpg'));
    await settle();
    controller.abort(new DOMException('closed', 'AbortError'));
    await expect(dropped).rejects.toMatchObject({ name: 'AbortError' });
    control.calls[0]!.done.resolve(await processedFrom(control.calls[0]!.file));
    await first;
    await settle();
    expect(control.calls.map((call) => (call.file as File).name)).toEqual([
      'first.jpg',
      'last.jpg',
    ]);
    control.calls[1]!.done.resolve(await processedFrom(control.calls[1]!.file));
    await last;
  });

  it('says so when there is neither a worker nor a processor', async () => {
    const pipeline = createPhotoPipeline({ spawnWorker: null });
    expect(await codeOf(pipeline.process(pictureFile('a.jpg')))).toBe('unsupported');
  });
});

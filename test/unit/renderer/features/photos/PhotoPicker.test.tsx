import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ProcessedPhoto } from '../../../../../renderer/src/features/photos/downscale';
import type { PhotoRef } from '../../../../../renderer/src/shared/photo-blob-store';
import { PhotoError } from '../../../../../renderer/src/features/photos/photo-error';
import { PhotoPicker } from '../../../../../renderer/src/features/photos/PhotoPicker';
import { createPhotoPipeline } from '../../../../../renderer/src/features/photos/process-photo';
import type { ProcessPhotoOptions } from '../../../../../renderer/src/features/photos/process-photo';
import { deferred, MemoryPhotoStore, pictureFile, processedFrom } from './photo-test-support';
import type { Deferred } from './photo-test-support';
import { renderWithPhotoStrings } from './render-with-photo-strings';
import { ascii, dms, jpegWithExif, rationals, tiffBytes } from './exif-bytes';

function fileInput(): HTMLInputElement {
  return screen.getByLabelText('Add photos') as HTMLInputElement;
}

function progressItems(): HTMLElement[] {
  const list = screen.queryByRole('list', { name: 'Photos being added' });
  return list ? within(list).getAllByRole('listitem') : [];
}

/** The real pipeline (queue, checks, time limit) over a processor the test finishes by hand. */
function handPipeline() {
  const waiting: Array<{ file: Blob; done: Deferred<ProcessedPhoto> }> = [];
  const pipeline = createPhotoPipeline({
    concurrency: 1,
    processor: (file) => {
      const done = deferred<ProcessedPhoto>();
      waiting.push({ file, done });
      return done.promise;
    },
  });
  const process = (file: Blob, options?: ProcessPhotoOptions) => pipeline.process(file, options);
  return { waiting, process };
}

describe('PhotoPicker', { timeout: 30_000 }, () => {
  it('shows each photo waiting, then being downscaled, then stores it and reports it', async () => {
    const store = new MemoryPhotoStore();
    const added: PhotoRef[] = [];
    const hand = handPipeline();
    renderWithPhotoStrings(
      <PhotoPicker store={store} onAdded={(ref) => added.push(ref)} process={hand.process} />,
    );
    const user = userEvent.setup({ delay: null });
    const files = [pictureFile('north-tank.jpg'), pictureFile('drain.jpg')];
    await user.upload(fileInput(), files);

    await waitFor(() => expect(progressItems()).toHaveLength(2));
    expect(within(progressItems()[0]!).getByText('north-tank.jpg')).toBeTruthy();
    await waitFor(() => expect(within(progressItems()[0]!).getByText('Downscaling')).toBeTruthy());
    expect(within(progressItems()[1]!).getByText('Waiting')).toBeTruthy();

    hand.waiting[0]!.done.resolve(await processedFrom(files[0]!));
    await waitFor(() => expect(added).toHaveLength(1));
    await waitFor(() => expect(hand.waiting).toHaveLength(2));
    hand.waiting[1]!.done.resolve(await processedFrom(files[1]!));
    await waitFor(() => expect(added).toHaveLength(2));

    const expected = await Promise.all(files.map(processedFrom));
    // These files carry no EXIF data: each is marked as picked, not taken, with no position.
    expect(added).toEqual(
      expected.map((photo) => ({
        sha256: photo.sha256,
        mime: 'image/jpeg',
        size: photo.size,
        taken: { source: 'picked', at: expect.any(String) },
        position: null,
      })),
    );
    for (const photo of expected) {
      expect(store.blobs.get(photo.sha256)).toMatchObject({
        sha256: photo.sha256,
        size: photo.size,
      });
    }
    await waitFor(() => expect(progressItems()).toHaveLength(0));
  });

  it('names what went wrong with a photo and lets the message be dismissed', async () => {
    const store = new MemoryPhotoStore();
    const added: PhotoRef[] = [];
    const pipeline = createPhotoPipeline({
      processor: async (file) => {
        if ((file as File).name === 'scan.heic') throw new PhotoError('decode-failed');
        return processedFrom(file);
      },
    });
    renderWithPhotoStrings(
      <PhotoPicker
        store={store}
        onAdded={(ref) => added.push(ref)}
        process={(file, options) => pipeline.process(file, options)}
      />,
    );
    // The file dialog can be told to show all files; what is not a picture is refused.
    const user = userEvent.setup({ delay: null, applyAccept: false });
    await user.upload(fileInput(), [
      new File(['%PDF'], 'permit.pdf', { type: 'application/pdf' }),
      pictureFile('scan.heic'),
      pictureFile('ok.jpg'),
    ]);
    await waitFor(() => expect(added).toHaveLength(1));
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    const [pdf, heic] = progressItems();
    expect(within(pdf!).getByText('permit.pdf')).toBeTruthy();
    expect(within(pdf!).getByRole('alert').textContent).toBe('Not a picture file');
    expect(within(heic!).getByRole('alert').textContent).toBe(
      'The picture could not be read (unsupported format or damaged file)',
    );
    expect(store.blobs.size).toBe(1);

    await user.click(within(pdf!).getByRole('button', { name: 'Dismiss' }));
    expect(progressItems()).toHaveLength(1);
  });

  it("keeps a picked file's EXIF time and position, which the downscaled bytes no longer hold", async () => {
    const store = new MemoryPhotoStore();
    const added: PhotoRef[] = [];
    const tiff = tiffBytes({
      little: true,
      exif: () => [ascii(0x9003, '2026:12:05 14:03:27'), ascii(0x9011, '+08:00')],
      gps: (l) => [
        ascii(0x0001, 'N'),
        rationals(0x0002, dms(31, 12, 0), l),
        ascii(0x0003, 'E'),
        rationals(0x0004, dms(121, 30, 0), l),
        rationals(0x001f, [[15, 1]], l),
      ],
    });
    const original = new File([jpegWithExif(tiff)], 'valve.jpg', { type: 'image/jpeg' });
    // The downscaler's output: a re-encoded JPEG without the EXIF segment.
    const downscaled = new Blob([jpegWithExif(null)], { type: 'image/jpeg' });
    renderWithPhotoStrings(
      <PhotoPicker
        store={store}
        onAdded={(ref) => added.push(ref)}
        process={() => processedFrom(downscaled)}
      />,
    );
    await userEvent.setup({ delay: null }).upload(fileInput(), [original]);
    await waitFor(() => expect(added).toHaveLength(1));
    expect(added[0]).toMatchObject({
      size: downscaled.size,
      taken: { source: 'exif', at: '2026-12-05T14:03:27+08:00' },
      position: { source: 'exif', lat: 31.2, lon: 121.5, accuracyM: 15 },
    });
    // The bytes kept are the downscaled ones, and hold no evidence of their own.
    expect(store.blobs.get(added[0]!.sha256)?.bytes).toBe(downscaled);
  });

  it('refuses photos beyond the remaining allowance', async () => {
    const store = new MemoryPhotoStore();
    const added: PhotoRef[] = [];
    renderWithPhotoStrings(
      <PhotoPicker
        store={store}
        remaining={1}
        onAdded={(ref) => added.push(ref)}
        process={(file) => processedFrom(file)}
      />,
    );
    const user = userEvent.setup({ delay: null });
    await user.upload(fileInput(), [pictureFile('a.jpg'), pictureFile('b.jpg')]);
    await waitFor(() => expect(added).toHaveLength(1));
    expect(screen.getByRole('alert').textContent).toBe(
      'Not added: the photo limit has been reached',
    );
    expect(within(progressItems()[0]!).getByText('b.jpg')).toBeTruthy();
  });

  it('says plainly when the device cannot store the photo', async () => {
    const added: PhotoRef[] = [];
    const fullStore = {
      put: async () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      get: async () => undefined,
    };
    renderWithPhotoStrings(
      <PhotoPicker
        store={fullStore}
        onAdded={(ref) => added.push(ref)}
        process={(file) => processedFrom(file)}
      />,
    );
    const user = userEvent.setup({ delay: null });
    await user.upload(fileInput(), [pictureFile('a.jpg')]);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The photo could not be saved on this device (storage may be full)',
    );
    expect(added).toEqual([]);
  });

  it('opens the camera in a dialog and explains when there is none', async () => {
    renderWithPhotoStrings(
      <PhotoPicker store={new MemoryPhotoStore()} onAdded={() => undefined} />,
    );
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: /Take a photo/ }));
    const dialog = await screen.findByRole('dialog');
    // jsdom has no navigator.mediaDevices, like a page served over plain http.
    expect(
      await within(dialog).findByText(
        'The camera cannot be used here; add photos from files instead',
      ),
    ).toBeTruthy();
    expect(
      within(dialog)
        .getByRole('button', { name: /Capture/ })
        .hasAttribute('disabled'),
    ).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});

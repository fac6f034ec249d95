import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PhotoRef } from '../../../../../renderer/src/shared/photo-blob-store';
import { PhotoThumbnails } from '../../../../../renderer/src/features/photos/PhotoThumbnails';
import { MemoryPhotoStore, storedPhoto } from './photo-test-support';
import { recordObjectUrls, renderWithPhotoStrings } from './render-with-photo-strings';

let urls: ReturnType<typeof recordObjectUrls>;
let store: MemoryPhotoStore;
let photos: PhotoRef[];

beforeEach(async () => {
  urls = recordObjectUrls();
  store = new MemoryPhotoStore();
  photos = [
    await storedPhoto(store, 'one'),
    await storedPhoto(store, 'two'),
    await storedPhoto(store, 'three'),
  ];
});
afterEach(() => urls.restore());

function images(): HTMLImageElement[] {
  return within(screen.getByRole('list', { name: 'Photos' }))
    .queryAllByRole('img')
    .filter((element): element is HTMLImageElement => element instanceof HTMLImageElement);
}

// antd in jsdom is slow on a busy machine; nothing here waits on time.
describe('PhotoThumbnails', { timeout: 30_000 }, () => {
  it('shows each stored photo from an object URL and revokes them all on unmount', async () => {
    const view = renderWithPhotoStrings(<PhotoThumbnails photos={photos} store={store} />);
    await waitFor(() => expect(images()).toHaveLength(3));
    expect(images().map((image) => image.alt)).toEqual([
      'Photo 1 of 3',
      'Photo 2 of 3',
      'Photo 3 of 3',
    ]);
    expect(
      images()
        .map((image) => image.getAttribute('src'))
        .sort(),
    ).toEqual([...urls.created].sort());
    expect(urls.created).toHaveLength(3);

    view.unmount();
    expect(urls.live).toEqual([]);
    expect([...urls.revoked].sort()).toEqual([...urls.created].sort());
  });

  it('removes a photo only after the confirmation, and frees only its URL', async () => {
    const removed: Array<[string, number]> = [];
    const onRemove = (photo: PhotoRef, index: number) => {
      removed.push([photo.sha256, index]);
      photos = photos.filter((_, i) => i !== index);
      view.rerender(<PhotoThumbnails photos={photos} store={store} onRemove={onRemove} />);
    };
    const view = renderWithPhotoStrings(
      <PhotoThumbnails photos={photos} store={store} onRemove={onRemove} />,
    );
    await waitFor(() => expect(images()).toHaveLength(3));
    const secondUrl = images()[1]!.getAttribute('src')!;
    const user = userEvent.setup({ delay: null });

    await user.click(screen.getByRole('button', { name: 'Remove photo 2' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(removed).toEqual([]);

    const second = photos[1]!.sha256;
    await user.click(screen.getByRole('button', { name: 'Remove photo 2' }));
    expect(await screen.findByText('Remove this photo?')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    expect(removed).toEqual([[second, 1]]);
    await waitFor(() => expect(images()).toHaveLength(2));
    expect(urls.revoked).toEqual([secondUrl]);
    expect(images().map((image) => image.alt)).toEqual(['Photo 1 of 2', 'Photo 2 of 2']);
  });

  it('is read-only without onRemove', async () => {
    renderWithPhotoStrings(<PhotoThumbnails photos={photos} store={store} />);
    await waitFor(() => expect(images()).toHaveLength(3));
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
  });

  it('says when a photo is not on this device', async () => {
    const absent: PhotoRef = { sha256: 'f'.repeat(64), mime: 'image/jpeg', size: 10 };
    renderWithPhotoStrings(<PhotoThumbnails photos={[absent]} store={store} />);
    expect(await screen.findByText('Not on this device yet')).toBeTruthy();
    expect(urls.created).toEqual([]);
  });

  it('opens the viewer from the keyboard; arrows move, Escape closes', async () => {
    renderWithPhotoStrings(<PhotoThumbnails photos={photos} store={store} />);
    await waitFor(() => expect(images()).toHaveLength(3));
    const user = userEvent.setup({ delay: null });
    await user.tab();
    expect(document.activeElement).toBe(images()[0]!.closest('button'));
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Photo 1 / 3')).toBeTruthy();
    // Under the photo, when and where it was taken (these were added before that was kept).
    const evidence = within(dialog).getByRole('group', {
      name: 'When and where the photo was taken',
    });
    expect(evidence.textContent).toContain('Time taken not recorded');
    expect(evidence.textContent).toContain('Position unknown');
    expect(
      within(dialog)
        .getByRole('button', { name: /Previous/ })
        .hasAttribute('disabled'),
    ).toBe(true);

    await user.keyboard('{ArrowRight}');
    expect(within(dialog).getByText('Photo 2 / 3')).toBeTruthy();
    const full = await within(dialog).findByRole('img', { name: 'Photo 2 of 3' });
    expect(full.getAttribute('src')).toMatch(/^blob:photos-test\//);
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(within(dialog).getByText('Photo 3 / 3')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: /Next/ }).hasAttribute('disabled')).toBe(
      true,
    );
    await user.keyboard('{ArrowLeft}');
    expect(within(dialog).getByText('Photo 2 / 3')).toBeTruthy();

    const live = urls.live.length;
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // The full-size image's URL goes with the viewer; the thumbnails keep theirs.
    await waitFor(() => expect(urls.live).toHaveLength(live - 1));
    expect(urls.live).toHaveLength(3);
  });
});

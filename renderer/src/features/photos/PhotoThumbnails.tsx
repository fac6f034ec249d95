import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';
import type { CSSProperties } from 'react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoBlobStore, PhotoRef } from '../../shared/photo-blob-store';
import { PhotoImage } from './PhotoImage';
import { PhotoViewer } from './PhotoViewer';

export interface PhotoThumbnailsProps {
  photos: readonly PhotoRef[];
  /** Must keep its identity between renders. */
  store: PhotoBlobStore;
  /** Without it the photos are read-only (no remove buttons). */
  onRemove?: (photo: PhotoRef, index: number) => void;
  /** Edge of a thumbnail in px; default 96. */
  size?: number;
}

const list: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: 8,
  listStyle: 'none',
  margin: 0,
  padding: 0,
};

/**
 * Keys that survive removals (so other thumbnails keep their loaded images): the hash, with a
 * counter only when the same photo appears twice.
 */
function stableKeys(photos: readonly PhotoRef[]): string[] {
  const seen = new Map<string, number>();
  return photos.map((photo) => {
    const count = seen.get(photo.sha256) ?? 0;
    seen.set(photo.sha256, count + 1);
    return count === 0 ? photo.sha256 : `${photo.sha256}#${count}`;
  });
}

/** Thumbnails that open the full-size viewer; each can be removed after a confirmation. */
export function PhotoThumbnails({ photos, store, onRemove, size = 96 }: PhotoThumbnailsProps) {
  const { t } = useTranslation();
  const [viewing, setViewing] = useState<number | null>(null);
  const close = useCallback(() => setViewing(null), []);
  const total = photos.length;
  if (total === 0) return null;
  const keys = stableKeys(photos);

  const frame: CSSProperties = {
    width: size,
    height: size,
    padding: 0,
    border: '1px solid #d9d9d9',
    borderRadius: 6,
    overflow: 'hidden',
    background: '#fafafa',
    cursor: 'zoom-in',
    display: 'block',
  };
  const image: CSSProperties = { width: '100%', height: '100%', objectFit: 'cover' };

  return (
    <>
      <ul aria-label={t('photos.listLabel')} style={list}>
        {photos.map((photo, index) => {
          const names = { index: index + 1, total };
          return (
            <li key={keys[index]} style={{ position: 'relative' }}>
              <button type="button" style={frame} onClick={() => setViewing(index)}>
                <PhotoImage
                  store={store}
                  sha256={photo.sha256}
                  alt={t('photos.thumbnailAlt', names)}
                  style={image}
                />
              </button>
              {onRemove && (
                <Popconfirm
                  title={t('photos.removeConfirm')}
                  okText={t('photos.removeOk')}
                  cancelText={t('photos.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => onRemove(photo, index)}
                >
                  <Button
                    size="small"
                    shape="circle"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('photos.removeLabel', names)}
                    style={{ position: 'absolute', top: 4, right: 4 }}
                  />
                </Popconfirm>
              )}
            </li>
          );
        })}
      </ul>
      <PhotoViewer
        photos={photos}
        store={store}
        index={viewing}
        onIndexChange={setViewing}
        onClose={close}
      />
    </>
  );
}

import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoBlobStore, PhotoRef } from '../../shared/photo-blob-store';
import { photoPositionLine, photoTimeLine } from './evidence-text';
import { PhotoImage } from './PhotoImage';

export interface PhotoViewerProps {
  photos: readonly PhotoRef[];
  store: PhotoBlobStore;
  /** The photo shown; null (or out of range) keeps the viewer closed. */
  index: number | null;
  onIndexChange: (index: number) => void;
  onClose: () => void;
}

/** Full-size photos one at a time: ← and → move, Escape closes. */
export function PhotoViewer({ photos, store, index, onIndexChange, onClose }: PhotoViewerProps) {
  const { t } = useTranslation();
  const current = index === null ? undefined : photos[index];
  const open = current !== undefined && index !== null;
  const total = photos.length;
  const hasPrevious = open && index > 0;
  const hasNext = open && index < total - 1;

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'ArrowLeft' && hasPrevious) onIndexChange(index - 1);
      else if (event.key === 'ArrowRight' && hasNext) onIndexChange(index + 1);
      else if (event.key === 'Escape') onClose();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, index, hasPrevious, hasNext, onIndexChange, onClose]);

  const position = open ? { index: index + 1, total } : { index: 0, total };
  return (
    <Modal
      open={open}
      onCancel={onClose}
      // Escape is handled above with the arrow keys, wherever the focus is.
      keyboard={false}
      // Unmounted when closed, so the full-size image's object URL is released.
      destroyOnHidden
      centered
      width="min(96vw, 1400px)"
      title={t('photos.viewer.title', position)}
      footer={
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text type="secondary">{t('photos.viewer.hint')}</Typography.Text>
          <Flex gap={8}>
            <Button
              icon={<LeftOutlined />}
              disabled={!hasPrevious}
              onClick={() => index !== null && onIndexChange(index - 1)}
            >
              {t('photos.viewer.previous')}
            </Button>
            <Button
              icon={<RightOutlined />}
              iconPlacement="end"
              disabled={!hasNext}
              onClick={() => index !== null && onIndexChange(index + 1)}
            >
              {t('photos.viewer.next')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      {current && (
        <Flex vertical align="center" gap={8}>
          <PhotoImage
            key={current.sha256}
            store={store}
            sha256={current.sha256}
            alt={t('photos.thumbnailAlt', position)}
            style={{ maxWidth: '100%', maxHeight: '70vh', objectFit: 'contain', minHeight: 120 }}
          />
          <Flex vertical aria-label={t('photos.evidence.label')} role="group">
            <Typography.Text>{photoTimeLine(t, current)}</Typography.Text>
            <Typography.Text>{photoPositionLine(t, current)}</Typography.Text>
          </Flex>
        </Flex>
      )}
    </Modal>
  );
}

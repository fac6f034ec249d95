import { CameraOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Flex, Progress, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraModal } from './CameraModal';
import { defaultDownscaleOptions } from './downscale';
import type { ProcessedPhoto } from './downscale';
import { exifEvidenceOf } from './exif';
import type { PhotoPosition } from '../../../../domain/schemas/photo-evidence';
import type { PhotoBlobStore, PhotoRef } from '../../shared/photo-blob-store';
import { photoErrorCode } from './photo-error';
import type { PhotoErrorCode } from './photo-error';
import { photoErrorKeys } from './photo-strings';
import type { PhotoStringKey } from './photo-strings';
import { processPhoto } from './process-photo';
import type { ProcessPhotoOptions } from './process-photo';
import { cameraEvidence, devicePosition, pickedFileEvidence } from './photo-evidence';
import type { PhotoEvidence } from './photo-evidence';

export interface PhotoPickerProps {
  /** Where the downscaled bytes are kept before onAdded is called. */
  store: PhotoBlobStore;
  /** Called once per photo, after its bytes are stored. */
  onAdded: (ref: PhotoRef) => void;
  /** How many more photos may be added; extra ones are refused with a message. */
  remaining?: number;
  disabled?: boolean;
  /** The photo pipeline; processPhoto unless replaced (tests, or a page with its own pipeline). */
  process?: (file: Blob, options?: ProcessPhotoOptions) => Promise<ProcessedPhoto>;
  /** Where the device is when the camera takes a photo; the device's geolocation unless replaced. */
  locate?: () => Promise<PhotoPosition | null>;
}

type Stage = 'queued' | 'processing' | 'storing';

interface Pending {
  id: number;
  /** The file's name; null for a camera frame. */
  name: string | null;
  stage: Stage | 'failed';
  error?: { key: PhotoStringKey; values: Record<string, string | number> };
}

const maxInputMb = Math.round(defaultDownscaleOptions.maxInputBytes / (1024 * 1024));

const percent: Record<Stage, number> = { queued: 0, processing: 45, storing: 90 };

/** Adds photos from files or the camera, showing each one's progress until it is stored. */
export function PhotoPicker({
  store,
  onAdded,
  remaining = Number.POSITIVE_INFINITY,
  disabled = false,
  process = processPhoto,
  locate = devicePosition,
}: PhotoPickerProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [cameraOpen, setCameraOpen] = useState(false);
  const [pending, setPending] = useState<Pending[]>([]);
  const nextId = useRef(1);
  const inFlight = useRef(0);
  const aborter = useRef(new AbortController());

  // Photos still queued when the form goes away are dropped, not processed for nobody.
  useEffect(() => {
    const controller = new AbortController();
    aborter.current = controller;
    return () => controller.abort();
  }, []);

  const update = (id: number, change: Partial<Pending>) =>
    setPending((items) => items.map((item) => (item.id === id ? { ...item, ...change } : item)));
  const drop = (id: number) => setPending((items) => items.filter((item) => item.id !== id));

  const fail = (id: number, error: unknown, fallback: PhotoErrorCode) => {
    const code = photoErrorCode(error, fallback);
    const values: Record<string, number> = code === 'too-large' ? { max: maxInputMb } : {};
    update(id, { stage: 'failed', error: { key: photoErrorKeys[code], values } });
  };

  /**
   * Adds a photo; `evidence` is read while it is processed (the picked file's EXIF data, which
   * downscaling drops, or the device's position at the camera's moment).
   */
  const add = (file: Blob, name: string | null, evidence: Promise<PhotoEvidence>) => {
    const id = nextId.current++;
    if (inFlight.current >= remaining) {
      setPending((items) => [
        ...items,
        { id, name, stage: 'failed', error: { key: 'photos.error.limit', values: {} } },
      ]);
      return;
    }
    inFlight.current++;
    setPending((items) => [...items, { id, name, stage: 'queued' }]);
    const signal = aborter.current.signal;
    void (async () => {
      try {
        const photo = await process(file, {
          signal,
          onStart: () => update(id, { stage: 'processing' }),
        });
        update(id, { stage: 'storing' });
        const ref: PhotoRef = {
          sha256: photo.sha256,
          mime: photo.mime,
          size: photo.size,
          ...(await evidence),
        };
        try {
          await store.put({
            sha256: photo.sha256,
            mime: photo.mime,
            size: photo.size,
            bytes: photo.bytes,
          });
        } catch (error) {
          fail(id, error, 'store-failed');
          return;
        }
        drop(id);
        onAdded(ref);
      } catch (error) {
        if (!signal.aborted) fail(id, error, 'worker-failed');
      } finally {
        inFlight.current--;
      }
    })();
  };

  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    // Cleared so that choosing the same file again still fires a change.
    event.target.value = '';
    const pickedAt = new Date();
    for (const file of files) {
      const evidence = exifEvidenceOf(file).then(
        (exif) => pickedFileEvidence(exif, pickedAt),
        () => pickedFileEvidence({ taken: null, gps: null }, pickedAt),
      );
      add(file, file.name, evidence);
    }
  };

  return (
    <Flex vertical gap={8}>
      <Space wrap>
        <Button
          icon={<PictureOutlined />}
          disabled={disabled}
          onClick={() => input.current?.click()}
        >
          {t('photos.add')}
        </Button>
        <Button icon={<CameraOutlined />} disabled={disabled} onClick={() => setCameraOpen(true)}>
          {t('photos.takePhoto')}
        </Button>
      </Space>
      <input
        ref={input}
        type="file"
        accept="image/*"
        multiple
        hidden
        // Inside an antd Form, its stylesheet shows file inputs whatever `hidden` says.
        style={{ display: 'none' }}
        aria-label={t('photos.add')}
        disabled={disabled}
        onChange={onFiles}
      />
      {pending.length > 0 && (
        <ul
          aria-label={t('photos.progressLabel')}
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {pending.map((item) => (
            <li key={item.id}>
              <Flex align="center" gap={8}>
                <Typography.Text ellipsis style={{ maxWidth: 220 }}>
                  {item.name ?? t('photos.camera.captured')}
                </Typography.Text>
                {item.stage === 'failed' ? (
                  <>
                    <Typography.Text type="danger" role="alert">
                      {item.error ? t(item.error.key, item.error.values) : null}
                    </Typography.Text>
                    <Button size="small" type="link" onClick={() => drop(item.id)}>
                      {t('photos.dismiss')}
                    </Button>
                  </>
                ) : (
                  <>
                    <Progress
                      percent={percent[item.stage]}
                      status="active"
                      showInfo={false}
                      size="small"
                      style={{ width: 120, margin: 0 }}
                      aria-label={t(`photos.status.${item.stage}`)}
                    />
                    <Typography.Text type="secondary">
                      {t(`photos.status.${item.stage}`)}
                    </Typography.Text>
                  </>
                )}
              </Flex>
            </li>
          ))}
        </ul>
      )}
      <CameraModal
        open={cameraOpen}
        onClose={() => setCameraOpen(false)}
        onCapture={(frame, capturedAt, position) =>
          add(
            frame,
            null,
            position.then((p) => cameraEvidence(capturedAt, p)),
          )
        }
        locate={locate}
      />
    </Flex>
  );
}

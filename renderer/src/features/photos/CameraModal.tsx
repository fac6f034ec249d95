import { CameraOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraError, cameraErrorCode, captureFrame, openCamera } from './camera';
import type { CameraErrorCode, CameraSession } from './camera';
import { cameraErrorKeys } from './photo-strings';
import type { PhotoPosition } from '../../../../domain/schemas/photo-evidence';

export interface CameraModalProps {
  open: boolean;
  onClose: () => void;
  /**
   * Each frame taken, as a JPEG, with the moment it was taken and the device's position then
   * (asked at that moment, null if unknown); the modal stays open for the next one.
   */
  onCapture: (frame: Blob, capturedAt: Date, position: Promise<PhotoPosition | null>) => void;
  /** Asks where the device is. */
  locate: () => Promise<PhotoPosition | null>;
}

/** The camera in a dialog; the camera is on only while the dialog is open. */
export function CameraModal({ open, onClose, onCapture, locate }: CameraModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={t('photos.camera.title')}
      onCancel={onClose}
      destroyOnHidden
      width="min(96vw, 900px)"
      footer={null}
    >
      {open && <CameraView onCapture={onCapture} locate={locate} onDone={onClose} />}
    </Modal>
  );
}

type CameraState =
  { status: 'starting' } | { status: 'ready' } | { status: 'failed'; code: CameraErrorCode };

function CameraView({
  onCapture,
  locate,
  onDone,
}: Pick<CameraModalProps, 'onCapture' | 'locate'> & { onDone: () => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>({ status: 'starting' });
  const [captureError, setCaptureError] = useState<CameraErrorCode | null>(null);
  const [taken, setTaken] = useState(0);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let cancelled = false;
    let session: CameraSession | undefined;
    openCamera(element).then(
      (opened) => {
        // Closed before the camera answered: release it at once.
        if (cancelled) opened.close();
        else {
          session = opened;
          setState({ status: 'ready' });
        }
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'failed', code: cameraErrorCode(error) });
      },
    );
    return () => {
      cancelled = true;
      session?.close();
    };
  }, []);

  const capture = () => {
    const element = video.current;
    if (!element) return;
    // The moment of the press, and where the device is then: the photo's evidence.
    const capturedAt = new Date();
    const position = locate();
    captureFrame(element).then(
      (frame) => {
        setCaptureError(null);
        setTaken((count) => count + 1);
        onCapture(frame, capturedAt, position);
      },
      (error: unknown) =>
        setCaptureError(error instanceof CameraError ? error.code : cameraErrorCode(error)),
    );
  };

  const failed = state.status === 'failed' ? state.code : captureError;
  return (
    <Flex vertical gap={12}>
      {failed && <Alert type="error" showIcon title={t(cameraErrorKeys[failed])} />}
      <video
        ref={video}
        aria-label={t('photos.camera.preview')}
        muted
        playsInline
        style={{
          width: '100%',
          maxHeight: '65vh',
          background: '#000',
          display: state.status === 'failed' ? 'none' : 'block',
        }}
      />
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type="secondary" aria-live="polite">
          {state.status === 'starting'
            ? t('photos.camera.starting')
            : t('photos.camera.taken', { count: taken })}
        </Typography.Text>
        <Flex gap={8}>
          <Button onClick={onDone}>{t('photos.camera.done')}</Button>
          <Button
            type="primary"
            icon={<CameraOutlined />}
            disabled={state.status !== 'ready'}
            onClick={capture}
          >
            {t('photos.camera.capture')}
          </Button>
        </Flex>
      </Flex>
    </Flex>
  );
}

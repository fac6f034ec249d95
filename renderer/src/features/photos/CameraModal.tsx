import { CameraOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraError, cameraErrorCode, captureFrame, openCamera } from './camera';
import type { CameraErrorCode, CameraSession } from './camera';
import { cameraErrorKeys } from './photo-strings';

export interface CameraModalProps {
  open: boolean;
  onClose: () => void;
  /** Each frame taken, as a JPEG; the modal stays open for the next one. */
  onCapture: (frame: Blob) => void;
}

/** The camera in a dialog; the camera is on only while the dialog is open. */
export function CameraModal({ open, onClose, onCapture }: CameraModalProps) {
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
      {open && <CameraView onCapture={onCapture} onDone={onClose} />}
    </Modal>
  );
}

type CameraState =
  { status: 'starting' } | { status: 'ready' } | { status: 'failed'; code: CameraErrorCode };

function CameraView({
  onCapture,
  onDone,
}: {
  onCapture: (frame: Blob) => void;
  onDone: () => void;
}) {
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
    captureFrame(element).then(
      (frame) => {
        setCaptureError(null);
        setTaken((count) => count + 1);
        onCapture(frame);
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

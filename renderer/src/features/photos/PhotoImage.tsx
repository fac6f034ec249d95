import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoBlobStore } from '../../shared/photo-blob-store';
import { usePhotoUrl } from './usePhotoUrl';

interface Props {
  store: PhotoBlobStore;
  sha256: string;
  alt: string;
  style?: CSSProperties;
}

const placeholder: CSSProperties = {
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  textAlign: 'center',
  padding: 4,
  fontSize: 12,
  // antd's secondary text: its 45 % grey is too faint on this background.
  color: 'rgba(0, 0, 0, 0.65)',
  background: '#f5f5f5',
};

/** A stored photo, or a short note saying why it cannot be shown. */
export function PhotoImage({ store, sha256, alt, style }: Props) {
  const { t } = useTranslation();
  const photo = usePhotoUrl(store, sha256);
  if (photo.status === 'ready') {
    return <img src={photo.url} alt={alt} decoding="async" style={style} />;
  }
  const note =
    photo.status === 'loading'
      ? t('photos.loading')
      : photo.status === 'missing'
        ? t('photos.missing')
        : t('photos.loadFailed');
  return (
    <span role="img" aria-label={`${alt}: ${note}`} style={{ ...placeholder, ...style }}>
      {note}
    </span>
  );
}

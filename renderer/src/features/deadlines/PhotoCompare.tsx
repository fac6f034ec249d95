import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BlobRef } from '../../../../domain/schemas/common';
import { PhotoThumbnails } from '../photos/PhotoThumbnails';
import { useLocalBlobStore } from '../signatures/useLocalBlobStore';

/** The photos taken when the hazard was found beside those of its latest re-inspection. */
export function PhotoCompare({ before, after }: { before: BlobRef[]; after: BlobRef[] | null }) {
  const { t } = useTranslation();
  const store = useLocalBlobStore();
  const column = (title: string, photos: BlobRef[]) => (
    <Col xs={24} md={12}>
      <section aria-label={title}>
        <Typography.Title level={5}>{title}</Typography.Title>
        {photos.length === 0 ? (
          <Typography.Text type="secondary">{t('deadlines.noPhotos')}</Typography.Text>
        ) : (
          <PhotoThumbnails photos={photos} store={store} size={120} />
        )}
      </section>
    </Col>
  );
  return (
    <Row gutter={16}>
      {column(t('deadlines.beforePhotos'), before)}
      {after === null ? null : column(t('deadlines.afterPhotos'), after)}
    </Row>
  );
}

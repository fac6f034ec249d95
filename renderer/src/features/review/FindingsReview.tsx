import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../../domain/schemas/finding';
import { PhotoThumbnails } from '../photos/PhotoThumbnails';
import { useLocalBlobStore } from '../signatures/useLocalBlobStore';

/**
 * The hazards of the inspection, each with its photos as thumbnails that open full-size; a photo
 * whose bytes are not on this device yet says so in place of the picture.
 */
export function FindingsReview({ findings }: { findings: readonly Finding[] }) {
  const { t } = useTranslation();
  const store = useLocalBlobStore();
  return (
    <Card size="small" title={`${t('reviewDetail.findings')} (${findings.length})`}>
      {findings.length === 0 ? (
        <Typography.Text type="secondary">{t('reviewDetail.noFindings')}</Typography.Text>
      ) : (
        <Flex vertical gap={16}>
          {findings.map((f) => (
            <section key={f.id} aria-label={f.title}>
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{f.title}</Typography.Text>
                <Tag color={f.grade === 'major' ? 'red' : 'blue'}>{t(`grade.${f.grade}`)}</Tag>
              </Flex>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 3 }}
                items={[
                  {
                    key: 'category',
                    label: t('reviewDetail.category'),
                    children: t(`findingForm.categories.${f.category}`),
                  },
                  { key: 'deadline', label: t('reviewDetail.deadline'), children: f.deadline },
                  {
                    key: 'requirement',
                    label: t('reviewDetail.requirement'),
                    children: f.requirement,
                  },
                ]}
              />
              {f.photos.length > 0 ? (
                <PhotoThumbnails photos={f.photos} store={store} size={88} />
              ) : (
                <Typography.Text type="secondary">{t('reviewDetail.noPhotos')}</Typography.Text>
              )}
            </section>
          ))}
        </Flex>
      )}
    </Card>
  );
}

import { Checkbox, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTownOptions } from '../../session/useTowns';
import { tracks } from '../../../../domain/schemas/enterprise';
import type { Track } from '../../../../domain/schemas/enterprise';
import type { EnterpriseFilters, LevelFilter } from './enterprise-filters';

interface Props {
  value: EnterpriseFilters;
  onChange: (value: EnterpriseFilters) => void;
}

const levels: readonly LevelFilter[] = [1, 2, 3, 4, 'none'];

/** Town, track, hazard level and overdue filters; each select is named for screen readers. */
export function EnterpriseFilterBar({ value, onChange }: Props) {
  const { t } = useTranslation();
  const townOptions = useTownOptions();
  return (
    <Flex gap={12} wrap align="center" role="group" aria-label={t('enterpriseFile.filters')}>
      <Select<string | null>
        aria-label={t('enterpriseFile.townFilter')}
        style={{ minWidth: 200 }}
        value={value.town}
        onChange={(town) => onChange({ ...value, town })}
        options={[{ value: null, label: t('enterpriseFile.anyTown') }, ...townOptions]}
      />
      <Select<Track | null>
        aria-label={t('enterpriseFile.trackFilter')}
        style={{ minWidth: 180 }}
        value={value.track}
        onChange={(track) => onChange({ ...value, track })}
        options={[
          { value: null, label: t('enterpriseFile.anyTrack') },
          ...tracks.map((track) => ({ value: track, label: t(`track.${track}`) })),
        ]}
      />
      <Select<LevelFilter | null>
        aria-label={t('enterpriseFile.levelFilter')}
        style={{ minWidth: 180 }}
        value={value.level}
        onChange={(level) => onChange({ ...value, level })}
        options={[
          { value: null, label: t('enterpriseFile.anyLevel') },
          ...levels.map((level) => ({
            value: level,
            label:
              level === 'none'
                ? t('enterpriseFile.notMajor')
                : t('enterpriseFile.levelN', { level }),
          })),
        ]}
      />
      <Checkbox
        checked={value.overdueOnly}
        onChange={(event) => onChange({ ...value, overdueOnly: event.target.checked })}
      >
        {t('enterpriseFile.overdueFilter')}
      </Checkbox>
    </Flex>
  );
}

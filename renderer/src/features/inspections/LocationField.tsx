import { AimOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, InputNumber, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Position } from './useGeolocation';
import { useGeolocation } from './useGeolocation';

interface Props {
  value: Position | null;
  onChange: (value: Position | null) => void;
  'aria-describedby'?: string | undefined;
}

/** The position from the device, or coordinates typed in when positioning fails. */
export function LocationField({ value, onChange, ...aria }: Props) {
  const { t } = useTranslation();
  const { state, locate } = useGeolocation();

  useEffect(() => {
    if (state.status === 'located') onChange(state.position);
    // Only a new fix replaces the value; onChange is a fresh function on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  // What is typed by hand is kept here: one coordinate alone is not yet a position, and must not
  // vanish from its box while the other is still being typed.
  const [manual, setManualState] = useState<{ lat: number | null; lon: number | null }>({
    lat: value?.lat ?? null,
    lon: value?.lon ?? null,
  });

  useEffect(() => {
    if (value) setManualState({ lat: value.lat, lon: value.lon });
  }, [value]);

  const setManual = (part: 'lat' | 'lon', n: number | null) => {
    const next = { ...manual, [part]: n };
    setManualState(next);
    onChange(
      next.lat !== null && next.lon !== null
        ? { lat: next.lat, lon: next.lon, accuracyM: null }
        : null,
    );
  };

  return (
    <Flex vertical gap={8} role="group" aria-label={t('startInspection.location')} {...aria}>
      <Flex gap={8} align="center" wrap>
        <Button icon={<AimOutlined />} onClick={locate} loading={state.status === 'locating'}>
          {state.status === 'locating'
            ? t('startInspection.locating')
            : t('startInspection.locate')}
        </Button>
        {value && value.accuracyM !== null ? (
          <Typography.Text role="status">
            {t('startInspection.located', {
              lat: value.lat.toFixed(6),
              lon: value.lon.toFixed(6),
              accuracy: Math.round(value.accuracyM),
            })}
          </Typography.Text>
        ) : null}
      </Flex>
      {state.status === 'failed' ? (
        <Alert
          type="warning"
          showIcon
          title={t(`startInspection.locationFailed.${state.reason}`)}
        />
      ) : null}
      <Flex gap={8} wrap align="center">
        <Typography.Text type="secondary">{t('startInspection.manual')}</Typography.Text>
        <InputNumber<number>
          aria-label={t('startInspection.latitude')}
          placeholder={t('startInspection.latitude')}
          min={-90}
          max={90}
          step={0.000001}
          value={manual.lat}
          onChange={(n) => setManual('lat', n)}
          style={{ width: 160 }}
        />
        <InputNumber<number>
          aria-label={t('startInspection.longitude')}
          placeholder={t('startInspection.longitude')}
          min={-180}
          max={180}
          step={0.000001}
          value={manual.lon}
          onChange={(n) => setManual('lon', n)}
          style={{ width: 160 }}
        />
      </Flex>
    </Flex>
  );
}

import { Alert, Button, Checkbox, Flex, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftSetup } from '../../../../domain/rules/draft-setup';
import type { Inspection } from '../../../../domain/schemas/inspection';
import { LocationField } from './LocationField';
import { templateIdsOf } from './checklist-sections';
import type { DraftSetupOptions } from './useDraftSetupOptions';

interface Props {
  inspection: Inspection;
  options: DraftSetupOptions;
  /** Why the last save was refused, in the chosen language. */
  problems: readonly string[];
  onSave: (setup: DraftSetup) => void;
  onCancel: () => void;
}

/**
 * The draft's setup as a form: its templates, co-inspectors and place, starting from what the
 * draft holds. The place is asked of the device only when the lead chooses to change it, so that
 * opening the form to add a co-inspector never moves the recorded place.
 */
export function DraftSetupDialog({ inspection, options, problems, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [templateIds, setTemplateIds] = useState<string[]>(templateIdsOf(inspection));
  const [coInspectorIds, setCoInspectorIds] = useState<string[]>(inspection.coInspectorIds);
  const [location, setLocation] = useState(inspection.location);
  const [moving, setMoving] = useState(false);
  const others = options.inspectors.filter((u) => u.id !== inspection.leadInspectorId);
  // Officers already named stay listed, whatever the directory now says of them.
  const named = inspection.coInspectorIds
    .filter((id) => !others.some((u) => u.id === id))
    .map((id) => ({
      value: id,
      label: options.directory.find((u) => u.id === id)?.displayName ?? id,
    }));

  const save = () => {
    // In the order offered: the draft's own templates first, as the checklist lists them.
    const templates = options.templates
      .filter((tpl) => templateIds.includes(tpl.id))
      .map(({ id, version }) => ({ id, version }));
    onSave({ templates, coInspectorIds, location });
  };

  return (
    <Modal
      open
      title={t('draftSetup.changeTitle')}
      onCancel={onCancel}
      footer={
        <Flex gap={8} justify="end">
          <Button onClick={onCancel}>{t('draftSetup.cancel')}</Button>
          <Button type="primary" disabled={templateIds.length === 0} onClick={save}>
            {t('draftSetup.save')}
          </Button>
        </Flex>
      }
    >
      <Form layout="vertical" component="div" requiredMark={false}>
        <Form.Item label={t('draftSetup.templates')}>
          <Checkbox.Group
            role="group"
            aria-label={t('draftSetup.templates')}
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            value={templateIds}
            onChange={(ids) => setTemplateIds(ids)}
            options={options.templates.map((tpl) => ({ value: tpl.id, label: tpl.title }))}
          />
        </Form.Item>
        <Form.Item
          label={t('draftSetup.coInspectors')}
          htmlFor="draft-co"
          extra={t('startInspection.coInspectorsHint')}
        >
          <Select<string[]>
            id="draft-co"
            mode="multiple"
            aria-label={t('draftSetup.coInspectors')}
            value={coInspectorIds}
            onChange={(ids) => setCoInspectorIds(ids)}
            optionFilterProp="label"
            options={[
              ...named,
              ...others.map((u) => ({
                value: u.id,
                label: `${u.displayName} (${t('startInspection.certificate', { no: u.certificateNo })})`,
              })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t('draftSetup.location')}>
          {moving ? (
            <LocationField value={location} onChange={setLocation} />
          ) : (
            <Flex gap={8} align="center" wrap>
              <Typography.Text>
                {location
                  ? t('draftSetup.locationValue', {
                      lat: location.lat.toFixed(6),
                      lon: location.lon.toFixed(6),
                    })
                  : t('draftSetup.noLocation')}
              </Typography.Text>
              <Button size="small" onClick={() => setMoving(true)}>
                {t('draftSetup.changeLocation')}
              </Button>
            </Flex>
          )}
        </Form.Item>
        {problems.map((p) => (
          <Alert key={p} type="error" showIcon title={p} style={{ marginBottom: 8 }} />
        ))}
      </Form>
    </Modal>
  );
}

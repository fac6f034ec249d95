import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Radio, Tag, Typography } from 'antd';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemResult } from '../../../../domain/schemas/inspection';
import type { TemplateItem } from '../../../../domain/schemas/template';
import { useAutosave } from '../autosave/useAutosave';
import { ChecklistItemText } from './ChecklistItemText';
import type { FindingChip } from './finding-chips';

type Result = ItemResult['result'];

interface Props {
  item: TemplateItem;
  answer: ItemResult | undefined;
  hazards: FindingChip[];
  disabled: boolean;
  onAnswer: (answer: ItemResult) => Promise<void>;
  onOpenFinding: (id: string) => void;
  onAddFinding: () => void;
}

const results: readonly Result[] = ['pass', 'fail', 'na'];

/** One checklist item: pass / fail / not applicable (arrow keys move), a note, its hazards. */
export function ChecklistItem(props: Props) {
  const { item, answer, hazards, disabled, onAnswer, onOpenFinding, onAddFinding } = props;
  const { t } = useTranslation();
  const textId = useId();
  const [note, setNote] = useState(answer?.note ?? '');
  const notes = useAutosave<string>((text) =>
    answer ? onAnswer({ ...answer, note: text }) : Promise.resolve(),
  );

  // A note changed elsewhere (a pull) shows here unless this field has unsaved typing.
  useEffect(() => {
    if (notes.state.status !== 'saving') setNote(answer?.note ?? '');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [answer?.note]);

  return (
    <Flex vertical gap={6} style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
      <ChecklistItemText item={item} textId={textId} />
      <Flex gap={12} wrap align="center">
        <Radio.Group
          aria-labelledby={textId}
          disabled={disabled}
          value={answer?.result}
          onChange={(event) => {
            void notes.flush();
            void onAnswer({ itemId: item.id, result: event.target.value as Result, note });
          }}
          options={results.map((r) => ({ value: r, label: t(`checklist.${r}`) }))}
        />
        <Input
          aria-label={t('checklist.note')}
          placeholder={t('checklist.note')}
          disabled={disabled || answer === undefined}
          value={note}
          onChange={(event) => {
            setNote(event.target.value);
            notes.schedule(event.target.value);
          }}
          onBlur={() => void notes.flush()}
          style={{ maxWidth: 360 }}
        />
      </Flex>
      {answer?.result === 'fail' || hazards.length > 0 ? (
        <Flex gap={8} wrap align="center">
          {hazards.map((h) => (
            <Button
              key={h.id}
              size="small"
              icon={<WarningOutlined />}
              onClick={() => onOpenFinding(h.id)}
            >
              {h.title || t('findingForm.title')}
              {h.draft ? <Tag style={{ marginLeft: 6 }}>{t('checklist.draft')}</Tag> : null}
            </Button>
          ))}
          {answer?.result === 'fail' && hazards.length === 0 ? (
            <Typography.Text type="danger">{t('checklist.failedWithoutFinding')}</Typography.Text>
          ) : null}
          {answer?.result === 'fail' && !disabled ? (
            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={onAddFinding}>
              {t('checklist.addFinding')}
            </Button>
          ) : null}
        </Flex>
      ) : null}
    </Flex>
  );
}

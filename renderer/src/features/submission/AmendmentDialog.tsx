import { Alert, Flex, Input, Modal, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AmendmentProblem } from '../../../../domain/rules/amendment';
import type { Inspection, ItemResult } from '../../../../domain/schemas/inspection';
import { useProfile } from '../../session/session-context';
import { amendSubmittedInspection } from '../../db/repositories/inspection-signing';
import { useLocalWrite } from '../signatures/useLocalWrite';
import { amendmentProblemText } from './amendment-text';
import { itemTexts } from './problem-text';
import type { InspectionClosing } from './useInspectionClosing';

interface Props {
  closing: InspectionClosing;
  open: boolean;
  onClose(): void;
}

const results: ItemResult['result'][] = ['pass', 'fail', 'na'];

/**
 * Amends a submitted inspection: the checklist answers and the representative may be corrected,
 * and a reason is required; the change is kept in the record's amendment history.
 */
export function AmendmentDialog({ closing, open, onClose }: Props) {
  const { t } = useTranslation();
  const { db, session } = useProfile();
  const write = useLocalWrite();
  const { inspection, templates } = closing;
  const items = useMemo(() => itemTexts(templates), [templates]);
  const [answers, setAnswers] = useState<ItemResult[]>(inspection.itemResults);
  const [rep, setRep] = useState(inspection.enterpriseRep ?? { name: '', title: '' });
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<AmendmentProblem[]>([]);

  const setAnswer = (itemId: string, patch: Partial<ItemResult>) =>
    setAnswers((list) => list.map((a) => (a.itemId === itemId ? { ...a, ...patch } : a)));

  const save = async () => {
    const change = (current: Inspection): Inspection => ({
      ...current,
      itemResults: answers,
      enterpriseRep:
        current.enterpriseRep === null && rep.name.trim() === '' && rep.title.trim() === ''
          ? null
          : { name: rep.name.trim(), title: rep.title.trim() },
    });
    const result = await write(() =>
      amendSubmittedInspection(db, inspection.id, change, { by: session.user.id, reason }),
    );
    if (!result) return;
    if (result.ok) onClose();
    else setProblems(result.problems);
  };

  return (
    <Modal
      open={open}
      title={t('amendments.dialogTitle')}
      okText={t('amendments.save')}
      cancelText={t('signatures.cancel')}
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
      width={720}
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('amendments.explain')}</Typography.Text>
        <Flex vertical gap={4}>
          <label htmlFor="amendment-reason">{t('amendments.reason')}</label>
          <Input.TextArea
            id="amendment-reason"
            value={reason}
            rows={2}
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
          />
        </Flex>
        {problems.length > 0 ? (
          <Alert
            type="error"
            showIcon
            title={
              <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                {problems.map((p) => (
                  <li key={p.code}>{amendmentProblemText(t, p)}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        <Flex gap={12} wrap>
          <Flex vertical gap={4}>
            <label htmlFor="amend-rep-name">{t('signatures.repName')}</label>
            <Input
              id="amend-rep-name"
              value={rep.name}
              maxLength={50}
              onChange={(e) => setRep({ ...rep, name: e.target.value })}
            />
          </Flex>
          <Flex vertical gap={4}>
            <label htmlFor="amend-rep-title">{t('signatures.repTitle')}</label>
            <Input
              id="amend-rep-title"
              value={rep.title}
              maxLength={50}
              onChange={(e) => setRep({ ...rep, title: e.target.value })}
            />
          </Flex>
        </Flex>
        <div style={{ maxHeight: 320, overflowY: 'auto' }}>
          {answers.map((answer) => {
            const text = items.get(answer.itemId) ?? answer.itemId;
            return (
              <Flex key={answer.itemId} vertical gap={4} style={{ padding: '8px 0' }}>
                <Typography.Text>{text}</Typography.Text>
                <Flex gap={8}>
                  <Select
                    aria-label={t('amendments.resultOf', { item: text })}
                    value={answer.result}
                    style={{ width: 160 }}
                    options={results.map((r) => ({ value: r, label: t(`amendments.result.${r}`) }))}
                    onChange={(result) => setAnswer(answer.itemId, { result })}
                  />
                  <Input
                    aria-label={t('amendments.noteOf', { item: text })}
                    value={answer.note}
                    maxLength={2000}
                    onChange={(e) => setAnswer(answer.itemId, { note: e.target.value })}
                  />
                </Flex>
              </Flex>
            );
          })}
        </div>
      </Flex>
    </Modal>
  );
}

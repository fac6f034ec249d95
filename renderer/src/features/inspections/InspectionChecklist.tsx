import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { v7 as uuidv7 } from 'uuid';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import { draftFindingFromItem } from '../../../../domain/rules/finding-from-item';
import type { ItemResult } from '../../../../domain/schemas/inspection';
import type { TemplateItem } from '../../../../domain/schemas/template';
import { useProfile } from '../../session/session-context';
import { saveFindingDraft } from '../../db/repositories/findings';
import { setItemResult } from '../../db/repositories/inspections';
import { SaveStatus } from '../autosave/SaveStatus';
import { isQuotaError } from '../../db/quota';
import type { SaveState } from '../autosave/useAutosave';
import { FindingEditor } from '../findings/FindingEditor';
import { InspectionClosingSection } from '../submission/InspectionClosingSection';
import { ReturnedNotice } from '../submission/ReturnedNotice';
import { ChecklistItem } from './ChecklistItem';
import { DraftSetupPanel } from './DraftSetupPanel';
import { SiteDistanceWarning } from './SiteDistanceWarning';
import { checklistSections } from './checklist-sections';
import type { ChecklistSection } from './checklist-sections';
import { findingChips } from './finding-chips';
import { useChecklist } from './useChecklist';
import type { ChecklistData } from './useChecklist';

/** Working through an inspection's checklist: `#/inspections/:id` (`?hazard=<id>` opens one). */
export function InspectionChecklist() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const data = useChecklist(id);
  if (data === undefined) return <Skeleton active aria-busy="true" />;
  if (data === null) return <Empty description={t('checklist.notFound')} />;
  return <Checklist data={data} />;
}

function Checklist({ data }: { data: ChecklistData }) {
  const { t } = useTranslation();
  const { db } = useProfile();
  const [params, setParams] = useSearchParams();
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const { inspection } = data;
  const locked = inspection.status !== 'draft';
  // Deadlines are dates of the district's calendar.
  const today = todayInChina(new Date());
  const sections = checklistSections(data.templates);
  const total = sections.reduce((n, s) => n + s.items.length, 0);
  const answers = new Map(inspection.itemResults.map((r) => [r.itemId, r]));
  const chips = findingChips(data.findings, data.drafts);
  // Hazards of items no template of the draft lists any more (one was taken away) are kept here.
  const listed = new Set(sections.flatMap((s) => s.items.map((i) => i.id)));
  const unlisted = chips.filter((c) => c.itemId === null || !listed.has(c.itemId));
  const openFinding = params.get('hazard');

  // The open hazard lives in the address, so a reload opens the same form again.
  const open = (findingId: string | null) =>
    setParams(findingId ? { hazard: findingId } : {}, { replace: findingId === null });

  /** Runs a write, showing whether it was saved; false when it was not. */
  const guard = async (write: () => Promise<unknown>): Promise<boolean> => {
    setSave({ status: 'saving' });
    try {
      await write();
      setSave({ status: 'saved' });
      return true;
    } catch (error) {
      setSave({ status: 'failed', quota: isQuotaError(error) });
      return false;
    }
  };

  const startFinding = async (item: TemplateItem | null, section: ChecklistSection | null) => {
    const findingId = uuidv7();
    const values = item
      ? draftFindingFromItem(item, section?.templateTitle ?? '', today, section?.title ?? null)
      : { itemId: null };
    const saved = await guard(() =>
      saveFindingDraft(db, {
        id: findingId,
        inspectionId: inspection.id,
        enterpriseId: inspection.enterpriseId,
        values: { ...values, photos: [] },
        updatedAt: new Date().toISOString(),
      }),
    );
    if (saved) open(findingId);
  };

  const answer = (section: ChecklistSection, item: TemplateItem) => async (result: ItemResult) => {
    const before = answers.get(item.id)?.result;
    if (!(await guard(() => setItemResult(db, inspection.id, result)))) return;
    const itemFindings = chips.filter((c) => c.itemId === item.id);
    // A newly failed item opens its hazard, filled in from the item.
    if (result.result === 'fail' && before !== 'fail') {
      const first = itemFindings[0];
      if (first) open(first.id);
      else await startFinding(item, section);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('checklist.title', { name: data.enterpriseName })}
      </Typography.Title>
      <Flex gap={12} align="center" wrap>
        <Typography.Text role="status">
          {t('checklist.progress', {
            done: sections.reduce((n, s) => n + s.items.filter((i) => answers.has(i.id)).length, 0),
            total,
          })}
        </Typography.Text>
        <SaveStatus state={save} />
      </Flex>
      <ReturnedNotice inspection={inspection} />
      <SiteDistanceWarning location={inspection.location} registered={data.enterprisePosition} />
      {locked ? (
        <Alert type="info" showIcon title={t('checklist.locked')} />
      ) : (
        <DraftSetupPanel inspection={inspection} templates={data.templates} />
      )}
      {data.missingTemplateIds.map((missing) => (
        <Alert
          key={missing}
          type="warning"
          showIcon
          title={t('checklist.templateMissing', { id: missing })}
        />
      ))}
      {sections.map((section) => (
        <Card key={section.key} size="small" title={section.title} extra={section.templateTitle}>
          {section.items.map((item) => (
            <ChecklistItem
              key={item.id}
              item={item}
              answer={answers.get(item.id)}
              hazards={chips.filter((c) => c.itemId === item.id)}
              disabled={locked}
              onAnswer={answer(section, item)}
              onOpenFinding={open}
              onAddFinding={() => void startFinding(item, section)}
            />
          ))}
        </Card>
      ))}
      <Card size="small" title={t('checklist.otherFindings')}>
        <Flex gap={8} wrap>
          {unlisted.map((c) => (
            <Button key={c.id} size="small" onClick={() => open(c.id)}>
              {c.title || t('findingForm.title')}
              {c.draft ? ` (${t('checklist.draft')})` : ''}
            </Button>
          ))}
          {!locked ? (
            <Button
              size="small"
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => void startFinding(null, null)}
            >
              {t('checklist.addFinding')}
            </Button>
          ) : null}
        </Flex>
      </Card>
      <InspectionClosingSection inspectionId={inspection.id} />
      {openFinding ? (
        <FindingEditor
          // Another hazard is another form: it starts from its own stored state.
          key={openFinding}
          id={openFinding}
          inspectionId={inspection.id}
          enterpriseId={inspection.enterpriseId}
          today={today}
          disabled={locked}
          requirementOf={(itemId) =>
            sections.flatMap((s) => s.items).find((i) => i.id === itemId)?.text
          }
          onClose={() => open(null)}
        />
      ) : null}
    </Flex>
  );
}

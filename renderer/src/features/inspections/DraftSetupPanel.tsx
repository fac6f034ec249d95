import { App, Button, Card, Descriptions, Flex, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DraftSetup, DraftSetupProblem } from '../../../../domain/rules/draft-setup';
import { droppedAnswers, setupChanges } from '../../../../domain/rules/draft-setup';
import type { Inspection } from '../../../../domain/schemas/inspection';
import type { ChecklistTemplate } from '../../../../domain/schemas/template';
import type { User } from '../../../../domain/schemas/user';
import { useProfile } from '../../session/session-context';
import {
  DraftSetupError,
  changeDraftSetup,
  deleteDraftInspection,
} from '../../db/repositories/draft-setup';
import { DraftSetupDialog } from './DraftSetupDialog';
import { useDraftContents } from './useDraftContents';
import { useDraftSetupOptions } from './useDraftSetupOptions';

interface Props {
  inspection: Inspection;
  /** The templates the draft uses, as on this device. */
  templates: ChecklistTemplate[];
}

/** A problem of a refused change, in the chosen language. */
export function draftSetupProblemText(
  t: TFunction,
  problem: DraftSetupProblem,
  directory: readonly User[],
): string {
  switch (problem.code) {
    case 'notDraft':
      return t('draftSetup.problem.notDraft');
    case 'notLead':
      return t('draftSetup.problem.notLead');
    case 'templates.required':
      return t('draftSetup.problem.templatesRequired');
    case 'templates.tooMany':
      return t('draftSetup.problem.templatesTooMany');
    case 'location.required':
      return t('draftSetup.problem.locationRequired');
    case 'coInspector': {
      const name = directory.find((u) => u.id === problem.userId)?.displayName ?? problem.userId;
      return t('draftSetup.problem.coInspector', { name });
    }
  }
}

/**
 * What was chosen when the draft began, and, for its lead, the means to change it (co-inspectors,
 * templates, place) or to delete the draft, each after a confirmation that says what goes.
 */
export function DraftSetupPanel({ inspection, templates }: Props) {
  const { t } = useTranslation();
  const { db, session } = useProfile();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const options = useDraftSetupOptions(templates);
  const contents = useDraftContents(inspection.id);
  const [editing, setEditing] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const me = session.user;
  const lead = inspection.leadInspectorId === me.id;
  const directory = options?.directory ?? [];
  const nameOf = (id: string) => directory.find((u) => u.id === id)?.displayName ?? id;

  const write = async (setup: DraftSetup) => {
    try {
      await changeDraftSetup(db, inspection.id, me, setup);
      setEditing(false);
      setProblems([]);
      void message.success(t('draftSetup.saved'));
    } catch (error) {
      if (!(error instanceof DraftSetupError)) throw error;
      setProblems(error.problems.map((p) => draftSetupProblemText(t, p, directory)));
    }
  };

  const save = (setup: DraftSetup) => {
    if (!setupChanges(inspection, setup)) {
      setEditing(false);
      return;
    }
    const kept = (options?.templates ?? []).filter((tpl) =>
      setup.templates.some((s) => s.id === tpl.id),
    );
    const lost = droppedAnswers(inspection, kept).length;
    const signed = inspection.signatures.length;
    if (lost === 0 && signed === 0) {
      void write(setup);
      return;
    }
    void modal.confirm({
      title: t('draftSetup.confirmTitle'),
      content: (
        <Flex vertical gap={8}>
          {lost > 0 ? (
            <Typography.Text>{t('draftSetup.confirmAnswers', { count: lost })}</Typography.Text>
          ) : null}
          {signed > 0 ? (
            <Typography.Text>
              {t('draftSetup.confirmSignatures', { count: signed })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
      okText: t('draftSetup.confirmOk'),
      cancelText: t('draftSetup.cancel'),
      onOk: () => write(setup),
    });
  };

  const remove = (lost: NonNullable<typeof contents>) => {
    void modal.confirm({
      title: t('draftSetup.deleteTitle'),
      content: t('draftSetup.deleteBody', { ...lost }),
      okText: t('draftSetup.deleteOk'),
      okButtonProps: { danger: true },
      cancelText: t('draftSetup.cancel'),
      onOk: async () => {
        await deleteDraftInspection(db, inspection.id, me.id);
        void message.success(t('draftSetup.deleted'));
        void navigate('/inspections');
      },
    });
  };

  const location = inspection.location;
  return (
    <Card
      size="small"
      title={t('draftSetup.title')}
      extra={
        lead ? (
          <Flex gap={8} wrap>
            <Button size="small" disabled={!options} onClick={() => setEditing(true)}>
              {t('draftSetup.change')}
            </Button>
            <Button
              size="small"
              danger
              disabled={!contents}
              onClick={() => contents && remove(contents)}
            >
              {t('draftSetup.delete')}
            </Button>
          </Flex>
        ) : null
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'co',
            label: t('draftSetup.coInspectors'),
            children:
              inspection.coInspectorIds.length === 0 ? (
                <Typography.Text type="warning">{t('draftSetup.noCoInspector')}</Typography.Text>
              ) : (
                inspection.coInspectorIds.map(nameOf).join('、')
              ),
          },
          {
            key: 'templates',
            label: t('draftSetup.templates'),
            children: templates.map((tpl) => tpl.title).join('、'),
          },
          {
            key: 'location',
            label: t('draftSetup.location'),
            children: location
              ? t('draftSetup.locationValue', {
                  lat: location.lat.toFixed(6),
                  lon: location.lon.toFixed(6),
                })
              : t('draftSetup.noLocation'),
          },
        ]}
      />
      {editing && options ? (
        <DraftSetupDialog
          inspection={inspection}
          options={options}
          problems={problems}
          onSave={save}
          onCancel={() => {
            setEditing(false);
            setProblems([]);
          }}
        />
      ) : null}
    </Card>
  );
}

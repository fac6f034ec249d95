import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Checkbox,
  Empty,
  Flex,
  Form,
  Radio,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { inspectionKinds } from '../../../../domain/schemas/inspection';
import { useProfile } from '../../session/session-context';
import { createInspection } from '../../db/repositories/inspections';
import { SaveStatus } from '../autosave/SaveStatus';
import { isQuotaError } from '../../db/quota';
import { FieldRow } from '../findings/FieldRow';
import { LocationField } from './LocationField';
import { TaskNote } from '../tasks/TaskNote';
import { startInspectionSchema } from './start-inspection-schema';
import type { StartInspectionInput, StartInspectionValues } from './start-inspection-schema';
import { useStartInspectionData } from './useStartInspectionData';

/**
 * Starting an inspection of an enterprise: `#/enterprises/:id/inspect`, or from a task with
 * `?task=<id>`: its other officers are the co-inspectors and the draft names the task.
 */
export function StartInspection() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const data = useStartInspectionData(id, search.get('task'));
  if (data === undefined) return <Skeleton active aria-busy="true" />;
  if (data.enterprise === null) return <Empty description={t('enterpriseFile.notFound')} />;
  return (
    <StartInspectionForm enterpriseId={id} enterpriseName={data.enterprise.name} data={data} />
  );
}

interface FormProps {
  enterpriseId: string;
  enterpriseName: string;
  data: NonNullable<ReturnType<typeof useStartInspectionData>>;
}

function StartInspectionForm({ enterpriseId, enterpriseName, data }: FormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { db, session } = useProfile();
  const me = session.user;
  const task = data.task === 'gone' ? null : data.task;
  const [failed, setFailed] = useState<boolean | null>(null);
  const { control, handleSubmit, formState } = useForm<
    StartInspectionInput,
    unknown,
    StartInspectionValues
  >({
    resolver: zodResolver(startInspectionSchema),
    defaultValues: {
      kind: task?.joint ? 'joint' : 'routine',
      templateIds: [],
      coInspectorIds: task ? task.officerIds.filter((u) => u !== me.id) : [],
      location: null,
    },
  });
  const { errors, isSubmitting } = formState;
  const others = data.inspectors.filter((u) => u.id !== me.id);

  const onSubmit = handleSubmit(async (values) => {
    const chosen = data.templates.filter((tpl) => values.templateIds.includes(tpl.id));
    try {
      // Its agencies follow from the officers (the lead's and each co-inspector's).
      const inspection = await createInspection(db, {
        enterpriseId,
        kind: values.kind,
        templates: chosen.map((tpl) => ({ id: tpl.id, version: tpl.version })),
        lead: me,
        coInspectorIds: values.coInspectorIds,
        location: values.location,
        taskId: task?.id ?? null,
      });
      void navigate(`/inspections/${inspection.id}`);
    } catch (error) {
      setFailed(isQuotaError(error));
    }
  });

  return (
    <Flex vertical gap={16} style={{ maxWidth: 760 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('startInspection.title', { name: enterpriseName })}
      </Typography.Title>
      {data.task === 'gone' ? (
        <Alert type="warning" showIcon title={t('myTasks.startGone')} />
      ) : task ? (
        <TaskNote task={task} />
      ) : null}
      <Form layout="vertical" component="div" requiredMark={false}>
        <form onSubmit={(event) => void onSubmit(event)} noValidate>
          <FieldRow
            id="inspection-kind"
            label={t('startInspection.kind')}
            error={errors.kind?.message}
          >
            {() => (
              <Controller
                name="kind"
                control={control}
                render={({ field }) => (
                  <Radio.Group
                    aria-label={t('startInspection.kind')}
                    value={field.value}
                    onChange={(event) => field.onChange(event.target.value)}
                    options={inspectionKinds.map((kind) => ({
                      value: kind,
                      label: t(`inspectionKind.${kind}`),
                    }))}
                  />
                )}
              />
            )}
          </FieldRow>
          <FieldRow
            id="inspection-templates"
            label={t('startInspection.templates')}
            error={errors.templateIds?.message}
          >
            {(aria) =>
              data.templates.length === 0 ? (
                <Typography.Text type="warning">{t('startInspection.noTemplates')}</Typography.Text>
              ) : (
                <Controller
                  name="templateIds"
                  control={control}
                  render={({ field }) => (
                    <Checkbox.Group
                      role="group"
                      aria-label={t('startInspection.templates')}
                      aria-describedby={aria['aria-describedby']}
                      style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                      value={field.value}
                      onChange={(ids) => field.onChange(ids)}
                      options={data.templates.map((tpl) => ({ value: tpl.id, label: tpl.title }))}
                    />
                  )}
                />
              )
            }
          </FieldRow>
          <FieldRow
            id="inspection-co"
            label={t('startInspection.coInspectors')}
            error={errors.coInspectorIds?.message}
            extra={t('startInspection.coInspectorsHint')}
          >
            {(aria) => (
              <Controller
                name="coInspectorIds"
                control={control}
                render={({ field }) => (
                  <Select<string[]>
                    {...aria}
                    mode="multiple"
                    aria-label={t('startInspection.coInspectors')}
                    value={field.value}
                    onChange={(ids) => field.onChange(ids)}
                    optionFilterProp="label"
                    options={others.map((u) => ({
                      value: u.id,
                      label: `${u.displayName} (${t('startInspection.certificate', { no: u.certificateNo })})`,
                    }))}
                  />
                )}
              />
            )}
          </FieldRow>
          <FieldRow
            id="inspection-location"
            label={t('startInspection.location')}
            error={errors.location?.message}
          >
            {(aria) => (
              <Controller
                name="location"
                control={control}
                render={({ field }) => (
                  <LocationField
                    value={field.value ?? null}
                    onChange={field.onChange}
                    aria-describedby={aria['aria-describedby']}
                  />
                )}
              />
            )}
          </FieldRow>
          {failed !== null ? (
            <div style={{ marginBottom: 16 }}>
              <SaveStatus state={{ status: 'failed', quota: failed }} />
            </div>
          ) : null}
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={isSubmitting}>
              {t('startInspection.submit')}
            </Button>
            <Button onClick={() => void navigate(`/enterprises/${enterpriseId}`)}>
              {t('startInspection.cancel')}
            </Button>
          </Flex>
        </form>
      </Form>
    </Flex>
  );
}

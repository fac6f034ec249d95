// The editor of a plan draft (or of a new plan for a year): title, the key inspections a year of
// each major hazard source level, the period kind, each class's share per period as a
// percentage, and the monthly breakdown it makes. Checked with the domain's schemas before it is
// sent; a refusal is said under the form, and a stale edit reloads the plan.
import { Alert, Flex, Form, Input, InputNumber, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { periodKeysOf, periodKinds } from '../../../../domain/schemas/plan';
import type { PeriodKind, Plan } from '../../../../domain/schemas/plan';
import type { RiskClass } from '../../../../domain/schemas/risk';
import { riskClasses } from '../../../../domain/schemas/risk';
import { translateValidation } from '../../i18n/i18n';
import { useProfile } from '../../session/session-context';
import { AdminFormModal } from '../administration/directory/AdminFormModal';
import { BreakdownPreview } from './BreakdownPreview';
import { periodLabel } from './period-label';
import type { FormProblem, PlanFormValues } from './plan-form';
import {
  LEVELS,
  checkCreate,
  checkEdit,
  newPlanValues,
  sharesForKind,
  valuesOf,
  yearTotals,
} from './plan-form';
import { isStalePlan, planRefusalText } from './plan-refusal';
import { useLocalTargets, usePlansClient } from './usePlans';

interface Props {
  /** The draft edited, or a new plan of `year`. */
  draft: Plan | null;
  year: number;
  onSaved: (plan: Plan) => void;
  /** The plan changed on the server meanwhile: the list is read again. */
  onStale: () => void;
  onCancel: () => void;
}

export function PlanEditorModal({ draft, year, onSaved, onStale, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const { session } = useProfile();
  const client = usePlansClient();
  const [form] = Form.useForm<PlanFormValues>();
  const [initial] = useState(() => (draft ? valuesOf(draft) : newPlanValues(year)));
  const watched = Form.useWatch([], form) as PlanFormValues | undefined;
  const values: PlanFormValues = watched?.shares ? { ...initial, ...watched } : initial;
  const targets = useLocalTargets(session.user.agencyId);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [general, setGeneral] = useState<string[]>([]);

  const show = (problems: FormProblem[]) => {
    const text = (p: FormProblem) => translateValidation(t, i18n, p.message);
    // The share cells are too small to hold a message: theirs are said under the table.
    const onField = (p: FormProblem) => p.name.length > 0 && p.name[0] !== 'shares';
    const fields = problems.filter(onField).map((p) => ({ name: p.name, errors: [text(p)] }));
    form.setFields(fields as Parameters<typeof form.setFields>[0]);
    setGeneral(
      problems
        .filter((p) => !onField(p))
        .map((p) =>
          p.name.length === 3
            ? t('plans.cellProblem', {
                period: periodLabel(String(p.name[1]), t),
                riskClass: t(`plans.riskClass.${String(p.name[2])}`),
                problem: text(p),
              })
            : text(p),
        ),
    );
  };

  async function save() {
    setFailure(null);
    setGeneral([]);
    const current = { ...initial, ...form.getFieldsValue(true) } as PlanFormValues;
    const checked = draft
      ? checkEdit(current, draft)
      : checkCreate(current, {
          agencyId: session.user.agencyId,
          userId: session.user.id,
          placeholderId: uuidv7(),
        });
    if (!checked.ok) {
      show(checked.problems);
      return;
    }
    setSaving(true);
    try {
      const saved =
        draft && 'baseVersion' in checked.request
          ? await client.edit(draft.id, checked.request)
          : await client.create({ ...checked.request, year: current.year });
      onSaved(saved);
    } catch (error) {
      if (isStalePlan(error)) onStale();
      else setFailure(planRefusalText(error, t));
    } finally {
      setSaving(false);
    }
  }

  const periods = periodKeysOf(values.periodKind);
  const totals = yearTotals(values);
  const shareColumns = [
    {
      key: 'period',
      title: t('plans.fields.period'),
      render: (_: unknown, key: string) => periodLabel(key, t),
    },
    ...riskClasses.map((c: RiskClass) => ({
      key: c,
      title: t(`plans.riskClass.${c}`),
      render: (_: unknown, key: string) => (
        <Form.Item name={['shares', key, c]} noStyle>
          <InputNumber
            min={0}
            max={100}
            step={0.5}
            precision={2}
            suffix="%"
            size="small"
            style={{ width: 104 }}
            aria-label={t('plans.fields.shareOf', {
              period: periodLabel(key, t),
              riskClass: t(`plans.riskClass.${c}`),
            })}
          />
        </Form.Item>
      ),
    })),
  ];

  return (
    <AdminFormModal
      title={draft ? t('plans.editTitle', { year: draft.year }) : t('plans.newTitle', { year })}
      width={920}
      saving={saving}
      failure={failure}
      onSave={() => void save()}
      onCancel={onCancel}
    >
      <Form<PlanFormValues> form={form} layout="vertical" initialValues={initial} size="small">
        <Flex gap={12}>
          {draft ? null : (
            <Form.Item name="year" label={t('plans.fields.year')}>
              <InputNumber min={2000} max={2100} precision={0} />
            </Form.Item>
          )}
          <Form.Item name="title" label={t('plans.fields.title')} style={{ flex: 1 }}>
            <Input maxLength={200} />
          </Form.Item>
        </Flex>
        <Typography.Text strong>{t('plans.fields.keyInspections')}</Typography.Text>
        <Flex gap={12} wrap>
          {LEVELS.map((level) => (
            <Form.Item
              key={level}
              name={['keyInspectionsPerYear', level]}
              label={t('plans.fields.level', { level })}
            >
              <InputNumber min={0} max={12} precision={0} />
            </Form.Item>
          ))}
          <Form.Item name="periodKind" label={t('plans.fields.periodKind')}>
            <Select<PeriodKind>
              style={{ width: 140 }}
              options={periodKinds.map((k) => ({ value: k, label: t(`plans.periodKind.${k}`) }))}
              onChange={(kind) => form.setFieldValue('shares', sharesForKind(values, kind))}
            />
          </Form.Item>
        </Flex>
        <Typography.Text strong>{t('plans.fields.shares')}</Typography.Text>
        <Table<string>
          rowKey={(key) => key}
          size="small"
          pagination={false}
          dataSource={periods}
          columns={shareColumns}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('plans.fields.yearTotal')}</Table.Summary.Cell>
              {riskClasses.map((c, i) => (
                <Table.Summary.Cell key={c} index={i + 1}>
                  <Typography.Text type={totals[c] > 10_000 ? 'danger' : undefined}>
                    {(totals[c] / 100).toFixed(2)} %
                  </Typography.Text>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )}
        />
        {general.length > 0 ? (
          <Alert type="error" showIcon title={general.join(' ')} style={{ marginTop: 8 }} />
        ) : null}
      </Form>
      <BreakdownPreview year={draft?.year ?? values.year} values={values} targets={targets} />
    </AdminFormModal>
  );
}

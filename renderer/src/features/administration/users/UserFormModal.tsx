import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { userCreateSchema } from '../../../../../domain/schemas/admin';
import type { AdminUser } from '../../../../../domain/schemas/admin-people-views';
import type { Agency } from '../../../../../domain/schemas/agency';
import type { LeavePeriod } from '../../../../../domain/schemas/leave';
import type { TownRecord } from '../../../../../domain/schemas/town';
import { townLabel } from '../../../../../domain/schemas/town';
import { roles } from '../../../../../domain/schemas/user';
import type { AdminPeopleClient } from '../../../sync/admin-people-client';
import { useRecordForm } from '../directory/useRecordForm';
import { userCreateFormSchema, userEditFormSchema } from './user-form-schema';
import { RecordFormModal } from '../directory/RecordFormModal';
import { LeaveEditor } from './LeaveEditor';

interface Props {
  client: AdminPeopleClient;
  /** The user edited, or null for a new one. */
  user: AdminUser | null;
  agencies: readonly Agency[];
  towns: readonly TownRecord[];
  onClose: (saved: boolean) => void;
}

interface Fields {
  username: string;
  displayName: string;
  role: string;
  agencyId: string | undefined;
  jurisdiction: string[];
  certificateNo: string;
  certificateExpiresOn: string;
  leave: LeavePeriod[];
  password: string;
}

/** A blank optional field is absent from a new user and cleared (null) on an edit. */
const blank = (value: string, editing: boolean) =>
  value.trim() === '' ? (editing ? null : undefined) : value;

/** A new user with a first password, or a user's role, agency, towns, certificate and leave. */
export function UserFormModal({ client, user, agencies, towns, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const [form] = Form.useForm<Fields>();
  const editing = user !== null;
  const { save, modal } = useRecordForm({
    form,
    record: user,
    createSchema: userCreateFormSchema,
    editSchema: userEditFormSchema,
    create: (body) => client.createUser(userCreateSchema.parse(body)),
    edit: (u, body) => client.editUser(u.id, body),
    onClose,
  });

  function submit() {
    const f = form.getFieldsValue();
    const common = {
      displayName: f.displayName,
      role: f.role,
      agencyId: f.agencyId,
      jurisdiction: f.jurisdiction,
      certificateNo: blank(f.certificateNo, editing),
      certificateExpiresOn: blank(f.certificateExpiresOn, editing),
      // A new user without leave is sent as before; an edit sends the list, empty or not.
      leave: editing || f.leave.length > 0 ? f.leave : undefined,
    };
    void save(editing ? common : { ...common, username: f.username, password: f.password });
  }

  const label = (name: keyof Fields) => t(`admin.fields.${name}`);
  return (
    <RecordFormModal<Fields>
      width={640}
      title={
        user ? t('admin.users.editNamed', { name: user.displayName }) : t('admin.users.create')
      }
      form={form}
      modal={modal}
      initialValues={{
        username: user?.username ?? '',
        displayName: user?.displayName ?? '',
        role: user?.role ?? 'inspector',
        agencyId: user?.agencyId ?? agencies[0]?.id,
        jurisdiction: user?.jurisdiction ?? [],
        certificateNo: user?.certificateNo ?? '',
        certificateExpiresOn: user?.certificateExpiresOn ?? '',
        leave: user?.leave ?? [],
        password: '',
      }}
      onSave={submit}
      style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}
    >
      {editing ? null : (
        <Form.Item name="username" label={label('username')}>
          <Input autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="displayName" label={label('displayName')}>
        <Input />
      </Form.Item>
      <Form.Item name="role" label={label('role')}>
        <Select
          aria-label={label('role')}
          options={roles.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))}
        />
      </Form.Item>
      <Form.Item name="agencyId" label={label('agencyId')}>
        <Select
          aria-label={label('agencyId')}
          options={agencies.map((a) => ({ value: a.id, label: a.name }))}
        />
      </Form.Item>
      <Form.Item name="jurisdiction" label={label('jurisdiction')} style={{ gridColumn: '1 / -1' }}>
        <Select
          mode="multiple"
          aria-label={label('jurisdiction')}
          optionFilterProp="label"
          options={towns.map((town) => ({ value: town.code, label: townLabel(town, lang) }))}
        />
      </Form.Item>
      <Form.Item name="certificateNo" label={label('certificateNo')}>
        <Input />
      </Form.Item>
      <Form.Item name="certificateExpiresOn" label={label('certificateExpiresOn')}>
        <Input type="date" />
      </Form.Item>
      <Form.Item
        name="leave"
        label={label('leave')}
        extra={t('admin.users.leaveHelp')}
        style={{ gridColumn: '1 / -1' }}
      >
        <LeaveEditor />
      </Form.Item>
      {editing ? null : (
        <Form.Item
          name="password"
          label={label('password')}
          extra={t('admin.users.firstPasswordHelp')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
    </RecordFormModal>
  );
}

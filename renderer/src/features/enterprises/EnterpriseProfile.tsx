import { Card, Descriptions, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTownName } from '../../session/useTowns';
import type { Contact, Enterprise } from '../../../../domain/schemas/enterprise';

export function EnterpriseProfile({ enterprise }: { enterprise: Enterprise }) {
  const { t } = useTranslation();
  const townName = useTownName();
  return (
    <Card title={t('enterpriseFile.profile')} size="small">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'code', label: t('enterprises.creditCode'), children: enterprise.creditCode },
          { key: 'town', label: t('enterprises.town'), children: townName(enterprise.town) },
          { key: 'address', label: t('enterpriseFile.address'), children: enterprise.address },
          { key: 'industry', label: t('enterprises.industry'), children: enterprise.industry },
          {
            key: 'location',
            label: t('enterpriseFile.location'),
            children: `${enterprise.lat.toFixed(5)}, ${enterprise.lon.toFixed(5)}`,
          },
          {
            key: 'people',
            label: t('enterpriseFile.people'),
            children: enterprise.peopleWithin500m,
          },
        ]}
      />
      <Table<Contact>
        style={{ marginTop: 12 }}
        size="small"
        title={() => t('enterpriseFile.contacts')}
        rowKey={(c) => `${c.name}-${c.phone}`}
        pagination={false}
        dataSource={enterprise.contacts}
        locale={{ emptyText: t('enterpriseFile.noContacts') }}
        columns={[
          { title: t('enterpriseFile.contactName'), dataIndex: 'name', key: 'name' },
          { title: t('enterpriseFile.contactTitle'), dataIndex: 'title', key: 'title' },
          { title: t('enterpriseFile.contactPhone'), dataIndex: 'phone', key: 'phone' },
        ]}
      />
    </Card>
  );
}

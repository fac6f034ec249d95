import { Flex, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../../../domain/schemas/inspection';
import { useProfile } from '../../session/session-context';
import { setEnterpriseRep } from '../../db/repositories/inspection-signing';
import { useLocalWrite } from './useLocalWrite';

/** The enterprise's representative (name, title), saved as soon as a field is left. */
export function RepresentativeFields({
  inspection,
  locked,
}: {
  inspection: Inspection;
  locked: boolean;
}) {
  const { t } = useTranslation();
  const { db } = useProfile();
  const write = useLocalWrite();
  const [name, setName] = useState(inspection.enterpriseRep?.name ?? '');
  const [title, setTitle] = useState(inspection.enterpriseRep?.title ?? '');

  const save = () => {
    const rep = inspection.enterpriseRep;
    if (rep && rep.name === name.trim() && rep.title === title.trim()) return;
    if (!rep && name.trim() === '' && title.trim() === '') return;
    void write(() => setEnterpriseRep(db, inspection.id, { name, title }));
  };

  return (
    <Flex gap={12} wrap>
      <Flex vertical gap={4} style={{ minWidth: 200 }}>
        <label htmlFor="rep-name">{t('signatures.repName')}</label>
        <Input
          id="rep-name"
          value={name}
          maxLength={50}
          disabled={locked}
          onChange={(e) => setName(e.target.value)}
          onBlur={save}
        />
      </Flex>
      <Flex vertical gap={4} style={{ minWidth: 200 }}>
        <label htmlFor="rep-title">{t('signatures.repTitle')}</label>
        <Input
          id="rep-title"
          value={title}
          maxLength={50}
          disabled={locked}
          onChange={(e) => setTitle(e.target.value)}
          onBlur={save}
        />
      </Flex>
    </Flex>
  );
}

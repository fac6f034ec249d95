import { Drawer, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { FindingDetailBody } from './FindingDetailBody';
import { useFindingDetail } from './useFindingDetail';

interface Props {
  findingId: string | null;
  onClose: () => void;
}

/** The hazard's detail beside the board: what was found, photos before and after, history. */
export function FindingDrawer({ findingId, onClose }: Props) {
  const { t } = useTranslation();
  const detail = useFindingDetail(findingId);
  return (
    <Drawer
      open={findingId !== null}
      onClose={onClose}
      title={detail ? detail.finding.title : t('deadlines.detailTitle')}
      size="large"
      destroyOnHidden
    >
      {detail === null && findingId !== null ? (
        <Result status="404" title={t('deadlines.notFound')} />
      ) : detail ? (
        <FindingDetailBody detail={detail} />
      ) : null}
    </Drawer>
  );
}

import { Flex, Spin } from 'antd';
import { DocumentLinks } from '../documents/DocumentLinks';
import { SignaturesPanel } from '../signatures/SignaturesPanel';
import type { ExportPng } from '../signatures/export-signature';
import { SubmissionPanel } from './SubmissionPanel';
import { useInspectionClosing } from './useInspectionClosing';

/**
 * The end of a site visit, to mount under the checklist: signatures, what is still missing and
 * Submit (or, once submitted, the amendments), and the printable documents.
 */
export function InspectionClosingSection({
  inspectionId,
  exportPng,
}: {
  inspectionId: string;
  exportPng?: ExportPng;
}) {
  const closing = useInspectionClosing(inspectionId);
  if (closing === undefined) return <Spin />;
  if (closing === null) return null;
  return (
    <Flex vertical gap={16}>
      <SignaturesPanel
        inspection={closing.inspection}
        users={closing.users}
        {...(exportPng ? { exportPng } : {})}
      />
      <SubmissionPanel closing={closing} />
      <DocumentLinks inspectionId={inspectionId} findings={closing.findingCount} />
    </Flex>
  );
}

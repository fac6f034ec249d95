// The toolbar of a printable page: back, and print (the desktop app saves a PDF under `fileName`;
// the browser opens its print dialog), then what the page adds; in the browser, the line saying
// how to keep the PDF. The print style sheet hides all of it.
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAppInfo } from '../settings/useAppInfo';

interface Props {
  fileName: string;
  /** False while the page is still drawing what it prints. */
  ready?: boolean;
  children?: ReactNode;
}

export function PrintToolbar({ fileName, ready = true, children }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [printing, setPrinting] = useState(false);
  const shell = useAppInfo()?.shell;

  const print = async () => {
    setPrinting(true);
    try {
      const result = await window.api.printToPdf({ defaultName: fileName });
      if (result.saved) void message.success(t('documents.saved', { path: result.path ?? '' }));
    } catch {
      void message.error(t('documents.printFailed'));
    } finally {
      setPrinting(false);
    }
  };

  return (
    <>
      <nav className="fi-print-toolbar" aria-label={t('documents.toolbar')}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
          {t('documents.back')}
        </Button>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={!ready}
          loading={printing}
          onClick={() => void print()}
        >
          {t('documents.print')}
        </Button>
        {children}
      </nav>
      {shell === 'web' ? (
        // In the browser the PDF comes from the print dialog: say so where the button is.
        <Alert
          className="fi-print-hint"
          type="info"
          showIcon
          title={t('documents.browserPdfHint', { name: fileName })}
        />
      ) : null}
    </>
  );
}

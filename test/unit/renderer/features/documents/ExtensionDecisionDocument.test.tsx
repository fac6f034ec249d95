import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RegisteredDocument } from '../../../../../domain/schemas/document';
import type { ExtensionRequest } from '../../../../../domain/schemas/finding';
import { ExtensionDecisionDocument } from '../../../../../renderer/src/features/documents/ExtensionDecisionDocument';
import type { ExtensionDecisionData } from '../../../../../renderer/src/features/documents/ExtensionDecisionDocument';
import { makeFinding } from '../../../../support/record-fixtures';
import {
  EXTENSION_SUPERVISOR as SUPERVISOR,
  grantedExtension,
} from '../../../domain/rules/extension-fixtures';

const request = grantedExtension({ decidedAt: '2026-11-29T17:30:00.000Z' });
const finding = makeFinding({
  deadline: '2027-01-10',
  extensions: [request],
  history: [
    { kind: 'extensionRequested', extensionId: request.id },
    { kind: 'extensionDecided', extensionId: request.id, deadlineBefore: '2026-12-10' },
  ],
});
const data = (registered?: Partial<RegisteredDocument>): ExtensionDecisionData => ({
  finding,
  request,
  enterpriseName: '上虞精细化工有限公司',
  agencyName: '上虞区应急管理局',
  deciderName: '孙立群',
  registered: registered as RegisteredDocument | undefined,
  servers: [],
  officers: [],
});

describe('the printed extension decision', () => {
  it('carries the official number once registered, and what was asked and granted', () => {
    render(
      <ExtensionDecisionDocument
        data={data({ number: '上虞应急延期〔2026〕第0001号', issuedOn: '2026-11-30' })}
      />,
    );
    const page = screen.getByRole('article', { name: '延期整改审批表' });
    expect(page.textContent).toContain('文书编号：上虞应急延期〔2026〕第0001号');
    expect(page.textContent).toContain('2026年12月10日');
    expect(page.textContent).toContain('同意延期，整改期限延至2027年1月10日。');
    expect(page.textContent).toContain('孙立群');
    expect(page.textContent).not.toContain('临时编号');
  });

  it('carries a provisional number, said to be one, until the register’s is pulled', () => {
    render(<ExtensionDecisionDocument data={data()} />);
    const page = screen.getByRole('article', { name: '延期整改审批表' });
    expect(page.textContent).toContain('上虞应急延期〔2026〕临0000AB12号');
    expect(page.textContent).toContain('本文书编号为临时编号');
    // Decided at 01:30 on 30 November in China.
    expect(page.textContent).toContain('2026年11月30日');
  });

  it('prints its service receipt after it, naming who served it, once recorded', () => {
    const served: ExtensionRequest = {
      ...request,
      serviceReceipt: {
        id: '0197a000-0000-7000-8000-00000000ab13',
        document: 'extension',
        method: 'direct',
        servedAt: '2026-11-30T02:00:00.000Z',
        place: '企业办公楼',
        servedBy: [SUPERVISOR],
        recipient: { name: '王建国', title: '安全负责人' },
        signature: { sha256: 'b'.repeat(64), mime: 'image/png', size: 10 },
        refusal: null,
      },
    };
    render(
      <ExtensionDecisionDocument
        data={{ ...data(), request: served, officers: [{ id: SUPERVISOR, displayName: '孙立群' }] }}
        urls={new Map([['b'.repeat(64), 'blob:signature']])}
      />,
    );
    const receipt = screen.getByRole('region', { name: '送达回证' });
    expect(receipt.textContent).toContain('延期整改审批表（上虞应急延期〔2026〕临0000AB12号）');
    expect(receipt.textContent).toContain('直接送达');
    expect(receipt.textContent).toContain('王建国（安全负责人）');
    expect(receipt.textContent).toContain('孙立群');
    expect(screen.getByRole('img', { name: '王建国' }).getAttribute('src')).toBe('blob:signature');
  });
});

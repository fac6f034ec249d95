// The audit log as an Excel workbook: one row per entry, newest first, with the actor's name.
import ExcelJS from 'exceljs';
import type { StoredAuditEntry } from './audit-log';

export async function auditWorkbook(
  entries: readonly StoredAuditEntry[],
  actorNames: ReadonlyMap<string, string>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('审计日志 Audit log');
  sheet.columns = [
    { header: '时间 Time', key: 'at', width: 26 },
    { header: '操作人 Actor', key: 'actor', width: 18 },
    { header: '操作 Action', key: 'action', width: 22 },
    { header: '对象类型 Target kind', key: 'targetKind', width: 16 },
    { header: '对象 Target', key: 'targetId', width: 40 },
    { header: '之前 Before', key: 'before', width: 60 },
    { header: '之后 After', key: 'after', width: 60 },
  ];
  for (const e of entries) {
    sheet.addRow({
      at: e.at,
      actor: actorNames.get(e.actorId) ?? e.actorId,
      action: e.action,
      targetKind: e.targetKind,
      targetId: e.targetId ?? '',
      before: e.before === undefined ? '' : JSON.stringify(e.before),
      after: e.after === undefined ? '' : JSON.stringify(e.after),
    });
  }
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

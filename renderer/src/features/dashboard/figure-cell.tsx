import type { TableColumnType } from 'antd';

/**
 * A right-aligned table column whose cell carries `${testId(row)}`, so that each figure can be
 * found by tests and read aloud with its column heading.
 */
export function figureColumn<T>(
  key: string,
  title: string,
  text: (row: T) => string,
  testId: (row: T) => string,
): TableColumnType<T> {
  return {
    key,
    title,
    align: 'right',
    render: (_: unknown, row: T) => <span data-testid={testId(row)}>{text(row)}</span>,
  };
}

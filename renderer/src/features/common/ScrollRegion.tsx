import type { ReactNode } from 'react';

interface Props {
  /** Names the region for screen readers, e.g. the table's title. */
  label: string;
  children: ReactNode;
}

/**
 * Content wider than a small laptop screen (a table of many columns) scrolls sideways inside
 * this region instead of widening the page. The region takes keyboard focus, so that arrow keys
 * scroll it without a mouse, and says what it holds.
 */
export function ScrollRegion({ label, children }: Props) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      {children}
    </div>
  );
}

// Reads a form field's error as a screen reader finds it: through the input's aria-describedby.
import { screen } from '@testing-library/react';

/** The error text that the input labelled `label` points to with aria-describedby, if any. */
export function errorOf(label: string): string | null {
  const input = screen.getByLabelText(label);
  if (input.getAttribute('aria-invalid') !== 'true') return null;
  const id = input.getAttribute('aria-describedby');
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}

import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ScrollRegion } from '../../../../../renderer/src/features/common/ScrollRegion';

describe('ScrollRegion', () => {
  it('is a named region the keyboard reaches, scrolling its content sideways', async () => {
    render(
      <>
        <ScrollRegion label="Hazards by month">
          <table>
            <tbody>
              <tr>
                <td>wide</td>
              </tr>
            </tbody>
          </table>
        </ScrollRegion>
      </>,
    );
    const region = screen.getByRole('region', { name: 'Hazards by month' });
    expect(region.style.overflowX).toBe('auto');
    await userEvent.tab();
    expect(document.activeElement).toBe(region);
  });
});

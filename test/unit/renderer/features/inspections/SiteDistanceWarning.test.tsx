import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SiteDistanceWarning } from '../../../../../renderer/src/features/inspections/SiteDistanceWarning';
import { renderWithPhotoStrings } from '../photos/render-with-photo-strings';

// 0.005° of latitude = 6 371 000 × 0.005 × π/180 = 555.97 m from the registered position.
const registered = { lat: 31.2, lon: 121.5 };

describe('SiteDistanceWarning', () => {
  it('warns when the inspection was recorded 556 m away, in English and Chinese', () => {
    const { unmount } = renderWithPhotoStrings(
      <SiteDistanceWarning
        location={{ lat: 31.205, lon: 121.5, accuracyM: 20 }}
        registered={registered}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(
      "This inspection was recorded 556 m from the enterprise's registered position (more than 500 m)",
    );
    expect(alert.textContent).toContain('±20 m');
    unmount();
    renderWithPhotoStrings(
      <SiteDistanceWarning
        location={{ lat: 31.205, lon: 121.5, accuracyM: null }}
        registered={registered}
      />,
      'zh-CN',
    );
    expect(screen.getByRole('alert').textContent).toContain(
      '本次检查记录的位置距企业登记位置 556 米（超过 500 米）',
    );
    expect(screen.getByRole('alert').textContent).toContain('该位置为手工输入');
  });

  it('says nothing when the accuracy allows the site, without a position, or without the enterprise', () => {
    renderWithPhotoStrings(
      <>
        <SiteDistanceWarning
          location={{ lat: 31.205, lon: 121.5, accuracyM: 60 }}
          registered={registered}
        />
        <SiteDistanceWarning location={null} registered={registered} />
        <SiteDistanceWarning location={{ lat: 40, lon: 116, accuracyM: 5 }} registered={null} />
      </>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('gives a distance of many kilometres in kilometres', () => {
    renderWithPhotoStrings(
      <SiteDistanceWarning
        location={{ lat: 30.2, lon: 121.5, accuracyM: 30 }}
        registered={registered}
      />,
    );
    // One degree of latitude: 111.19 km.
    expect(screen.getByRole('alert').textContent).toContain('recorded 111.2 km from');
  });
});

// The inspection's checklist screen at its route, as the app opens it, with the inspections list
// (a stand-in paragraph) where a deleted draft sends the person.
import { ConfigProvider } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { InspectionChecklist } from '../../../../renderer/src/features/inspections/InspectionChecklist';
import type { Profile } from '../../../../renderer/src/session/profile';
import { renderSignedIn } from './render';

export function renderChecklist(profile: Profile, inspectionId: string) {
  return renderSignedIn(
    // Without motion the drawer is there at once (jsdom never ends a transition).
    <ConfigProvider theme={{ token: { motion: false } }}>
      <MemoryRouter initialEntries={[`/inspections/${inspectionId}`]}>
        <Routes>
          <Route path="/inspections/:id" element={<InspectionChecklist />} />
          <Route path="/inspections" element={<p>Inspection list</p>} />
        </Routes>
      </MemoryRouter>
    </ConfigProvider>,
    profile,
  );
}

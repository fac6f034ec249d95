// Renders the hazard editor drawer signed in, as the findings screens open it.
import { ConfigProvider } from 'antd';
import type { Profile } from '../../../../renderer/src/session/profile';
import { HazardEditor } from '../../../../renderer/src/features/findings/HazardEditor';
import type { HazardEditorProps } from '../../../../renderer/src/features/findings/HazardEditor';
import { renderSignedIn } from './render';

export function renderHazardEditor(props: HazardEditorProps, profile: Profile) {
  return renderSignedIn(
    // Without motion the drawer is there at once (jsdom never ends a transition).
    <ConfigProvider theme={{ token: { motion: false } }}>
      <HazardEditor {...props} />
    </ConfigProvider>,
    profile,
  );
}

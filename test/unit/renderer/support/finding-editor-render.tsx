// Renders the hazard editor drawer signed in, as the findings screens open it.
import { ConfigProvider } from 'antd';
import type { Profile } from '../../../../renderer/src/session/profile';
import { FindingEditor } from '../../../../renderer/src/features/findings/FindingEditor';
import type { FindingEditorProps } from '../../../../renderer/src/features/findings/FindingEditor';
import { renderSignedIn } from './render';

export function renderFindingEditor(props: FindingEditorProps, profile: Profile) {
  return renderSignedIn(
    // Without motion the drawer is there at once (jsdom never ends a transition).
    <ConfigProvider theme={{ token: { motion: false } }}>
      <FindingEditor {...props} />
    </ConfigProvider>,
    profile,
  );
}

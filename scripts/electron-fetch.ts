// `npm run electron:fetch`: downloads the Electron binary if it is missing.
import { fetchElectron } from './electron-binary';

const result = fetchElectron();
if (result.ok) {
  console.log(`Electron binary: ${result.binary}`);
} else {
  console.error(`The Electron binary is missing and ${result.reason}.`);
  process.exitCode = 1;
}

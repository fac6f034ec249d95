// Entry of the app's bench page: exposes the benchmark steps on window for the runner to call.
import * as local from './fi-local';
import * as sync from './fi-sync';

const api = { ...sync, ...local };
export type FiBenchApi = typeof api;

(window as unknown as { fiBench: FiBenchApi }).fiBench = api;
document.title = 'fi-bench ready';

// The downscale worker: decoding, scaling, encoding and hashing of photos happen here so that a
// 20-megapixel picture never blocks the interface. One request at a time per message.
import { answerDownscaleRequest } from './downscale';
import type { DownscaleRequest, DownscaleResponse } from './downscale';

// The renderer is typed with the DOM library; these are the worker-scope members used here.
interface WorkerScope {
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<DownscaleRequest>) => void,
  ): void;
  postMessage(message: DownscaleResponse): void;
}

const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  void answerDownscaleRequest(event.data).then((response) => scope.postMessage(response));
});

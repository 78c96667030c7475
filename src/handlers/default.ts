/**
 * `$default` (two-way): frames that are not JSON or name no route get a typed error frame
 * (INVALID_JSON, UNKNOWN_ACTION, INVALID_FRAME, BINARY_NOT_SUPPORTED); the socket stays open.
 * A valid `ping` / `extendTTL` that lands here (no route for it) is answered as its route would.
 */

import { createClientFrameRoute } from './runtime/client-frame-route.js';
import { clientFrameService } from './runtime/services.js';

export const handler = createClientFrameRoute({ frames: clientFrameService() });

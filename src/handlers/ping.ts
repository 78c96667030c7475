/** `ping` (two-way): answers `pong` with the server time, after the connection's frame budget. */

import { createClientFrameRoute } from './runtime/client-frame-route.js';
import { clientFrameService } from './runtime/services.js';

export const handler = createClientFrameRoute({ frames: clientFrameService() });

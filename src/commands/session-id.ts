// A session id as typed after a command: "W2-D3-A" and " w2-d3-a " are the same session.
import { z } from 'zod';

export const SESSION_ID = /^w\d-d\d-[a-z]$/;

export const sessionIdArg = () => z.string().trim().toLowerCase().regex(SESSION_ID);

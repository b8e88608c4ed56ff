/** Posting signed webhook bodies; the implementation is shared with the terminal chat. */
export { postEvents, postRaw, sign } from "../../scripts/lib/webhook-client";

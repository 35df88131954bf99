// An answer that is ready well inside Slack's 3 seconds travels in the ack itself (one HTTP round trip fewer
// than response_url); a slower one is acknowledged empty at the budget and follows through response_url.
export const ACK_BUDGET_MS = 1_500;

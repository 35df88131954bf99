// Retention of personal data: the plan (when), and applying it (what is erased).
export { FORM_EXPIRY_DAYS, retentionPlan, type RetentionPlan } from './plan.js';
export { applyRetention, type RetentionResult } from './run.js';

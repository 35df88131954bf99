// Following up: the invited people who have not registered, and a round of reminders to them.
export { notRegistered } from './list.js';
export { remindNotRegistered } from './remind.js';

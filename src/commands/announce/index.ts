// The announcement commands: write one (a form), list them and cancel a scheduled one. Organisers only.
export { announce } from './announce.js';
export { announcements } from './list.js';

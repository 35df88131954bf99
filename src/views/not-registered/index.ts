// Following up the invited people who have not registered.
export { notRegisteredReply, remindedReply } from './list.js';

// Nominations as people see them: a focal point's own list, the core team's list, the decision told.
export { myNominationsReply, type Outcome } from './mine.js';
export { decisionNotice, reviewReply } from './review.js';
export { focalPointId, nomineeName, regionName } from './labels.js';

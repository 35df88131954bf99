// The nomination commands: focal points nominate and follow theirs; the core team reviews and decides.
export { nominate } from './nominate.js';
export { myNominations } from './mine.js';
export { nominations } from './review.js';

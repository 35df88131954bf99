// Nominations through the regional focal points: the record, the setting, what `nominate` reads, and recording.
export { NOMINATION_ID, NOMINATION_STATUSES, nominationSchema, type Nomination, type NominationStatus, type NominationsAdded } from '../store/nomination.js';
export { focalRegionOf, parseFocalPoints, type FocalPoints } from './focal-points.js';
export { parseEntries, type NomineeEntry, type ParsedEntries } from './entries.js';
export { recordNominations, type FocalPoint } from './nominate.js';

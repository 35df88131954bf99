// The choices a registration records (role, institution, region, interpretation): the form offers them, the store checks them.
export const ROLES = ['policymaker', 'analyst', 'researcher', 'practitioner', 'other'] as const;
export const INSTITUTIONS = ['ministry', 'agency', 'public', 'private', 'partner', 'other'] as const;
/** The World Bank's operational regions in fiscal year 2021 (from 1 July 2020, when Africa (AFR) was split in two). */
export const REGIONS = ['AFE', 'AFW', 'EAP', 'ECA', 'LAC', 'MENA', 'SAR'] as const;
export type Region = (typeof REGIONS)[number];
/** The single Africa region before 1 July 2020: only ever read from old stores, never offered. */
export const AFRICA_BEFORE_SPLIT = 'AFR';
export const INTERPRETATION = ['ar', 'fr', 'none'] as const;

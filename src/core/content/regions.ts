// Each country's World Bank region as the Bank had them in May 2021 (content/country-regions.json), and the rule
// the forms follow: the country's region is proposed; another region is recorded only when the person confirms it.
import type { CountryRegions } from './schema.js';
import type { Region } from '../choices.js';

export class RegionTable {
  private readonly byCountry: ReadonlyMap<string, Region | null>;

  constructor(readonly data: CountryRegions) {
    this.byCountry = new Map(data.countries.map((c) => [c.code, c.region]));
  }

  /** The operational region of a country (ISO 3166-1 alpha-2), or undefined when it has none (United States, France). */
  regionOf(country: string): Region | undefined {
    return this.byCountry.get(country) ?? undefined;
  }
}

/**
 * What a one-screen form records for a region answer, given the country:
 * nothing chosen → the country's region; the country's own region → it; another region → it only when confirmed.
 */
export type RegionDecision =
  | { kind: 'region'; region: Region }
  | { kind: 'choose' } // the country has no region and none was chosen
  | { kind: 'confirm'; proposed: Region; chosen: Region }; // another region, not yet confirmed

export function decideRegion(proposed: Region | undefined, chosen: Region | undefined, confirmed: boolean): RegionDecision {
  if (!chosen) return proposed ? { kind: 'region', region: proposed } : { kind: 'choose' };
  if (!proposed || chosen === proposed || confirmed) return { kind: 'region', region: chosen };
  return { kind: 'confirm', proposed, chosen };
}

// Registrations and forms stored with AFR (Africa before the Bank split it on 1 July 2020) take their country's
// region at start, as the lowdb store maps them on load (src/store/legacy-regions.ts). Running it again, or on two
// instances at once, changes nothing more: each statement only touches rows still holding AFR.
import { AFRICA_BEFORE_SPLIT } from '../../core/choices.js';
import type { RegionOf } from '../legacy-regions.js';
import { inTransaction } from './db.js';
import type pg from 'pg';

export async function mapLegacyRegions(pool: pg.Pool, regionOf: RegionOf): Promise<number> {
  return inTransaction(pool, async (client) => {
    let changed = 0;
    const { rows } = await client.query<{ country: string }>('SELECT DISTINCT country FROM registrations WHERE region = $1', [AFRICA_BEFORE_SPLIT]);
    for (const { country } of rows) {
      const region = regionOf(country);
      if (!region) continue; // no region for the country: AFR stays, shown as such
      changed += (await client.query('UPDATE registrations SET region = $1 WHERE region = $2 AND country = $3', [region, AFRICA_BEFORE_SPLIT, country])).rowCount ?? 0;
    }
    // A form under way: its region answer follows its country, or goes so the question is asked again.
    const forms = await client.query<{ user_id: string; country: string | null }>(
      `SELECT a.user_id, c.value AS country FROM form_answers a LEFT JOIN form_answers c ON c.user_id = a.user_id AND c.field = 'country'
       WHERE a.field = 'region' AND a.value = $1`,
      [AFRICA_BEFORE_SPLIT],
    );
    for (const f of forms.rows) {
      const region = f.country ? regionOf(f.country) : undefined;
      if (region) await client.query(`UPDATE form_answers SET value = $1 WHERE user_id = $2 AND field = 'region'`, [region, f.user_id]);
      else await client.query(`DELETE FROM form_answers WHERE user_id = $1 AND field = 'region'`, [f.user_id]);
      changed++;
    }
    return changed;
  });
}

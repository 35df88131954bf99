// Conversation references: where the bot may post unasked. The reference itself is the platform's object (jsonb).
import { admit } from '../record-limits.js';
import { conversationSchema, type StoredConversation } from '../../core/store/records.js';
import { iso, type Queryable } from './db.js';

interface ConversationRow {
  id: string;
  platform: string;
  scope: string;
  user_id: string | null;
  reference: Record<string, unknown>;
  updated_at: Date;
}

const COLUMNS = 'id, platform, scope, user_id, reference, updated_at';

function fromRow(row: ConversationRow): StoredConversation {
  return conversationSchema.parse({
    id: row.id,
    platform: row.platform,
    scope: row.scope,
    ...(row.user_id !== null ? { userId: row.user_id } : {}),
    reference: row.reference,
    updatedAt: iso(row.updated_at),
  });
}

export async function conversation(db: Queryable, id: string): Promise<StoredConversation | undefined> {
  const { rows } = await db.query<ConversationRow>(`SELECT ${COLUMNS} FROM conversations WHERE id = $1`, [id]);
  return rows[0] && fromRow(rows[0]);
}

export async function conversationsOf(db: Queryable, userId: string): Promise<StoredConversation[]> {
  const { rows } = await db.query<ConversationRow>(`SELECT ${COLUMNS} FROM conversations WHERE user_id = $1 ORDER BY id`, [userId]);
  return rows.map(fromRow);
}

export async function saveConversation(db: Queryable, conversation: Omit<StoredConversation, 'updatedAt'>): Promise<void> {
  await putConversation(db, { ...conversation, updatedAt: new Date().toISOString() });
}

/** Writes a whole record as it is, its updatedAt kept (saveConversation stamps it; copying a store keeps it). */
export async function putConversation(db: Queryable, conversation: StoredConversation): Promise<void> {
  const c = conversationSchema.parse(admit('conversation', conversation));
  await db.query(
    `INSERT INTO conversations (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (id) DO UPDATE SET platform = EXCLUDED.platform, scope = EXCLUDED.scope, user_id = EXCLUDED.user_id,
       reference = EXCLUDED.reference, updated_at = EXCLUDED.updated_at`,
    [c.id, c.platform, c.scope, c.userId ?? null, JSON.stringify(c.reference), c.updatedAt],
  );
}

export async function dropConversation(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM conversations WHERE id = $1', [id]);
}

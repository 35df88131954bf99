// Scheduled-post claims of the lowdb store, in a file of their own beside ckex.json (DATA_DIR/ckex-posts.json):
// ckex.json's schema is strict and versioned, and claims must survive a restart as the digests' lastPosted does.
import { z } from 'zod';

export const POSTS_FILE = 'ckex-posts.json';

export const postsFileSchema = z
  .object({
    version: z.literal(1),
    posts: z.record(z.string(), z.object({ claimedAt: z.string(), postedAt: z.string().optional() }).strict()),
  })
  .strict();
export type PostsFileData = z.infer<typeof postsFileSchema>;

export const emptyPostsFile = (): PostsFileData => ({ version: 1, posts: {} });

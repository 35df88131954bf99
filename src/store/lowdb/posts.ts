// Scheduled-post claims of the lowdb store, in a file of their own beside ckex.json (DATA_DIR/ckex-posts.json):
// ckex.json's schema is strict and versioned, and claims must survive a restart as the digests' lastPosted does.
// One process holds DATA_DIR, so a claim is decided here in memory before its write awaits; a claim whose write
// fails is taken back (it is not held), as a release or a mark that failed is.
import { join } from 'node:path';
import { z } from 'zod';
import { AtomicJsonFile } from './atomic-json-file.js';
import { recorded, type Undo } from './undo.js';

export const POSTS_FILE = 'ckex-posts.json';

export const postsFileSchema = z
  .object({
    version: z.literal(1),
    posts: z.record(z.string(), z.object({ claimedAt: z.string(), postedAt: z.string().optional() }).strict()),
  })
  .strict();
export type PostsFileData = z.infer<typeof postsFileSchema>;

const emptyPostsFile = (): PostsFileData => ({ version: 1, posts: {} });

const postsFile = (dataDir: string) => new AtomicJsonFile(join(dataDir, POSTS_FILE), postsFileSchema);

/** The claims as they are, for copying a store; undefined when no post was ever claimed. */
export async function readPostsFile(dataDir: string): Promise<PostsFileData | undefined> {
  return (await postsFile(dataDir).read()) ?? undefined;
}

export class PostClaims {
  private constructor(
    /** The claims' file, which says whether its last write failed. */
    readonly file: AtomicJsonFile<PostsFileData>,
    private readonly data: PostsFileData,
  ) {}

  static async open(dataDir: string): Promise<PostClaims> {
    const file = postsFile(dataDir);
    return new PostClaims(file, (await file.read()) ?? emptyPostsFile());
  }

  async claim(key: string): Promise<boolean> {
    if (key in this.data.posts) return false;
    await this.change((u) => u.set(this.data.posts, key, { claimedAt: new Date().toISOString() }));
    return true;
  }

  async release(key: string): Promise<void> {
    const post = this.data.posts[key];
    if (!post || post.postedAt) return;
    await this.change((u) => u.remove(this.data.posts, key));
  }

  async markPosted(key: string): Promise<void> {
    const post = this.data.posts[key];
    if (post?.postedAt) return;
    const now = new Date().toISOString();
    await this.change((u) => u.set(this.data.posts, key, { claimedAt: post?.claimedAt ?? now, postedAt: now }));
  }

  /** Drops the claims whose key begins with one of these, sent or not (keys that name a person go with their data). */
  async dropStartingWith(prefixes: readonly string[]): Promise<void> {
    const keys = Object.keys(this.data.posts).filter((key) => prefixes.some((prefix) => key.startsWith(prefix)));
    if (keys.length === 0) return;
    await this.change((u) => keys.forEach((key) => u.remove(this.data.posts, key)));
  }

  /** Writes the claims as they are: at close, and again after a failed write. */
  flush(): Promise<void> {
    return this.file.write(this.data);
  }

  private async change(apply: (undo: Undo) => void): Promise<void> {
    return this.file.write(this.data, recorded(apply));
  }
}

import argon2 from 'argon2';

/** argon2id with the library's defaults (memory-hard); the hash string carries its own parameters. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Verified against when the user does not exist, so that timing does not reveal usernames. */
export const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c2VuLWR1bW15LXNhbHQ$2f1VZ3u6n1b0mJ2wQe9vI0cXn8Qy0YQ9Q3u1c2v4b5A';

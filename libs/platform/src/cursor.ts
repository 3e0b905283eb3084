import { BadRequestException } from '@nestjs/common';

/** Opaque keyset cursors: a page continues after the last row seen, so rows arriving meanwhile neither skip nor repeat. */
export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor<K extends string>(cursor: string, keys: readonly K[]): Record<K, string> {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      keys.every((key) => typeof (parsed as Record<string, unknown>)[key] === 'string')
    ) {
      return parsed as Record<K, string>;
    }
  } catch {
    // falls through to the same answer as a well-formed but wrong cursor
  }
  throw new BadRequestException(['cursor is invalid; pass the nextCursor of the previous page']);
}

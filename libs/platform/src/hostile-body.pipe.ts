import { BadRequestException, Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';

/** No Lingong body is nested deeper than a few levels; deep nesting only serves to exhaust the stack. */
const MAX_DEPTH = 16;

/**
 * Refuses what no form sends and what would otherwise fail deep inside: bodies nested past
 * MAX_DEPTH (class-transformer recurses) and text with NUL characters (PostgreSQL cannot store
 * them). Walks iteratively, so the check itself cannot overflow.
 */
@Injectable()
export class HostileBodyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    const pending: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
    while (pending.length > 0) {
      const { value: current, path, depth } = pending.pop()!;
      if (typeof current === 'string' && current.includes('\u0000')) {
        throw new BadRequestException([`${path || metadata.type} must not contain NUL characters`]);
      }
      if (typeof current !== 'object' || current === null) continue;
      if (depth >= MAX_DEPTH) throw new BadRequestException([`${metadata.type} is nested too deeply`]);
      for (const [key, child] of Object.entries(current)) {
        pending.push({ value: child, path: path ? `${path}.${key}` : key, depth: depth + 1 });
      }
    }
    return value;
  }
}

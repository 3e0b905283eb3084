import Redis from 'ioredis';
import type { Market } from './market';

/** Where a searched-for text was found: `table.column` (with how many rows) or a Redis key. */
export interface Leftover {
  where: string;
  needle: string;
  count?: number;
}

/**
 * Every text, varchar, json(b) and text[] column of every table and view in the database (read
 * from information_schema, so a table added later is searched too), searched for each needle.
 */
export async function leftoversInDatabase(market: Market, needles: string[]): Promise<Leftover[]> {
  const columns = (
    await market.db.query(
      `SELECT c.table_name, c.column_name
         FROM information_schema.columns c
        WHERE c.table_schema = 'public'
          AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb') OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar')))
        ORDER BY c.table_name, c.column_name`,
    )
  ).rows as { table_name: string; column_name: string }[];
  const found: Leftover[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    for (const needle of needles) {
      const rows = await market.db.query(`SELECT count(*)::int AS n FROM "${table}" WHERE strpos("${column}"::text, $1) > 0`, [needle]);
      const count = rows.rows[0].n as number;
      if (count > 0) found.push({ where: `${table}.${column}`, needle, count });
    }
  }
  return found;
}

/** Every key under the market's BullMQ prefix, whatever its type (strings, hashes, lists, sets, sorted sets, streams), searched for each needle. */
export async function leftoversInRedis(market: Market, needles: string[]): Promise<Leftover[]> {
  const redis = new Redis({ host: '127.0.0.1', port: Number(process.env.REDIS_PORT ?? 6379), lazyConnect: true });
  await redis.connect();
  try {
    const found: Leftover[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${market.queuePrefix}:*`, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) {
        const text = `${key}\n${await valueOf(redis, key)}`;
        for (const needle of needles) if (text.includes(needle)) found.push({ where: key, needle });
      }
    } while (cursor !== '0');
    return found;
  } finally {
    redis.disconnect();
  }
}

async function valueOf(redis: Redis, key: string): Promise<string> {
  switch (await redis.type(key)) {
    case 'string':
      return (await redis.get(key)) ?? '';
    case 'hash':
      return JSON.stringify(await redis.hgetall(key));
    case 'list':
      return JSON.stringify(await redis.lrange(key, 0, -1));
    case 'set':
      return JSON.stringify(await redis.smembers(key));
    case 'zset':
      return JSON.stringify(await redis.zrange(key, 0, -1, 'WITHSCORES'));
    case 'stream':
      return JSON.stringify(await redis.xrange(key, '-', '+'));
    default:
      return '';
  }
}

import { NamedStatements } from './named-statements';

describe('NamedStatements', () => {
  it('gives each text one name, and none past the cap', () => {
    const statements = new NamedStatements('board', 2);
    expect(statements.nameOf('SELECT 1')).toBe('board-1');
    expect(statements.nameOf('SELECT 2')).toBe('board-2');
    expect(statements.nameOf('SELECT 1')).toBe('board-1');
    expect(statements.nameOf('SELECT 3')).toBeUndefined();
    expect(statements.nameOf('SELECT 2')).toBe('board-2');
  });

  it('runs a text under its name', async () => {
    const asked: unknown[] = [];
    const pool = { query: (config: unknown) => (asked.push(config), Promise.resolve({ rows: [{ one: 1 }] })) };
    const statements = new NamedStatements('board', 1);
    expect(await statements.query(pool as never, 'SELECT $1::int AS one', [1])).toEqual([{ one: 1 }]);
    await statements.query(pool as never, 'SELECT 2', []);
    expect(asked).toEqual([
      { name: 'board-1', text: 'SELECT $1::int AS one', values: [1] },
      { name: undefined, text: 'SELECT 2', values: [] },
    ]);
  });
});

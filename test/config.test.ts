import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    expect(loadConfig({})).toMatchObject({ port: 3000, databaseUrl: 'data/mehvar.sqlite', publicUrl: 'http://localhost:3000', adminToken: undefined });
  });

  it('stops on a bad value, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrowError(/PORT:/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/x' })).toThrowError(/DATABASE_URL: must be a SQLite file path/);
    expect(() => loadConfig({ MEHVAR_ADMIN_TOKEN: 'short' })).toThrowError(/MEHVAR_ADMIN_TOKEN: must be at least 24 characters/);
  });

  it('accepts :memory: and a postgres URL', () => {
    expect(loadConfig({ DATABASE_URL: ':memory:' }).databaseUrl).toBe(':memory:');
    expect(loadConfig({ DATABASE_URL: 'postgres://u@localhost/m' }).databaseUrl).toBe('postgres://u@localhost/m');
  });
});

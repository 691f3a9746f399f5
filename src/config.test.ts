import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'

describe('loadConfig', () => {
  it('Should serve on port 8080 with data in ./data and the offline model when nothing is set', () => {
    const c = loadConfig({})
    expect(c.PORT).toBe(8080)
    expect(c.DATA_DIR).toBe(path.resolve('./data'))
    expect(c.NODE_ENV).toBe('development')
    expect(c.LLM_PROVIDER).toBe('offline')
    expect(c.BODY_LIMIT_BYTES).toBe(1_048_576)
  })

  it('Should honour PORT and DATA_DIR', () => {
    const c = loadConfig({ PORT: '9123', DATA_DIR: '/tmp/podd-x' })
    expect(c.PORT).toBe(9123)
    expect(c.DATA_DIR).toBe('/tmp/podd-x')
  })

  it('Should fail fast naming the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/)
    expect(() => loadConfig({ OPENAI_BASE_URL: 'not a url' })).toThrow(/OPENAI_BASE_URL/)
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/)
  })

  it('Should refuse to start in production without a JWT secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError)
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/)
    const key = 'q0vYbX3D4pXc8N1kqkJ0lJ2lqI3wQ7m9V5Yk7a0Hh1M='
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DATA_ENCRYPTION_KEY: key }).NODE_ENV).toBe('production')
  })

  it('Should require a master data key in production and refuse one that is not 32 bytes', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toThrow(/DATA_ENCRYPTION_KEY: is required/)
    expect(() => loadConfig({ DATA_ENCRYPTION_KEY: 'too short' })).toThrow(/DATA_ENCRYPTION_KEY: must be 32 random bytes/)
    // 31 bytes in base64 is refused, not padded.
    expect(() => loadConfig({ DATA_ENCRYPTION_KEY: Buffer.alloc(31, 7).toString('base64') })).toThrow(/DATA_ENCRYPTION_KEY/)
    expect(() => loadConfig({ DATA_ENCRYPTION_KEY_PREVIOUS: 'zz'.repeat(32) })).toThrow(/DATA_ENCRYPTION_KEY_PREVIOUS/)
    expect(loadConfig({ DATA_ENCRYPTION_KEY: 'ab'.repeat(32) }).DATA_ENCRYPTION_KEY).toBe('ab'.repeat(32))
  })

  it('Should choose the OpenAI-compatible model only when one is configured', () => {
    expect(loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }).LLM_PROVIDER).toBe('openai')
    expect(loadConfig({ OPENAI_API_KEY: 'sk-x', LLM_PROVIDER: 'offline' }).LLM_PROVIDER).toBe('offline')
    expect(() => loadConfig({ LLM_PROVIDER: 'openai' })).toThrow(/OPENAI_API_KEY/)
  })

  it('Should parse the CORS allow-list', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example' }).CORS_ORIGINS).toEqual([
      'https://a.example',
      'https://b.example',
    ])
  })
})

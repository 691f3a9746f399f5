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
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).NODE_ENV).toBe('production')
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

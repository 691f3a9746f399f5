import { describe, expect, it } from 'vitest'
import { addDays, datesBetween, daysBetween, isAcceptedDate, isAcceptedInstant } from './local-time.js'

describe('local dates compared as dates', () => {
  it('Should count days across any year, where strings would not', () => {
    // As strings '10000-01-01' < '9999-12-31': a loop on string comparison never ended.
    expect(addDays('9999-12-31', 1)).toBe('10000-01-01')
    expect(datesBetween('9999-12-25', '9999-12-31')).toHaveLength(7)
    expect(datesBetween('9999-12-31', '10000-01-02')).toEqual(['9999-12-31', '10000-01-01', '10000-01-02'])
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2)
    expect(datesBetween('2024-03-01', '2024-02-28')).toEqual([])
  })

  it('Should keep four-digit years, and never read the years 0–99 as 1900–1999', () => {
    expect(addDays('0999-12-31', 1)).toBe('1000-01-01')
    expect(daysBetween('0050-01-01', '1950-01-01')).toBe(693_960)
  })

  it('Should accept the calendar 1900-01-01 to 2100-12-31 only', () => {
    expect(isAcceptedDate('1900-01-01')).toBe(true)
    expect(isAcceptedDate('2100-12-31')).toBe(true)
    expect(isAcceptedDate('1899-12-31')).toBe(false)
    expect(isAcceptedDate('2101-01-01')).toBe(false)
    expect(isAcceptedDate('0050-01-01')).toBe(false)
    expect(isAcceptedDate('9999-12-31')).toBe(false)
    expect(isAcceptedInstant(new Date('2100-12-31T23:59:59Z'))).toBe(true)
    expect(isAcceptedInstant(new Date('2101-01-01T00:00:00Z'))).toBe(false)
    expect(isAcceptedInstant(new Date(-8.64e15))).toBe(false)
    expect(isAcceptedInstant(new Date(Number.NaN))).toBe(false)
  })
})

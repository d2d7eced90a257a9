import { describe, expect, it } from 'vitest';
import { draftOfHours, newRange, rangeIndexOfField, requestOfDraft } from './hoursDraft';
import { itMapsEach } from '../../testing/table';

describe('draftOfHours and requestOfDraft', () => {
  it('groups the ranges by weekday, each in start order, and gives them back in that order', () => {
    const week = draftOfHours([
      { weekday: 2, start: '13:00', end: '17:00' },
      { weekday: 1, start: '13:00', end: '17:00' },
      { weekday: 1, start: '07:30', end: '11:30' },
      { weekday: 9, start: '08:00', end: '09:00' },
    ]);
    expect(week['1'].map((row) => [row.start, row.end])).toEqual([
      ['07:30', '11:30'],
      ['13:00', '17:00'],
    ]);
    expect(week['2'].map((row) => row.start)).toEqual(['13:00']);
    expect(week['7']).toEqual([]);
    // A weekday that does not exist is dropped.
    expect(Object.keys(week)).toEqual(['1', '2', '3', '4', '5', '6', '7']);

    const { ranges, rowIds } = requestOfDraft(week);
    expect(ranges).toEqual([
      { weekday: 1, start: '07:30', end: '11:30' },
      { weekday: 1, start: '13:00', end: '17:00' },
      { weekday: 2, start: '13:00', end: '17:00' },
    ]);
    expect(rowIds).toEqual([week['1'][0].id, week['1'][1].id, week['2'][0].id]);
    expect(new Set(rowIds).size).toBe(3);
  });

  it('trims what was typed', () => {
    const week = draftOfHours([]);
    week['6'].push(newRange(' 08:00', '12:00 '));
    expect(requestOfDraft(week).ranges).toEqual([{ weekday: 6, start: '08:00', end: '12:00' }]);
  });

  it('gives every new row its own id', () => {
    expect(newRange().id).not.toBe(newRange().id);
  });
});

describe('rangeIndexOfField', () => {
  itMapsEach('%j → %s', rangeIndexOfField, [
    ['ranges.3', 3],
    ['ranges.0.start', 0],
    ['ranges.12.end', 12],
    ['ranges', null],
    ['ranges.', null],
    ['ranges.x', null],
    ['ranges.3x', null],
    ['weekday', null],
    ['xranges.3', null],
  ]);
});

import { fromOpen311, parseIsoWithOffset, readRecord, SourceRecord } from './import-row';
import { itMapsEach } from '../../../testing/table';

const NOW = new Date('2025-11-01T00:00:00Z');
const good: SourceRecord = {
  external_id: 'X-1',
  category: 'pothole',
  lat: '10.7725',
  lng: '106.6981',
  description: 'Ổ gà lớn',
  address: '',
  created_at: '2024-03-05T23:30:00+07:00',
  status: 'closed',
  closed_at: '2024-03-07T10:00:00+07:00',
  channel: 'phone',
};

describe('parseIsoWithOffset', () => {
  itMapsEach('reads %s', parseIsoWithOffset, [
    ['2024-03-05T23:30:00+07:00', Date.UTC(2024, 2, 5, 16, 30)],
    ['2024-03-05 23:30+07', Date.UTC(2024, 2, 5, 16, 30)],
    ['2024-03-05T16:30:00Z', Date.UTC(2024, 2, 5, 16, 30)],
    ['2024-03-05T16:30:00.250Z', Date.UTC(2024, 2, 5, 16, 30, 0, 250)],
    ['2024-03-05T09:30:00-0700', Date.UTC(2024, 2, 5, 16, 30)],
    ['2024-02-29T00:00:00+07:00', Date.UTC(2024, 1, 28, 17)],
  ]);

  it.each([
    ['no offset', '2024-03-05T23:30:00'],
    ['a date only', '2024-03-05'],
    ['day-first', '05/03/2024 23:30'],
    ['no 30 February', '2024-02-30T10:00:00+07:00'],
    ['no 29 February in 2023', '2023-02-29T10:00:00+07:00'],
    ['no hour 24', '2024-03-05T24:00:00Z'],
    ['no 13th month', '2024-13-01T00:00:00Z'],
    ['an offset past 14 h', '2024-03-05T10:00:00+15:00'],
    ['a year before 1900', '0024-03-05T10:00:00Z'],
    ['text', 'yesterday'],
  ])('refuses %s', (_, text) => {
    expect(parseIsoWithOffset(text)).toBeNull();
  });
});

describe('readRecord', () => {
  it('reads a good record, keeping the dates as written', () => {
    const r = readRecord(good, 2, NOW);
    expect(r).toEqual({
      ok: true,
      row: {
        row: 2,
        externalId: 'X-1',
        category: 'pothole',
        lat: 10.7725,
        lng: 106.6981,
        description: 'Ổ gà lớn',
        address: null,
        createdAt: '2024-03-05T23:30:00+07:00',
        status: 'closed',
        closedAt: '2024-03-07T10:00:00+07:00',
        sourceStatus: 'closed',
        sourceChannel: 'phone',
      },
    });
  });

  it.each([
    ['open', 'new'],
    ['OPEN', 'new'],
    ['assigned', 'new'],
    ['in_progress', 'new'],
    ['waiting_citizen', 'new'],
    ['reopened', 'new'],
    ['new', 'new'],
    ['resolved', 'resolved'],
    ['closed', 'closed'],
    ['rejected', 'rejected'],
  ])('maps status %s to %s', (status, expected) => {
    const r = readRecord({ ...good, status, closed_at: expected === 'new' ? '' : good.closed_at }, 2, NOW);
    expect(r.ok && r.row.status).toBe(expected);
  });

  it.each<[string, SourceRecord, string, RegExp]>([
    ['no external id', { ...good, external_id: ' ' }, 'missing_field', /external_id/],
    ['no category', { ...good, category: undefined }, 'missing_field', /category/],
    ['no description', { ...good, description: '' }, 'missing_field', /description/],
    ['no latitude', { ...good, lat: '' }, 'missing_field', /lat/],
    ['no status', { ...good, status: '' }, 'missing_field', /status/],
    ['a latitude that is text', { ...good, lat: 'abc' }, 'bad_coordinate', /lat "abc"/],
    ['a longitude out of range', { ...good, lng: '206.1' }, 'bad_coordinate', /lng/],
    ['a created_at without offset', { ...good, created_at: '2024-03-05 23:30' }, 'bad_date', /created_at .*offset/],
    ['a created_at in the future', { ...good, created_at: '2026-01-01T00:00:00Z', closed_at: '' }, 'bad_date', /future/],
    ['a closed_at before created_at', { ...good, closed_at: '2024-03-01T00:00:00+07:00' }, 'bad_date', /before created_at/],
    ['a closed_at on an open report', { ...good, status: 'open' }, 'bad_date', /closed_at given/],
    ['a merged report', { ...good, status: 'merged' }, 'bad_status', /merged/],
    ['an unknown status', { ...good, status: 'done' }, 'bad_status', /"done"/],
    ['a description over 5000 characters', { ...good, description: 'x'.repeat(5001) }, 'too_long', /description/],
  ])('refuses %s', (_, record, kind, reason) => {
    const r = readRecord(record, 7, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.rejection.kind).toBe(kind);
      expect(r.rejection.reason).toMatch(reason);
    }
  });

  it('drops NUL bytes and trims, since PostgreSQL text cannot hold them', () => {
    const r = readRecord({ ...good, description: '  Ổ gà\u0000 lớn ' }, 2, NOW);
    expect(r.ok && r.row.description).toBe('Ổ gà lớn');
  });
});

describe('fromOpen311', () => {
  const request = {
    service_request_id: 638344,
    service_code: 'garbage',
    lat: 10.7798,
    long: 106.699,
    description: 'Rác',
    address: '1 Công xã Paris',
    requested_datetime: '2024-01-02T08:00:00+07:00',
    updated_datetime: '2024-01-03T08:00:00+07:00',
    status: 'closed',
  };

  it('maps a request onto the CSV columns, numbers as text', () => {
    expect(fromOpen311(request)).toEqual({
      external_id: '638344',
      category: 'garbage',
      lat: '10.7798',
      lng: '106.699',
      description: 'Rác',
      address: '1 Công xã Paris',
      created_at: '2024-01-02T08:00:00+07:00',
      status: 'closed',
      closed_at: '2024-01-03T08:00:00+07:00',
      channel: 'open311',
    });
  });

  it('drops updated_datetime on an open request: it is the last change, not an end', () => {
    expect(fromOpen311({ ...request, status: 'open' }).closed_at).toBeUndefined();
  });

  it.each([[null], ['text'], [[1, 2]]])('gives an empty record for %p, which is then refused', (value) => {
    const r = readRecord(fromOpen311(value), 1, NOW);
    expect(r.ok).toBe(false);
  });
});

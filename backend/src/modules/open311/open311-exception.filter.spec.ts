import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { DomainException } from '../../engine/errors/domain.exception';
import { GeoException } from '../geo/geo.exception';
import { IntakeException } from '../intake/intake.exception';
import { Open311Exception } from './open311.exception';
import { toErrorList } from './open311-exception.filter';

describe('toErrorList', () => {
  it.each<[string, unknown, number, string[]]>([
    ['a missing api_key', Open311Exception.missingApiKey(), 403, ['api_key was not provided; submitting a request needs an API key']],
    ['an unknown service', Open311Exception.unknownService('nope'), 404, ['service_code: "nope" was not found; see services.json']],
    ['an unknown category from intake', IntakeException.unknownCategory('nope'), 404, ['service_code: Unknown category "nope"']],
    ['a missing attribute from intake', IntakeException.missingAttribute('depth'), 400, ['attribute[depth]: Required for this category']],
    [
      'a point outside the city',
      GeoException.outsideCity(21.03, 105.85),
      400,
      ['lat: The point is outside Ho Chi Minh City', 'long: The point is outside Ho Chi Minh City'],
    ],
    [
      'a schema failure',
      new DomainException('validation', 'validation_failed', 'Invalid', {
        issues: [{ field: 'attribute.depth', rule: 'too_big', message: 'Too big' }],
      }),
      400,
      ['attribute[depth]: Too big'],
    ],
    ['a conflict', new DomainException('conflict', 'x', 'Still running'), 409, ['Still running']],
    ['a file in a form', new BadRequestException('Unexpected field - media'), 400, ['Unexpected field - media']],
    ['too large a body', new PayloadTooLargeException('File too large'), 413, ['File too large']],
    [
      'a malformed body (Fastify)',
      Object.assign(new Error('Body is not valid JSON'), { statusCode: 400 }),
      400,
      ['Body is not valid JSON'],
    ],
    ['anything else', new Error('db exploded: password=secret'), 500, ['Internal server error; please try again later']],
  ])('%s', (_, exception, status, descriptions) => {
    const { status: s, errors } = toErrorList(exception, 'en');
    expect(s).toBe(status);
    expect(errors).toEqual(descriptions.map((description) => ({ code: status, description })));
  });

  it('speaks Vietnamese by default where the exception has it', () => {
    expect(toErrorList(IntakeException.missingAttribute('depth'), 'vi').errors).toEqual([
      { code: 400, description: 'attribute[depth]: Bắt buộc với lĩnh vực này' },
    ]);
    expect(toErrorList(Open311Exception.invalidApiKey(), 'vi').errors[0].description).toBe('api_key không hợp lệ; phản ánh chưa được tạo');
  });

  it('keeps the specific English text beside a generic Vietnamese one', () => {
    const e = new DomainException('validation', 'validation_failed', 'Invalid', {
      issues: [{ field: 'start_date', rule: 'custom', message: 'must be a W3C datetime', messageVi: 'Giá trị không hợp lệ' }],
    });
    expect(toErrorList(e, 'vi').errors).toEqual([{ code: 400, description: 'start_date: Giá trị không hợp lệ (must be a W3C datetime)' }]);
    expect(toErrorList(e, 'en').errors).toEqual([{ code: 400, description: 'start_date: must be a W3C datetime' }]);
  });
});

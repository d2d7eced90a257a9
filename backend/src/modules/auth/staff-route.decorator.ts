import { applyDecorators, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ZodType } from 'zod';
import type { UserRole } from '../users/app-user.entity';
import { Roles } from './roles.decorator';

// The decorator stacks the routes repeat, composed last first (as stacked decorators run), so
// the OpenAPI document stays what the stacks written out gave.

/** A controller whose every route is for signed-in staff of these roles. */
export const StaffApi = (tag: string, path: string, ...roles: UserRole[]): ClassDecorator =>
  applyDecorators(Controller(path), Roles(...roles), ApiBearerAuth(), ApiTags(tag));

/** A route for signed-in staff of these roles. */
export const StaffOnly = (...roles: UserRole[]): MethodDecorator => applyDecorators(Roles(...roles), ApiBearerAuth());

/** A POST that answers `status` (200 unless said) with `schema`. */
export const PostAnswering = (path: string, schema: ZodType, status: 200 | 201 = 200): MethodDecorator =>
  applyDecorators(
    status === 201 ? ApiCreatedResponse({ standardSchema: schema }) : ApiOkResponse({ standardSchema: schema }),
    HttpCode(status),
    Post(path),
  );

/** A POST for signed-in staff of these roles that answers `status` (200 unless said) with `schema`. */
export const StaffPost = (path: string, schema: ZodType, roles: UserRole[], status: 200 | 201 = 200): MethodDecorator =>
  applyDecorators(PostAnswering(path, schema, status), StaffOnly(...roles));

import { SetMetadata } from '@nestjs/common';
import type { UserRole } from '../users/app-user.entity';

export const ROLES = 'hcmc1022:roles';

/** Restricts a route to these roles (on top of being signed in). */
export const Roles = (...roles: UserRole[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);

import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'hcmc1022:isPublic';

/** Marks a route (or controller) as open to anonymous callers; everything else needs a bearer token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

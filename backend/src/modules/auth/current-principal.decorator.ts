import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Principal } from './principal';

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal | null => ctx.switchToHttp().getRequest<{ principal?: Principal }>().principal ?? null,
);

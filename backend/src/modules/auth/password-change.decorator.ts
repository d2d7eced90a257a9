import { SetMetadata } from '@nestjs/common';

export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'hcmc1022:allowedBeforePasswordChange';

/**
 * A route a user with a temporary password may still call (who am I, choose a password, sign
 * out); every other route answers 403 auth.password_change_required until they have.
 */
export const AllowedBeforePasswordChange = (): MethodDecorator & ClassDecorator => SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);

import { SetMetadata } from '@nestjs/common';

export const ALLOWED_DURING_SETUP = 'hcmc1022:allowedDuringSetup';

/**
 * A route a user may call while their account is not set up yet (a temporary password, or no
 * second factor where their role needs one): who am I, choose a password, enrol a second factor,
 * sign out. Every other route answers 403 until they have.
 */
export const AllowedDuringSetup = (): MethodDecorator & ClassDecorator => SetMetadata(ALLOWED_DURING_SETUP, true);

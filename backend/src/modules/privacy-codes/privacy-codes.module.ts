import { Module } from '@nestjs/common';
import { ClockModule } from '../../engine/clock/clock.module';
import { PrivacyCodesRepository } from './privacy-codes.repository';
import { PrivacyCodesService } from './privacy-codes.service';

/** The codes of a data subject's e-mail verification: used by the requests (API) and by delivery (worker). */
@Module({ imports: [ClockModule], providers: [PrivacyCodesRepository, PrivacyCodesService], exports: [PrivacyCodesService] })
export class PrivacyCodesModule {}
